// `record-reference`: the designated test accounts' reference data as the platform shows it now, in a copy of the test accounts file.

import { reachRemote } from '../preflight/index.ts';
import { parseRecordArgs, recordReference, recordUsage } from '../record-reference.ts';
import { harnessProcess } from './process.ts';
import type { Command } from './types.ts';

export const command: Command = {
  name: 'record-reference',
  usage: recordUsage.replace('usage: ', ''),
  async main(argv) {
    harnessProcess();
    const args = parseRecordArgs(argv);
    await reachRemote(args.env);
    const recording = await recordReference(args.env, args.out ? { out: args.out } : {});
    console.log(`[harness] recorded on ${args.env} ${recording.instance} (${recording.version}):`);
    for (const a of recording.accounts) {
      console.log(a.written
        ? `  ${a.email}: offer ${a.offer}, ${a.events} events (${a.repeatedHour} in the hour Paris repeats in October), ${a.recordings} recordings`
        : `  ${a.email}: offer ${a.offer}, no event and no recording: no reference written (give it some history to check it after the migration)`);
    }
    console.log(`[harness] reference data written to ${recording.file}: review it, then set ${args.env.toUpperCase()}_TEST_ACCOUNTS_FILE to it for the smoke pass after the migration`);
    return 0;
  },
};
