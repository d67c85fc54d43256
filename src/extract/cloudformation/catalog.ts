import { cloudFormationTagProperty } from '../../catalog/index.js';
import type { CloudFormationTagProperty } from '../../catalog/index.js';

/** `aws` for AWS types (and `Custom::` resources, which AWS runs); else the lowercased prefix. */
export function providerOf(type: string): string {
  const prefix = type.split('::', 1)[0] ?? '';
  return prefix === 'AWS' || prefix === 'Custom' ? 'aws' : prefix.toLowerCase();
}

/**
 * Where a resource type takes its tags, as the catalog says (unknown third-party types take a
 * `Tags` list); `undefined` for types that cannot be tagged, whose resources are still
 * reported, with no tags.
 */
export function tagPropertyOf(type: string): CloudFormationTagProperty | undefined {
  return cloudFormationTagProperty(type);
}
