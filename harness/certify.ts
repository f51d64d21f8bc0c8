// `certify`: plays the plan against an environment, then writes the reports and the go/no-go certificate.

import type { CertifyArgs } from './certify-args.ts';
import { finishCertification, type CertifyOutcome } from './reports/finish.ts';
import { playOnEnvironment } from './play.ts';
import { durationsStore, readDurations, splitDigest } from './plan/shards.ts';
import type { Plan } from './plan/types.ts';
import { openRunFolder } from './run-folder.ts';

export type { CertifyOutcome } from './reports/finish.ts';

export async function certify(plan: Plan, args: CertifyArgs, log: (line: string) => void = console.log): Promise<CertifyOutcome> {
  const folder = openRunFolder(args.reportsDir);
  // Every shard splits the plan by the same durations (the last whole or merged runs'): merge checks they did.
  const store = args.shard ? durationsStore(args.reportsDir, args.historyDir, args.env, plan.file) : undefined;
  const durations = args.shard ? (store ? readDurations(store) : { byScenario: {}, source: 'none' }) : undefined;
  const shardNote = args.shard ? ` (shard ${args.shard.index}/${args.shard.total}, split by ${durations?.source === 'none' ? 'count: no scenario durations known yet' : `the durations in ${durations?.source}`})` : '';
  log(`[harness] certification ${folder.runId}: plan "${plan.name}" on ${args.env}${shardNote}, ${plan.phases.length} phases`);
  const played = await playOnEnvironment(plan, { env: args.env, folder, instances: args.instances, faults: args.faults, parallel: args.parallel, parallelGiven: args.parallelGiven, shard: args.shard, durations: durations?.byScenario ?? {}, log });
  return finishCertification({
    runId: folder.runId,
    runDir: folder.runDir,
    plan,
    phases: played.phases,
    notes: [...(played.broken ? [played.broken] : []), ...played.notes],
    // An interrupted run gets its certificate (marked INTERRUPTED) at once, without the reports' minutes.
    html: args.html && !played.interrupted,
    interrupted: played.interrupted,
    historyDir: args.historyDir,
    metadata: { environment: args.env, startedAt: played.startedAt, finalVersion: played.finalVersion, instances: args.instances ?? plan.platform.instances, shard: args.shard, ...(durations ? { split: splitDigest(durations.byScenario) } : {}) },
  });
}
