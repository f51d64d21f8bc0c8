// The harness command line: a thin table of its commands (harness/commands/), each one file; the exit code says how it ended.

import { useCompileCache } from '../lib/compile-cache.ts';
import { ConfigurationError, EnvironmentError } from '../lib/errors.ts';
import type { Command } from './commands/types.ts';
import { interruption } from './interrupt.ts';
import { maxLineLength, oneLine } from './preflight/lines.ts';
import { exitCodes } from './verdict.ts';

/** Each command, loaded when asked for: `run` does not load the mutation tooling. */
const commands: Record<string, () => Promise<{ command: Command }>> = {
  run: () => import('./commands/run.ts'),
  certify: () => import('./commands/certify.ts'),
  merge: () => import('./commands/merge.ts'),
  'record-reference': () => import('./commands/record-reference.ts'),
  detection: () => import('./commands/detection.ts'),
  mutation: () => import('./commands/mutation.ts'),
  coverage: () => import('./commands/coverage.ts'),
  flakiness: () => import('./commands/flakiness.ts'),
};

// Before the command's modules load (they are imported below, when asked for), and for every process the command starts.
useCompileCache();

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name === undefined ? undefined : commands[name];
  if (!load) {
    const usages = await Promise.all(Object.values(commands).map(async (l) => `  ${(await l()).command.usage}`));
    throw new ConfigurationError(`unknown command "${name ?? ''}"; usage:\n${usages.join('\n')}`);
  }
  return (await load()).command.main(rest);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ConfigurationError || error instanceof EnvironmentError)) throw error;
  // No stack trace and no line wider than a screen: the message names what to fix.
  console.error(error.message.split('\n').map((line) => (line.length <= maxLineLength ? line : oneLine(line))).join('\n'));
  // A Ctrl-C that stopped the environment's start shows as an EnvironmentError: it is the interruption.
  process.exitCode = interruption() ? exitCodes.interrupted : error instanceof ConfigurationError ? exitCodes.configuration : exitCodes.environment;
}
