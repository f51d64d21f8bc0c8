// Runs the stub server as its own process: prints STUBS_READY {json} on stdout, stops on SIGTERM/SIGINT or when stdin closes.

import { fstatSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startStubServer } from './server.ts';
import { defaultServices } from './services/index.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' }, host: { type: 'string', default: '127.0.0.1' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`[configuration] --port must be an integer from 0 to 65535; got "${values.port}"\n`);
  process.exit(2);
}

try {
  const server = await startStubServer({ host: values.host, port });
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // Started through a pipe, the parent's death closes our stdin: no orphan stub servers.
  const stdin = fstatSync(0);
  if (stdin.isFIFO() || stdin.isSocket()) process.stdin.on('end', stop).on('close', stop).resume();
  const services = Object.fromEntries(defaultServices.map(({ name }) => [name, server.serviceUrl(name)]));
  process.stdout.write(`STUBS_READY ${JSON.stringify({ url: server.url, port: server.port, services })}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
