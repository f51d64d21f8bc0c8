// The mutation report: what was drawn, how each mutant was judged, the score with its interval, and the survivors to explain.

import { describeMutant, type Mutant } from './mutants.ts';
import { percent, type Judgement, type Score } from './score.ts';

export interface MutationReport extends Score {
  seed: number;
  sample: number;
  population: number;
  plan: string;
  interrupted: boolean;
  /** The number of the first drawn mutant judged (`--from`, 1 for a full run). */
  from: number;
  /** The number of the last drawn mutant judged (`--to`, the sample size for a full run). */
  to: number;
  cleanRunSeconds: number;
  totalSeconds: number;
  /** `number`: the mutant's place in the seeded draw (the same in a full run and in one resumed with `--from`). */
  mutants: (Mutant & Judgement & { number: number; seconds: number })[];
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdown(r: MutationReport): string {
  const judged = r.counts.killed + r.counts.survived;
  const perMutant = r.mutants.length === 0 ? 0 : r.mutants.reduce((s, m) => s + m.seconds, 0) / r.mutants.length;
  const lines = [
    '# Mutation score of the certification (sampled)',
    '',
    `Seed ${r.seed}, ${r.mutants.length} of ${r.sample} mutants judged${r.from > 1 || r.to < r.sample ? `, numbers ${r.from} to ${r.to} of the draw (--from ${r.from} --to ${r.to})` : ''}${r.interrupted ? ' (interrupted)' : ''}, drawn from ${r.population} mutants of the stand-in platform's V10 code; plan \`${r.plan}\`.`,
    '',
    `**Score ${percent(r.score)}** (${r.counts.killed} killed of ${judged} judged), 95% Wilson interval ${percent(r.interval?.low)} to ${percent(r.interval?.high)}.`,
    `Not judged: ${r.counts.incomplete} incomplete, ${r.counts.timeout} timed out (never counted as killed).`,
    `Time: ${(r.totalSeconds / 60).toFixed(1)} min in all; clean run ${r.cleanRunSeconds.toFixed(0)} s; ${perMutant.toFixed(0)} s per mutant on average.`,
    '',
    '## Survivors',
    '',
  ];
  const survivors = r.mutants.filter((m) => m.outcome === 'survived');
  if (survivors.length === 0) lines.push('None.');
  for (const m of survivors) lines.push(`- ${m.number}. ${describeMutant(m)}`);
  lines.push('', '## Every mutant', '', '| # | mutant | outcome | by / why | time |', '| --- | --- | --- | --- | --- |');
  r.mutants.forEach((m) => {
    const why = m.why.slice(0, 2).map((w) => w.slice(0, 160)).join('<br>');
    lines.push(`| ${m.number} | ${cell(describeMutant(m))} | ${m.outcome} | ${cell(why)} | ${m.seconds.toFixed(0)} s |`);
  });
  return `${lines.join('\n')}\n`;
}
