// The harness command line: `run` brings an environment up, plays the suite and prints the verdict.

import { ConfigurationError } from '../lib/errors.ts';
import { parseRunArgs } from './args.ts';
import { certifyRun, exitCodes, printOutcome } from './run.ts';

const usage = 'usage: node harness/cli.ts run [--env local|services] [--profile default|smoke|foundation] [--version v9|v10] [--instances N] [--parallel N] [--tags EXPR] [--fault NAME]... [--no-html]';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'run') throw new ConfigurationError(`unknown command "${command ?? ''}"; ${usage}`);
  const outcome = await certifyRun(parseRunArgs(rest));
  printOutcome(outcome);
  return exitCodes[outcome.verdict];
}

// A second Ctrl-C while tearing down means "now": the next run reaps what is left.
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\n[harness] ${signal}: stopping the run and tearing the environment down (again to force)`);
  });
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ConfigurationError) {
    console.error(error.message);
    process.exitCode = exitCodes['configuration-error'];
  } else throw error;
}
