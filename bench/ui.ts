// UI benchmark (`npm run bench:ui`): the customer-space and back-office scenarios with 1 and 2 workers; scenarios per second and parallel efficiency.

import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { certifyRun } from '../harness/run.ts';
import { sampleCpu, type CpuSplit } from './cpu.ts';

// The exclusive scenarios (clock, maintenance) run alone whatever the workers: they would measure the scheduler, not the UI.
const tags = '@espace-client and not @exclusif and not @wip';

interface Measure { workers: number; scenarios: number; suiteSeconds: number; wallSeconds: number; verdict: string; cpu: CpuSplit }

/** Scenarios and the time from the first scenario's start to the last one's end, from the Allure results. */
function suiteTime(resultsDir: string): { scenarios: number; seconds: number } {
  const results = readdirSync(resultsDir).filter((f) => f.endsWith('-result.json'))
    .map((f) => JSON.parse(readFileSync(join(resultsDir, f), 'utf8')) as { start?: number; stop?: number; labels?: { name: string }[] })
    .filter((r) => r.start !== undefined && r.stop !== undefined && r.labels?.some((l) => l.name === 'feature'));
  const start = Math.min(...results.map((r) => r.start ?? 0));
  const stop = Math.max(...results.map((r) => r.stop ?? 0));
  return { scenarios: results.length, seconds: (stop - start) / 1000 };
}

async function measure(workers: number): Promise<Measure> {
  const started = performance.now();
  const cpu = sampleCpu();
  const outcome = await certifyRun({
    env: 'local', profile: 'default', version: 'v10', instances: 2, parallel: workers, faults: [], tags, reportsDir: join(tmpdir(), 'kw-bench-ui'), html: false,
  }, () => undefined);
  const wallSeconds = (performance.now() - started) / 1000;
  const split = cpu.stop();
  const { scenarios, seconds } = suiteTime(join(outcome.reportDir, 'allure-results'));
  return { workers, scenarios, suiteSeconds: seconds, wallSeconds, verdict: outcome.verdict, cpu: split };
}

const loadBefore = loadavg()[0] ?? 0;
const one = await measure(1);
const two = await measure(2);
const rate = (m: Measure) => m.scenarios / m.suiteSeconds;
for (const m of [one, two]) {
  console.log(`${m.workers} worker(s): ${m.scenarios} UI scenarios in ${m.suiteSeconds.toFixed(1)} s of suite (${m.wallSeconds.toFixed(1)} s with the environment): ${rate(m).toFixed(2)} scenarios/s, verdict ${m.verdict}`);
  console.log(`  CPU ${m.cpu.totalSeconds} s over ${m.cpu.wallSeconds} s (environment start and stop included): ${Object.entries(m.cpu.percent).map(([k, v]) => `${k} ${v}%`).join(', ')}`);
}
const speedUp = rate(two) / rate(one);
console.log(`parallel efficiency with 2 workers: ${((speedUp / 2) * 100).toFixed(0)}% (speed-up ×${speedUp.toFixed(2)} on ${availableParallelism()} cores)`);
// One line for the record: issue 19's target is 1.2 scenarios/s with the best worker count.
const best = Math.max(rate(one), rate(two));
const round = (n: number) => Math.round(n * 100) / 100;
console.log(JSON.stringify({
  bench: 'ui', cores: availableParallelism(), load: { before: round(loadBefore), after: round(loadavg()[0] ?? 0) },
  runs: [one, two].map((m) => ({ workers: m.workers, scenarios: m.scenarios, suiteSeconds: round(m.suiteSeconds), wallSeconds: round(m.wallSeconds), scenariosPerSecond: round(rate(m)), verdict: m.verdict, cpuSeconds: m.cpu.seconds, cpuSecondsPerScenario: round(m.cpu.totalSeconds / Math.max(1, m.scenarios)) })),
  speedUp: round(speedUp), efficiency: round(speedUp / 2), bestScenariosPerSecond: round(best), targetScenariosPerSecond: 1.2, withinTarget: best >= 1.2,
}));
if (one.verdict !== 'GO' || two.verdict !== 'GO') process.exitCode = 1;
