/**
 * The resource catalog: which types can be tagged, which create spend, and how each format
 * spells its tags. Its data is generated from the catalog TSV files by
 * scripts/build-catalog.mjs and bundled with the code; see docs/catalog.md.
 */
export {
  cloudFormationTagProperty,
  describeType,
  supportsDefaultTags,
  terraformTagAttribute,
} from './describe.js';
export { kubernetesKind } from './kubernetes.js';
export { costOverrides, type CostOverride } from './overrides.js';
export type {
  CloudFormationTagForm,
  CloudFormationTagProperty,
  CostClass,
  KubernetesKindFacts,
  TypeFacts,
} from './types.js';
