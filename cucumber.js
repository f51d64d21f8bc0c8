// Cucumber profiles: which scenarios each kind of run selects (harness/profiles.json). The harness CLI adds formats and the report folder.

import profiles from './harness/profiles.json' with { type: 'json' };

// HARNESS_FEATURES (comma-separated globs) points the harness at other feature files: for the harness's own tests only.
const features = process.env.HARNESS_FEATURES ? process.env.HARNESS_FEATURES.split(',') : ['features/**/*.feature'];

const common = {
  import: ['steps/**/*.ts'],
  paths: features,
  strict: true,
  forceExit: true,
};

const byName = Object.fromEntries(Object.entries(profiles).map(([name, tags]) => [name, { ...common, tags }]));

export default byName.default;
export const { smoke, foundation } = byName;
