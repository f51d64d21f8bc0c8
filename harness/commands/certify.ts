// `certify`: plays a certification plan (or prints it with --dry-run) and prints the certificate's gates, partners and verdict.

import { certify } from '../certify.ts';
import { certifyUsage, parseCertifyArgs } from '../certify-args.ts';
import { printDryRun } from '../dry-run.ts';
import { printedCertificate } from '../reports/finish.ts';
import { printOutcome } from '../reports/outcome.ts';
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
    const outcome = await certify(plan, args);
    printOutcome(printedCertificate(outcome, 'certificate'));
    return outcome.certificate.exitCode;
  },
};
