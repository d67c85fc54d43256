import { isMap } from 'yaml';
import type { InputError, Resource, TagOrigin } from '../../model.js';
import { providerOf, tagPropertyOf } from './catalog.js';
import { constructPathOf } from './cdk.js';
import type { ResourceDeclaration } from './declarations.js';
import {
  commonTags,
  effectiveTags,
  sameTags,
  type EffectiveTags,
  type MergeOptions,
  type StackTag,
  type TagSet,
  type TagSource,
} from './effective-tags.js';
import { entryOf, scalarText, valueOf } from './parse.js';
import type { ResolveScope } from './scope.js';
import { tagPropertyNodes } from './tags.js';
import { resolveText } from './values.js';

/** What holds for every resource of one template. */
export interface TemplateFacts extends MergeOptions {
  /** Path of the template relative to the working directory. */
  readonly file: string;
  /** SAM `Globals` sections by the resource type they apply to. */
  readonly globals: ReadonlyMap<string, unknown>;
}

/** A resource, or the reason its declaration could not be read; notices either way. */
export type ResourceResult =
  | { readonly kind: 'resource'; readonly resource: Resource; readonly notices: string[] }
  | { readonly kind: 'error'; readonly error: InputError };

/** A declaration's body, read far enough to know what it is. */
interface ReadBody {
  readonly type: string;
  readonly body: unknown;
  readonly properties: unknown;
  readonly line: number;
}

/** Turns one declaration under `Resources` into a `Resource` with its effective tags. */
export function buildResource(
  declaration: ResourceDeclaration,
  facts: TemplateFacts,
): ResourceResult {
  const read = readBody(declaration, facts.file);
  if ('message' in read) return { kind: 'error', error: read };

  const constructPath = constructPathOf(read.body, declaration.scope.template);
  const attributes = resourceAttributes(read, declaration.scope, facts, constructPath);
  const base = {
    address: declaration.logicalId,
    type: read.type,
    provider: providerOf(read.type),
    format: 'cloudformation' as const,
    file: facts.file,
    line: read.line,
    tagTarget: 'tags' as const,
    ...(constructPath ? { label: constructPath } : {}),
  };

  const tagProperty = tagPropertyOf(read.type);
  if (!tagProperty) {
    const resource = { ...base, tags: {}, ...withAttributes(attributes) };
    return { kind: 'resource', resource, notices: [] };
  }

  const own = tagPropertyNodes(read.properties, tagProperty.property, declaration.scope);
  const sources = tagSources(read.type, facts, own, tagProperty.property);
  const tags = effectiveTags(sources, declaration.scope, {
    ...facts,
    stackTags: stackTagsAt(facts.stackTags, read.line),
  });
  const tagsLine = own[0]?.keyLine;
  const resource: Resource = {
    ...base,
    ...(tagsLine ? { tagsLine } : {}),
    ...tagFields(tags, attributes),
    ...withAttributes(attributes),
  };
  const notices = tags.unknownKeys.map(
    (key) =>
      `tag key ${key.expression} of ${declaration.logicalId} at line ${key.line} is only known ` +
      'when the stack is deployed; that tag is left out of the check',
  );
  return { kind: 'resource', resource, notices };
}

function readBody(declaration: ResourceDeclaration, file: string): ReadBody | InputError {
  const template = declaration.scope.template;
  const line = template.lineOf(declaration.keyNode);
  const body = template.deref(declaration.body);
  const type = scalarText(template.deref(valueOf(body, 'Type')));
  if (!isMap(body) || !type) {
    const what = isMap(body) ? 'has no Type' : 'is not a mapping with a Type';
    const message =
      `resource ${declaration.logicalId} ${what}; every resource needs one, such as ` +
      'Type: AWS::S3::Bucket';
    return { file, line, message };
  }
  return { type, body, line, properties: template.deref(valueOf(body, 'Properties')) };
}

/** SAM `Globals` tags first, then the resource's own tag properties. */
function tagSources(
  type: string,
  facts: TemplateFacts,
  own: readonly { node: unknown }[],
  property: string,
): TagSource[] {
  const sources: TagSource[] = [];
  const globalTags = entryOf(facts.globals.get(type), 'Tags');
  if (globalTags)
    sources.push({ node: globalTags.value, property: 'Globals Tags', source: 'Globals' });
  for (const { node } of own) sources.push({ node, property, source: 'resource' });
  return sources;
}

/** Stack tags given to the check have no line of their own: they point at the resource. */
function stackTagsAt(stackTags: readonly StackTag[], line: number): StackTag[] {
  return stackTags.map((tag) =>
    tag.origin.file ? tag : { ...tag, origin: { ...tag.origin, line } },
  );
}

/** The fields of a resource that come from reading its tags. */
type TagFields = Pick<Resource, 'tags'> &
  Partial<Pick<Resource, 'origins' | 'unresolved' | 'variants'>>;

/** `tags`, `origins`, `unresolved` and `variants` of a resource from what was read. */
function tagFields(read: EffectiveTags, attributes: Record<string, string>): TagFields {
  const sets = read.variants.map((variant) => variant.set);
  const first = sets[0] ?? { tags: {}, origins: {}, notPropagated: [] };
  const varies = sets.some((set) => !sameTags(set, first));
  // Same attribute as the Terraform extractors: keys that stay on the group itself.
  if (first.notPropagated.length > 0) {
    attributes['notPropagatedAtLaunch'] = first.notPropagated.join(',');
  }

  const origins = mergeOrigins(sets);
  return {
    tags: varies ? commonTags(sets) : first.tags,
    ...(Object.keys(origins).length > 0 ? { origins } : {}),
    ...(read.unresolved.length > 0 ? { unresolved: read.unresolved.join('; ') } : {}),
    ...(varies
      ? { variants: read.variants.map(({ condition, set }) => ({ condition, tags: set.tags })) }
      : {}),
  };
}

/** Facts rules may use: construct path, resource condition, SAM `PropagateTags`. */
function resourceAttributes(
  read: ReadBody,
  scope: ResolveScope,
  facts: TemplateFacts,
  constructPath: string | undefined,
): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (constructPath) attributes['constructPath'] = constructPath;
  const condition = scalarText(scope.template.deref(valueOf(read.body, 'Condition')));
  if (condition) attributes['condition'] = condition;

  const propagate =
    entryOf(read.properties, 'PropagateTags') ??
    entryOf(facts.globals.get(read.type), 'PropagateTags');
  const propagateText = propagate ? resolveText(propagate.value, scope) : null;
  if (typeof propagateText === 'string') attributes['propagateTags'] = propagateText;
  return attributes;
}

function withAttributes(attributes: Record<string, string>): { attributes?: typeof attributes } {
  return Object.keys(attributes).length > 0 ? { attributes } : {};
}

function mergeOrigins(sets: readonly TagSet[]): Record<string, TagOrigin> {
  const origins: Record<string, TagOrigin> = {};
  for (const set of sets) {
    for (const [key, origin] of Object.entries(set.origins)) origins[key] ??= origin;
  }
  return origins;
}
