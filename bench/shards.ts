// `npm run bench:shards -- --shards 1,2,4 [--plan FILE]`: the same plan certified with each shard count (the shards as
// parallel processes, each on its own environment, then merged), one JSON line per count: time to the merged verdict,
// each shard's time, their spread. The counts share one history folder, so each count after the first splits by the
// scenario durations the previous merge kept.

import { spawn } from 'node:child_process';
import { createWriteStream, globSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Certificate } from '../harness/reports/certificate/build.ts';
import { splitDigest } from '../harness/plan/shards.ts';
import { forRunsSideBySide } from '../environments/index.ts';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'harness', 'cli.ts');
const { values } = parseArgs({ options: { shards: { type: 'string', default: '1,2,4' }, plan: { type: 'string', default: 'test/e2e/plans/shards.yaml' } } });
const counts = values.shards.split(',').map(Number);
if (counts.some((n) => !Number.isInteger(n) || n < 1 || n > 16)) {
  console.error(`bench:shards: --shards must be a comma-separated list of whole numbers from 1 to 16, got "${values.shards}"`);
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'bench-shards-'));
const history = join(dir, 'history');
const log = createWriteStream(join(dir, 'output.log'));
const seconds = (ms: number) => Math.round(ms) / 1000;
// The digest of no durations: shards that knew none split by count.
const splitOfNothing = splitDigest({});

/** `node harness/cli.ts <args>` with its output in the bench's log; resolves to its exit code and wall time. */
function harness(args: string[]): Promise<{ code: number | null; ms: number }> {
  const started = performance.now();
  // Shards side by side on this machine, each on its own embedded broker.
  const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: forRunsSideBySide() });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const timer = setTimeout(() => child.kill('SIGKILL'), 20 * 60_000);
  return new Promise((resolve) => child.on('exit', (code) => {
    clearTimeout(timer);
    resolve({ code, ms: performance.now() - started });
  }));
}

const runFolder = (reportsDir: string): string | undefined => {
  const found = globSync('*/certificate.json', { cwd: reportsDir });
  return found.length === 1 ? join(reportsDir, dirname(found[0] as string)) : undefined;
};

let broken = false;
for (const total of counts) {
  const t0 = performance.now();
  const shards = await Promise.all(Array.from({ length: total }, async (_, i) => {
    const reportsDir = join(dir, `${total}-shards`, `shard-${i + 1}`);
    const run = await harness(['certify', '--plan', values.plan, '--shard', `${i + 1}/${total}`, '--no-html', '--reports-dir', reportsDir, '--history-dir', history]);
    return { ...run, folder: runFolder(reportsDir) };
  }));
  const folders = shards.map((s) => s.folder).filter((f): f is string => f !== undefined);
  const mergedDir = join(dir, `${total}-shards`, 'merged');
  const merge = folders.length === total ? await harness(['merge', ...folders, '--no-html', '--reports-dir', mergedDir, '--history-dir', history]) : undefined;
  const verdictMs = performance.now() - t0;
  const mergedFolder = merge ? runFolder(mergedDir) : undefined;
  const certificate = mergedFolder ? (JSON.parse(readFileSync(join(mergedFolder, 'certificate.json'), 'utf8')) as Certificate) : undefined;
  if (!certificate) broken = true;
  const shardSeconds = shards.map((s) => seconds(s.ms));
  console.log(JSON.stringify({
    bench: 'shards',
    plan: values.plan,
    shards: total,
    splitBy: folders.some((f) => (JSON.parse(readFileSync(join(f, 'certificate.json'), 'utf8')) as Certificate).metadata.split !== splitOfNothing) ? 'durations' : 'count',
    timeToVerdictSeconds: seconds(verdictMs),
    shardSeconds,
    spreadSeconds: seconds(Math.max(...shards.map((s) => s.ms)) - Math.min(...shards.map((s) => s.ms))),
    mergeSeconds: merge ? seconds(merge.ms) : undefined,
    verdict: certificate?.verdict ?? `no merged certificate (shards' exit codes ${shards.map((s) => s.code).join(', ')}; see ${join(dir, 'output.log')})`,
    scenarios: certificate?.gates.reduce((sum, g) => sum + g.results.total, 0),
  }));
}
log.end();
process.exit(broken ? 3 : 0);
