// Allure results of one phase: labelled with the phase, made distinct from the same scenario in other phases, gathered into the run's results.

import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface AllureResult {
  historyId?: string;
  testCaseId?: string;
  labels?: { name: string; value: string }[];
}

/**
 * Copies a phase's results into the run's results folder. The same scenario in two phases (baseline on
 * V9, regression on V10) must not look like retries of one test, so its history id is made per phase. A plan of
 * one phase (`run`) copies them as they are: its trend continues that of earlier runs.
 */
export function gatherPhaseResults(phaseDir: string, runDir: string, phase: { id: string; title: string }, options: { labelled: boolean } = { labelled: true }): void {
  if (!existsSync(phaseDir)) return;
  mkdirSync(runDir, { recursive: true });
  for (const file of readdirSync(phaseDir)) {
    const from = join(phaseDir, file);
    if (!file.endsWith('-result.json') || !options.labelled) {
      copyFileSync(from, join(runDir, file));
      continue;
    }
    const result = JSON.parse(readFileSync(from, 'utf8')) as AllureResult;
    result.historyId = `${phase.id}:${result.historyId ?? ''}`;
    result.testCaseId = `${phase.id}:${result.testCaseId ?? ''}`;
    result.labels = [...(result.labels ?? []).filter((l) => l.name !== 'epic'), { name: 'phase', value: phase.id }, { name: 'epic', value: phase.title }];
    writeFileSync(join(runDir, file), JSON.stringify(result));
  }
}
