// `run`: brings an environment up, plays the suite and prints the verdict; bad input is refused (exit 2) and an unreachable remote platform reported (exit 3) before anything starts.

import { environmentNames } from '../../environments/index.ts';
import { parseRunArgs, profiles } from '../args.ts';
import { preflightRun, reachRemote } from '../preflight/index.ts';
import { certifyRun, printRunOutcome } from '../run.ts';
import { harnessProcess } from './process.ts';
import type { Command } from './types.ts';

export const command: Command = {
  name: 'run',
  usage: `node harness/cli.ts run [--env ${environmentNames.join('|')}] [--profile ${profiles.join('|')}] [--version v9|v10] [--instances N] [--parallel N] [--tags EXPR] [--fault NAME]... [--no-html] [--reports-dir DIR] [--history-dir DIR | --no-history]`,
  async main(argv) {
    harnessProcess();
    const args = parseRunArgs(argv);
    await preflightRun(args);
    await reachRemote(args.env);
    const outcome = await certifyRun(args);
    printRunOutcome(outcome);
    return outcome.exitCode;
  },
};
