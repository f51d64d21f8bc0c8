// `merge`: the shards' run folders merged into one certificate, as if one machine had run the plan.

import { mergeUsage, parseMergeArgs } from '../certify-args.ts';
import { printedCertificate } from '../reports/finish.ts';
import { mergeShards } from '../merge.ts';
import { printOutcome } from '../reports/outcome.ts';
import { harnessProcess } from './process.ts';
import type { Command } from './types.ts';

export const command: Command = {
  name: 'merge',
  usage: mergeUsage.replace('usage: ', ''),
  async main(argv) {
    harnessProcess();
    const args = parseMergeArgs(argv);
    const outcome = await mergeShards(args.dirs, args.reportsDir, args.html, args.historyDir);
    printOutcome(printedCertificate(outcome, 'merged certificate'));
    return outcome.certificate.exitCode;
  },
};
