// Fleet mode: thousands of simulated devices of mixed generations, seeded, sharded, with live progress and a summary.

export { readFleetSpec, parseFleetFile, type FleetEntry } from './spec.ts';
export { planFleet, parseShard, type FleetDevice, type Shard } from './plan.ts';
export { runFleet, type FleetOptions, type FleetProgress, type FleetSummary } from './runner.ts';
export { onboardFleet, type OnboardOptions } from './onboard.ts';
export { resolveTarget, checkTarget, type FleetTarget } from './environment.ts';
export { clearRetainedStatus, statusTopic } from './retained.ts';
export { progressLine, summaryText } from './progress.ts';
