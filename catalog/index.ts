// The product matrix: its types, its validated loader and the pairwise combinations the certification runs.

export type * from './types.ts';
export { defaultCatalogDir, loadCatalog } from './load.ts';
export { CatalogError, formatIssue } from './errors.ts';
export type { CatalogIssue } from './errors.ts';
export { v10LaunchYear } from './rules.ts';
export {
  businessRules, catalogPairwise, catalogParameters, coverageOf, pairwise,
} from './pairwise.ts';
export type { CatalogCombination, PairwiseReport } from './pairwise.ts';
