// Cucumber profiles: which scenarios each kind of run selects. The harness CLI adds formats and the report folder.

const common = {
  import: ['steps/**/*.ts'],
  paths: ['features/**/*.feature'],
  strict: true,
  forceExit: true,
};

/** Every scenario but work in progress: the full regression. */
export default { ...common, tags: 'not @wip' };

/** The production smoke pass: fast, read-mostly, every instance and brand. */
export const smoke = { ...common, tags: '@smoke and not @wip' };

/** The first end-to-end slice through every layer. */
export const foundation = { ...common, tags: '@foundation and not @wip' };
