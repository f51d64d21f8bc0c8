// The plan a fault is hunted with: the migration rehearsed on a small data set, then only the suites that should catch it.

import { stringify } from 'yaml';
import type { FaultCase } from './table.ts';

/** What the detection plans need from a fault case: where its suites run and whether the rollback is rehearsed. */
export type PlanNeeds = Pick<FaultCase, 'suites' | 'on' | 'rollback'> & Partial<Pick<FaultCase, 'cutover'>>;

/** The scenarios a run step of these suites' expressions plays on `version`, as a tag expression. */
export function selection(expressions: readonly string[], version: 'v9' | 'v10'): string {
  return `(${expressions.join(' or ')}) and ${version === 'v9' ? '@v9' : 'not @v9-only'} and not @wip`;
}

/**
 * The certification plan of one fault case (or, merged, of the clean run): V9 baseline with generated data, the
 * migration with its data certification and the redeploy to V10, the case's suites on V9 (before) or V10 (after),
 * and the rollback with its certification when the case needs it. Every phase ends in a gate, as in the shipped plans;
 * an action without options is written by its bare name, as plan files allow. Each run step plays on `workers` Cucumber
 * workers when given (the certification's --parallel otherwise).
 */
export function detectionPlan(name: string, needs: PlanNeeds[], workers?: number): string {
  const suites = (on: 'v9' | 'v10', cutover = false): string[] => [...new Set(needs.filter((n) => n.suites && n.on === on && (n.cutover === true) === cutover).map((n) => `(${n.suites})`))];
  const v9 = suites('v9');
  const v10 = suites('v10');
  // The cut-over cohort is installed before maintenance-on, acts inside the window and is checked right after it.
  const cutover = suites('v10', true);
  const run = (expressions: string[], version: 'v9' | 'v10') => ({
    run: selection(expressions, version),
    ...(workers === undefined ? {} : { parallel: workers }),
  });
  const phases: unknown[] = [
    {
      id: 'baseline',
      title: 'V9 with generated data',
      steps: [{ action: 'generate-data', scale: 'small' }, ...(v9.length > 0 ? [run(v9, 'v9')] : [])],
      gate: v9.length > 0 ? { scenarios: 'all-passed', minScenarios: 1, actions: 'succeeded' } : { actions: 'succeeded' },
    },
    {
      id: 'migration',
      title: 'Maintenance, migration, data certification, redeploy on V10',
      steps: cutover.length > 0
        ? ['cutover-start', 'maintenance-on', 'cutover-window', 'snapshot', 'backup', 'migrate', 'certify-data', { action: 'redeploy', version: 'v10' }, 'maintenance-off', run(cutover, 'v10')]
        : ['maintenance-on', 'snapshot', 'backup', 'migrate', 'certify-data', { action: 'redeploy', version: 'v10' }, 'maintenance-off'],
      gate: cutover.length > 0 ? { scenarios: 'all-passed', minScenarios: 1, actions: 'succeeded', windowMinutes: 45 } : { actions: 'succeeded', windowMinutes: 45 },
    },
  ];
  if (v10.length > 0) phases.push({ id: 'suites', title: 'The suites that should catch it, on V10', steps: [run(v10, 'v10')], gate: { scenarios: 'all-passed', minScenarios: 1 } });
  if (needs.some((n) => n.rollback)) {
    phases.push({
      id: 'rollback',
      title: 'Rollback rehearsal and its certification',
      steps: ['maintenance-on', 'rollback', 'certify-rollback', { action: 'redeploy', version: 'v9' }, 'maintenance-off'],
      gate: { actions: 'succeeded' },
    });
  }
  return `# Written by npm run detection: the plan "${name}" was certified with.\n${stringify({ name, platform: { version: 'v9', instances: 2 }, phases })}`;
}
