// `npm run flakiness -- --runs 10`: the full regression N times on a healthy local environment, counting failures and passes on retry.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { RunOutcome } from '../run.ts';

import type { Command } from './types.ts';

export const command: Command = {
  name: 'flakiness',
  usage: 'npm run flakiness -- --runs 10',
  async main(argv) {
    const { values } = parseArgs({ args: argv, options: { runs: { type: 'string', default: '10' }, profile: { type: 'string', default: 'default' } } });
    const runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1) {
      console.error(`[configuration] --runs must be a whole number ≥ 1, got "${values.runs}"`);
      process.exit(2);
    }
    const cli = join(import.meta.dirname, '..', 'cli.ts');
    const rows: { run: number; verdict: string; scenarios: number; failed: number; flaky: number; seconds: number; problems: string[] }[] = [];
    for (let run = 1; run <= runs; run++) {
      const reportsDir = mkdtempSync(join(tmpdir(), 'flakiness-'));
      const started = performance.now();
      // One retry, so that a scenario that fails then passes shows as flaky instead of hiding as a pass or a failure.
      spawnSync(process.execPath, [cli, 'run', '--profile', values.profile, '--no-html', '--retry', '1', '--reports-dir', reportsDir], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 30 * 60_000 });
      const id = readdirSync(reportsDir)[0];
      const file = id ? join(reportsDir, id, 'summary.json') : '';
      const outcome = file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RunOutcome) : undefined;
      const row = {
        run,
        verdict: outcome?.verdict ?? 'did not finish',
        scenarios: outcome?.summary.total ?? 0,
        failed: (outcome?.summary.problems ?? []).filter((p) => p.status !== 'flaky').length,
        flaky: outcome?.summary.flaky ?? 0,
        seconds: Math.round((performance.now() - started) / 100) / 10,
        problems: (outcome?.summary.problems ?? []).map((p) => `${p.status}: ${p.name}: ${p.message}`),
      };
      rows.push(row);
      console.error(`[flakiness] run ${run}/${runs}: ${row.verdict}, ${row.scenarios} scenarios, ${row.failed} failed, ${row.flaky} flaky, ${row.seconds} s`);
      for (const problem of row.problems) console.error(`    ${problem}`);
    }
    console.log('| run | verdict | scenarios | failed | passed on retry | seconds |\n| --- | --- | --- | --- | --- | --- |');
    for (const r of rows) console.log(`| ${r.run} | ${r.verdict} | ${r.scenarios} | ${r.failed} | ${r.flaky} | ${r.seconds} |`);
    const failed = rows.reduce((n, r) => n + r.failed, 0);
    const flaky = rows.reduce((n, r) => n + r.flaky, 0);
    const unfinished = rows.filter((r) => r.verdict === 'did not finish' || r.scenarios === 0).length;
    console.log(`\nflakiness: ${runs} runs, ${failed} failures, ${flaky} passes on retry, ${unfinished} runs that did not finish`);
    return failed === 0 && flaky === 0 && unfinished === 0 ? 0 : 1;
  },
};
