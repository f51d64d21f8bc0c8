// `certify --dry-run`: the plan as it would run, where, with which accounts, and the scenarios each run selects.

import { capabilitiesOf } from '../environments/index.ts';
import type { CertifyArgs } from './certify-args.ts';
import { workersOf } from './plan/runner.ts';
import type { Plan } from './plan/types.ts';
import { listScenarios } from './scenarios.ts';

export async function printDryRun(plan: Plan, args: CertifyArgs, log: (line: string) => void = console.log): Promise<void> {
  log(`Plan "${plan.name}" (${plan.file})`);
  log(`Where: environment ${args.env}, platform ${plan.platform.version} on ${args.instances ?? plan.platform.instances} instances${args.faults.length ? `, faults: ${args.faults.join(', ')}` : ''}`);
  log(`Accounts: ${capabilitiesOf(args.env).accounts === 'created' ? 'each scenario creates its own synthetic customers (marked X-Synthetic-Traffic)' : 'the designated test accounts of the environment only'}`);
  for (const phase of plan.phases) {
    log(`\n${phase.id}: ${phase.title}${phase.alongside === undefined ? '' : ` (at the same time as ${phase.alongside})`}`);
    for (const step of phase.steps) {
      if (step.kind === 'action') {
        log(`  - platform action: ${[step.action, step.version, step.scale].filter(Boolean).join(' ')}`);
        continue;
      }
      const scenarios = await listScenarios(step.tags);
      log(`  - run "${step.tags}": ${scenarios.length} scenario(s), ${workersOf(step, args)} Cucumber workers`);
      for (const scenario of scenarios) log(`      ${scenario.where}  ${scenario.name}`);
    }
  }
}
