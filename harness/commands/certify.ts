// `certify`: plays a certification plan (or prints it with --dry-run) and prints the certificate's gates, partners and verdict.

import { pathToFileURL } from 'node:url';
import { certify } from '../certify.ts';
import { certifyUsage, parseCertifyArgs } from '../certify-args.ts';
import { printDryRun } from '../dry-run.ts';
import { loadPlan } from '../plan/load.ts';
import { preflightCertify, reachRemote } from '../preflight/index.ts';
import { harnessProcess } from './process.ts';
import type { Command } from './types.ts';

export const command: Command = {
  name: 'certify',
  usage: certifyUsage.replace('usage: ', ''),
  async main(argv) {
    harnessProcess();
    const args = parseCertifyArgs(argv);
    const plan = loadPlan(args.planFile);
    await preflightCertify(args, plan);
    if (args.dryRun) {
      await printDryRun(plan, args);
      return 0;
    }
    await reachRemote(args.env);
    const { certificate, files } = await certify(plan, args);
    for (const gate of certificate.gates) console.log(`  ${gate.verdict.toUpperCase().padEnd(8)} ${gate.title}${gate.reasons.length ? `: ${gate.reasons.join('; ')}` : ''}`);
    for (const partner of certificate.partners) console.log(`  ${partner.verdict.padEnd(10)} ${partner.name}: ${partner.why}`);
    for (const note of certificate.notes) console.log(`  note: ${note}`);
    console.log(`[harness] certificate: ${certificate.verdict} (${certificate.why})`);
    console.log(`[harness] certificate: ${pathToFileURL(files.html).href}`);
    if (certificate.reports.overall) console.log(`[harness] report: ${pathToFileURL(certificate.reports.overall).href}`);
    return certificate.exitCode;
  },
};
