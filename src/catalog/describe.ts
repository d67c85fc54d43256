import type { SourceFormat } from '../model.js';
import {
  cloudFormationTypeFacts,
  DEFAULT_TAG_PROPERTY,
  isCustomResource,
  isSamType,
  SAM_TAG_PROPERTY,
} from './cloudformation.js';
import { kubernetesKind } from './kubernetes.js';
import { describeSdkType } from './sdk/index.js';
import { costOverrides } from './overrides.js';
import {
  isCataloguedProvider,
  isUtilityProvider,
  terraformProviderOf,
  terraformTypeFacts,
  usualTagAttribute,
} from './terraform.js';
import type { CloudFormationTagProperty, CostClass, TypeFacts } from './types.js';

/**
 * The catalog's answers about resource types, per input format. Unknown types get the cautious
 * answer: taggable and cost-bearing, so that a resource the catalog has not heard of is checked
 * rather than silently passed.
 */

const UNKNOWN: TypeFacts = { known: false, taggable: true, costBearing: true };
const FREE_AND_UNTAGGABLE: TypeFacts = { known: true, taggable: false, costBearing: false };

/**
 * Whether a type creates spend: a hand-made override first, then the table's cost; `unknown`
 * counts as cost-bearing for a type that can be tagged, and as free for one that cannot (such a
 * type cannot be checked either way).
 */
export function resolveCostBearing(type: string, cost: CostClass, taggable: boolean): boolean {
  const override = costOverrides.get(type);
  if (override) return override.costBearing;
  return cost === 'yes' || (cost === 'unknown' && taggable);
}

/**
 * What the catalog knows about a resource type of the given format. Terraform and plan types
 * are looked up by name (the provider is the name's prefix); CloudFormation by type name;
 * Kubernetes kinds that an extractor emits are always taggable and cost-bearing; SDK call
 * sites are looked up in the SDK catalog (a `CreateVpc` call creates nothing billed).
 * `provider` is accepted for symmetry with `Resource`; the type name alone decides.
 */
export function describeType(format: SourceFormat, _provider: string, type: string): TypeFacts {
  switch (format) {
    case 'terraform':
    case 'terraform-plan':
      return describeTerraformType(type);
    case 'cloudformation':
      return describeCloudFormationType(type);
    case 'kubernetes':
      return describeKubernetesKind(type);
    case 'sdk': {
      // The extractor emits only catalogued operations; any other type is judged cautiously.
      const facts = describeSdkType(type);
      return { known: true, ...(facts ?? { taggable: true, costBearing: true }) };
    }
  }
}

function describeTerraformType(type: string): TypeFacts {
  const facts = terraformTypeFacts(type);
  if (facts) {
    const taggable = facts.tagAttribute !== undefined;
    return { known: true, taggable, costBearing: resolveCostBearing(type, facts.cost, taggable) };
  }
  if (isUtilityProvider(terraformProviderOf(type))) return FREE_AND_UNTAGGABLE;
  return UNKNOWN;
}

function describeCloudFormationType(type: string): TypeFacts {
  const facts = cloudFormationTypeFacts(type);
  if (facts) {
    const taggable = facts.tagProperty !== undefined;
    return { known: true, taggable, costBearing: resolveCostBearing(type, facts.cost, taggable) };
  }
  if (isCustomResource(type)) return FREE_AND_UNTAGGABLE;
  if (isSamType(type)) return { known: true, taggable: true, costBearing: true };
  return UNKNOWN;
}

function describeKubernetesKind(kind: string): TypeFacts {
  // The extractor emits only the objects it has judged to create cost (a conditional kind
  // only when its condition holds), so every emitted kind is checked.
  return { known: kubernetesKind(kind) !== undefined, taggable: true, costBearing: true };
}

/**
 * The attribute that holds a Terraform type's tags: `tags` (aws, azurerm), `labels` (google),
 * or a nested one (`settings.user_labels`, `node_config.resource_labels`). Undefined when the
 * type cannot be tagged. An unlisted type of a catalogued provider gets that provider's usual
 * attribute; a type of any other provider (other than the utility ones) gets `tags`.
 */
export function terraformTagAttribute(type: string): string | undefined {
  const facts = terraformTypeFacts(type);
  if (facts) return facts.tagAttribute;
  const provider = terraformProviderOf(type);
  if (isUtilityProvider(provider)) return undefined;
  return usualTagAttribute(provider) ?? 'tags';
}

/**
 * Whether a Terraform type inherits the provider's `default_tags` (aws) or `default_labels`
 * (google). Azure has no provider default tags. An unlisted aws or google type is assumed to
 * inherit them, as nearly every taggable type of those providers does.
 */
export function supportsDefaultTags(type: string): boolean {
  const facts = terraformTypeFacts(type);
  if (facts) return facts.defaultTags;
  const provider = terraformProviderOf(type);
  return isCataloguedProvider(provider) && provider !== 'azurerm';
}

/**
 * Where and in which form a CloudFormation type takes its tags, from the table; SAM types the
 * table lacks take a `Tags` map; other unlisted types (new AWS types, third-party registry
 * types) are assumed to take a `Tags` list. Undefined when the type cannot be tagged.
 */
export function cloudFormationTagProperty(type: string): CloudFormationTagProperty | undefined {
  const facts = cloudFormationTypeFacts(type);
  if (facts) return facts.tagProperty;
  if (isCustomResource(type)) return undefined;
  if (isSamType(type)) return SAM_TAG_PROPERTY;
  return DEFAULT_TAG_PROPERTY;
}
