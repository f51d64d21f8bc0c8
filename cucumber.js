// Cucumber profiles: which scenarios each kind of run selects (harness/profiles.json). The harness CLI adds formats and the report folder.

import profiles from './harness/profiles.json' with { type: 'json' };
import { suitePaths } from './harness/suite-paths.ts';

// features/ and steps/, or the fixtures a self-test names (HARNESS_SUITE_DIR, HARNESS_FEATURES): see harness/suite-paths.ts.
const { features, support } = suitePaths();

const common = {
  import: support,
  paths: features,
  strict: true,
  forceExit: true,
};

const byName = Object.fromEntries(Object.entries(profiles).map(([name, tags]) => [name, { ...common, tags }]));

export default byName.default;
export const { smoke, foundation } = byName;
