// One stand-in platform instance as a process (docs/platform-interface.md): READY line on stdout, logs on stderr, no orphans.

import { parseServerFlags } from './flags.ts';
import { startInstance } from './instance.ts';
import type { RunningInstance } from './instance.ts';
import { createLogger, describeError } from './log.ts';
import type { Logger } from './log.ts';
import { StartupError } from './startup-error.ts';

async function main(args: string[]): Promise<void> {
  let log = createLogger('sandbox');
  try {
    const options = parseServerFlags(args);
    log = createLogger(`sandbox[${options.instance}]`);
    const instance = await startInstance(options, log);
    stopOnSignals(instance, log);
    const ready = { instance: options.instance, version: options.version, port: instance.port, url: instance.url, ...instance.devices };
    process.stdout.write(`SANDBOX_READY ${JSON.stringify(ready)}\n`);
    log.info(`${options.version} instance listening on ${instance.url}`);
  } catch (error) {
    log.error(error instanceof StartupError ? error.message : `unexpected startup failure: ${describeError(error)}`);
    process.exit(2);
  }
}

/** SIGTERM, SIGINT, or the parent gone (stdin closed) all stop the instance; a stop that hangs is cut short. */
function stopOnSignals(instance: RunningInstance, log: Logger): void {
  let stopping = false;
  const stop = (reason: string): void => {
    if (stopping) return;
    stopping = true;
    log.info(`stopping (${reason})`);
    setTimeout(() => {
      log.error('stop took more than 8 s; exiting anyway');
      process.exit(1);
    }, 8000).unref();
    instance.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error(`stop failed: ${describeError(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  if (!process.stdin.isTTY) {
    process.stdin.on('end', () => stop('stdin closed'));
    process.stdin.on('close', () => stop('stdin closed'));
    process.stdin.on('error', () => stop('stdin error'));
    process.stdin.resume();
  }
}

await main(process.argv.slice(2));
