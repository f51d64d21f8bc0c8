// `merge`: combines the runs of `certify --shard i/n` into one report and one certificate; a missing shard keeps it incomplete.

import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { ConfigurationError } from '../lib/errors.ts';
import type { Certificate } from './reports/certificate/build.ts';
import { finishCertification, type CertifyOutcome } from './reports/finish.ts';
import { evaluateGate } from './plan/gates.ts';
import { loadPlan } from './plan/load.ts';
import { messagesDir, type PhaseRecord } from './plan/runner.ts';
import { summarizeMessagesDir } from './reports/scenario-results.ts';
import { newRunId, openRunFolder } from './run-folder.ts';

const root = join(import.meta.dirname, '..');

function readShard(dir: string): Certificate & { dir: string } {
  const file = join(dir, 'certificate.json');
  if (!existsSync(file)) throw new ConfigurationError(`cannot merge ${dir}: it holds no certificate.json (is it the folder of a certify --shard run?)`);
  const certificate = JSON.parse(readFileSync(file, 'utf8')) as Certificate;
  if (!certificate.metadata.shard) throw new ConfigurationError(`cannot merge ${dir}: its run was not sharded (no --shard i/n)`);
  return { ...certificate, dir };
}

/** `historyDir`: where the merged reports' history is kept (`--history-dir`); false: none; default `<reports dir>/history`. */
export async function mergeShards(dirs: string[], reportsDir: string, html: boolean, historyDir?: string | false): Promise<CertifyOutcome> {
  if (dirs.length === 0) throw new ConfigurationError('merge needs the folders of the shards\' runs: node harness/cli.ts merge reports/<run 1> reports/<run 2> ...');
  const shards = dirs.map((dir) => readShard(resolve(dir)));
  const [first] = shards;
  const total = first?.metadata.shard?.total ?? 0;
  for (const shard of shards) {
    if (shard.metadata.shard?.total !== total) throw new ConfigurationError(`cannot merge: ${shard.dir} is shard ${shard.metadata.shard?.index}/${shard.metadata.shard?.total}, the others are of ${total}`);
    if (shard.metadata.plan.name !== first?.metadata.plan.name) throw new ConfigurationError(`cannot merge: ${shard.dir} played plan "${shard.metadata.plan.name}", the others "${first?.metadata.plan.name}"`);
    // The shards of one certification: the same code and plan file, on the same environment, split alike.
    // One line per shard: the CLI cuts a line past 200 characters, and folders are long.
    const differs = (what: string, value: (c: Certificate) => string | undefined, fix: string) => {
      if (first && value(shard) !== value(first)) throw new ConfigurationError(`cannot merge: the shards' ${what} differ: ${fix}\n  ${shard.dir}: ${value(shard) ?? 'none'}\n  ${first.dir}: ${value(first) ?? 'none'}`);
    };
    differs('commits', (c) => c.metadata.commit, 'every shard must run the same commit (the shards of one pipeline)');
    differs('plan files', (c) => c.metadata.plan.file, 'every shard must play the same plan file');
    differs('environments', (c) => c.metadata.environment, 'every shard must run on the same kind of environment');
    differs('scenario durations', (c) => c.metadata.split, 'they split the plan by different scenario-durations.json files, so a scenario may have run on two shards or on none; give every shard the same history folder');
  }
  const indexes = shards.map((s) => s.metadata.shard?.index ?? 0);
  const duplicate = indexes.find((index, i) => indexes.indexOf(index) !== i);
  if (duplicate !== undefined) throw new ConfigurationError(`cannot merge: shard ${duplicate}/${total} is given twice`);
  const missing = Array.from({ length: total }, (_, i) => i + 1).filter((i) => !indexes.includes(i));
  const plan = loadPlan(resolve(root, first?.metadata.plan.file ?? ''));
  // A merge starts no environment: its run folder's private part is not needed.
  const folder = openRunFolder(reportsDir, `${newRunId()}-merged`);
  folder.close();
  const { runId, runDir } = folder;
  for (const shard of shards) {
    // Each shard's run metadata and history (its own trend) stay behind: the merged run writes its own and feeds the plan's trend.
    const results = join(shard.dir, 'allure-results');
    cpSync(results, join(runDir, 'allure-results'), { recursive: true, filter: (src) => !/(environment\.properties|categories\.json|executor\.json)$/.test(src) && relative(results, src).split(sep)[0] !== 'history' });
    if (existsSync(join(shard.dir, 'phases'))) for (const phase of readdirSync(join(shard.dir, 'phases'))) cpSync(join(shard.dir, 'phases', phase), join(runDir, 'phases', phase), { recursive: true });
  }
  const phases: PhaseRecord[] = plan.phases.map((phase) => {
    const records = shards.map((s) => ({ shard: s.metadata.shard, gate: s.gates.find((g) => g.id === phase.id) }));
    const steps = records.flatMap(({ shard, gate }) => (gate?.steps ?? []).map((step) => ({ ...step, detail: `shard ${shard?.index}/${total}: ${step.detail}` })));
    const results = summarizeMessagesDir(messagesDir(runDir, phase.id));
    const gate = evaluateGate(phase.gate, steps, results, undefined);
    const startedAt = records.map((r) => r.gate?.startedAt ?? '').sort()[0] ?? '';
    const endedAt = records.map((r) => r.gate?.endedAt ?? '').sort().at(-1) ?? '';
    return { id: phase.id, title: phase.title, startedAt, endedAt, steps, results, gate };
  });
  const interrupted = shards.find((s) => s.verdict === 'INTERRUPTED');
  const notes = [...shards.flatMap((s) => s.notes.map((n) => `shard ${s.metadata.shard?.index}/${total}: ${n}`)), ...missing.map((i) => `shard ${i}/${total} is missing: its scenarios were not run, the certificate is incomplete`)];
  return finishCertification({
    runId,
    runDir,
    plan,
    phases,
    notes,
    html,
    interrupted: interrupted ? `shard ${interrupted.metadata.shard?.index}/${total} was interrupted: ${interrupted.why}` : undefined,
    historyDir,
    metadata: {
      environment: first?.metadata.environment ?? '',
      startedAt: shards.map((s) => s.metadata.startedAt).sort()[0] ?? '',
      finalVersion: first?.metadata.platform.finalVersion ?? '',
      instances: first?.metadata.platform.instances ?? 0,
      shard: undefined,
      shards: shards.map((s) => s.metadata.shard ?? { index: 0, total }),
    },
  });
}
