import { stringEntries, valueOf, type ParsedTemplate } from './parse.js';

/**
 * SAM `Globals`: each section (`Function`, `Api`, `HttpApi`, `SimpleTable`, `StateMachine`,
 * `CapacityProvider`, ...) holds properties every `AWS::Serverless::<section>` resource of the
 * template inherits, `Tags` and `PropagateTags` among them. A resource's own value wins; tag
 * maps are merged key by key, as the SAM transform does.
 */

const SERVERLESS_PREFIX = 'AWS::Serverless::';

/** The `Globals` section of each SAM resource type, keyed by the full type name. */
export function readSamGlobals(template: ParsedTemplate): Map<string, unknown> {
  const sections = new Map<string, unknown>();
  const globals = template.deref(valueOf(template.root, 'Globals'));
  for (const { key, value } of stringEntries(globals)) {
    sections.set(SERVERLESS_PREFIX + key, template.deref(value));
  }
  return sections;
}
