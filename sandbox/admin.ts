// Administration CLI of the stand-in platform: `node sandbox/admin.ts init|generate|backup|migrate|rollback|maintenance ...` (see docs/platform-interface.md).

import { parseInitFlags } from './flags.ts';
import { initPlatform } from './init.ts';
import { describeError } from './log.ts';
import { opsCommands, opsUsage } from './migration/commands.ts';
import { StartupError } from './startup-error.ts';

const usage = `usage: node sandbox/admin.ts init --version v9|v10 --accounts-url U --events-url U --media-url U [--catalog DIR]\n  ${opsUsage}`;

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  const ops = command !== undefined && Object.hasOwn(opsCommands, command) ? opsCommands[command] : undefined;
  if (ops) {
    process.stdout.write(`${JSON.stringify(await ops(rest))}\n`);
    return;
  }
  if (command !== 'init') throw new StartupError(`unknown command ${JSON.stringify(command ?? null)}; ${usage}`);
  const options = parseInitFlags(rest);
  const counts = await initPlatform(options);
  process.stdout.write(`${JSON.stringify({ initialized: options.version, ...counts })}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof StartupError ? error.message : `unexpected error: ${describeError(error)}`;
  process.stderr.write(`admin: ${message}\n`);
  process.exitCode = 2;
});
