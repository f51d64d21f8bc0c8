// The harness command line: `run` brings an environment up, plays the suite and prints the verdict.

import { pathToFileURL } from 'node:url';
import { environmentNames } from '../environments/index.ts';
import { ConfigurationError, EnvironmentError } from '../lib/errors.ts';
import { maskStream } from '../lib/mask.ts';
import { parseRunArgs } from './args.ts';
import { certify } from './certify.ts';
import { certifyUsage, mergeUsage, parseCertifyArgs, parseMergeArgs } from './certify-args.ts';
import { printDryRun } from './dry-run.ts';
import { mergeShards } from './merge.ts';
import { parseRecordArgs, recordReference, recordUsage } from './record-reference.ts';
import { loadPlan } from './plan/load.ts';
import { interruption, watchInterrupts } from './interrupt.ts';
import { preflightCertify, preflightRun, reachRemote } from './preflight/index.ts';
import { maxLineLength, oneLine } from './preflight/lines.ts';
import { certifyRun, printOutcome } from './run.ts';
import { exitCodes } from './verdict.ts';

const usage = `usage:\n  ${recordUsage.replace('usage: ', '')}\n  ${mergeUsage.replace('usage: ', '')}\n  node harness/cli.ts run [--env ${environmentNames.join('|')}] [--profile default|smoke|foundation] [--version v9|v10] [--instances N] [--parallel N] [--tags EXPR] [--fault NAME]... [--no-html] [--reports-dir DIR] [--history-dir DIR | --no-history]\n  ${certifyUsage.replace('usage: ', '')}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'run') {
    // Bad input is refused (exit 2) and an unreachable remote platform reported (exit 3) before anything starts.
    const args = parseRunArgs(rest);
    await preflightRun(args);
    await reachRemote(args.env);
    const outcome = await certifyRun(args);
    printOutcome(outcome);
    return outcome.exitCode;
  }
  if (command === 'certify') {
    const args = parseCertifyArgs(rest);
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
  }
  if (command === 'merge') {
    const args = parseMergeArgs(rest);
    const { certificate, files } = await mergeShards(args.dirs, args.reportsDir, args.html, args.historyDir);
    for (const note of certificate.notes) console.log(`  note: ${note}`);
    console.log(`[harness] merged certificate: ${certificate.verdict} (${certificate.why})`);
    console.log(`[harness] certificate: ${pathToFileURL(files.html).href}`);
    return certificate.exitCode;
  }
  if (command === 'record-reference') {
    const args = parseRecordArgs(rest);
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
  }
  throw new ConfigurationError(`unknown command "${command ?? ''}"; ${usage}`);
}

// Whatever the harness or Cucumber prints goes through the one masking function (passwords, tokens, known secrets).
maskStream(process.stdout);
maskStream(process.stderr);

watchInterrupts();

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ConfigurationError || error instanceof EnvironmentError)) throw error;
  // No stack trace and no line wider than a screen: the message names what to fix.
  console.error(error.message.split('\n').map((line) => (line.length <= maxLineLength ? line : oneLine(line))).join('\n'));
  // A Ctrl-C that stopped the environment's start shows as an EnvironmentError: it is the interruption.
  process.exitCode = interruption() ? exitCodes.interrupted : error instanceof ConfigurationError ? exitCodes.configuration : exitCodes.environment;
}
