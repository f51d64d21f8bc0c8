// `merge`: the shards' run folders merged into one certificate, as if one machine had run the plan.

import { pathToFileURL } from 'node:url';
import { mergeUsage, parseMergeArgs } from '../certify-args.ts';
import { mergeShards } from '../merge.ts';
import { harnessProcess } from './process.ts';
import type { Command } from './types.ts';

export const command: Command = {
  name: 'merge',
  usage: mergeUsage.replace('usage: ', ''),
  async main(argv) {
    harnessProcess();
    const args = parseMergeArgs(argv);
    const { certificate, files } = await mergeShards(args.dirs, args.reportsDir, args.html, args.historyDir);
    for (const note of certificate.notes) console.log(`  note: ${note}`);
    console.log(`[harness] merged certificate: ${certificate.verdict} (${certificate.why})`);
    console.log(`[harness] certificate: ${pathToFileURL(files.html).href}`);
    return certificate.exitCode;
  },
};
