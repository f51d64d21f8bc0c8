// Cucumber profiles: which scenarios each kind of run selects (harness/profiles.json). The harness CLI adds formats and the report folder.

import profiles from './harness/profiles.json' with { type: 'json' };

const common = {
  import: ['steps/**/*.ts'],
  paths: ['features/**/*.feature'],
  strict: true,
  forceExit: true,
};

const byName = Object.fromEntries(Object.entries(profiles).map(([name, tags]) => [name, { ...common, tags }]));

export default byName.default;
export const { smoke, foundation } = byName;
