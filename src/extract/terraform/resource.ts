import { supportsDefaultTags, terraformTagAttribute } from '../../catalog/index.js';
import type { Resource, TagMap, TagOrigin, TagTarget, TagVariant } from '../../model.js';
import type { Mutable } from '../types.js';
import { blocksOf, type Attribute, type Block, type Body } from './hcl/ast.js';
import { autoscalingTags } from './autoscaling.js';
import type { Env } from './eval/evaluate.js';
import type { Entry, Origin } from './eval/value.js';
import { resourceInstances } from './instances.js';
import type { ModuleInstance } from './module/instance.js';
import {
  resourceProviderName,
  type ProviderConfig,
  type ProviderTable,
} from './module/providers.js';
import { overriddenDefaultTags } from './override-provider.js';
import type { ParsedFile } from './parse-file.js';
import { NO_TAGS, tagText, tagsFromValue, writtenAs, type TagOutcome } from './tags.js';
import { readConditionalTags, type TagReading } from './variants.js';

/** A `resource` block where it stands: its module instance, file and providers. */
export interface ResourceSite {
  readonly instance: ModuleInstance;
  readonly file: ParsedFile;
  readonly block: Block;
  readonly providers: ProviderTable;
}

/** What one instance of a resource block is judged on. */
type Judged = Pick<
  Resource,
  'tags' | 'origins' | 'unresolved' | 'tagsLine' | 'attributes' | 'variants'
>;

/**
 * The resources of one `resource` block: one `type.name`, or one per instance
 * (`type.name[0]`, `type.name["key"]`) when `count` / `for_each` is known and the instances'
 * effective tags differ. Effective tags are the provider's default tags (when the type
 * inherits them) under the resource's own, as the bill will see them.
 */
export function resourcesOf(site: ResourceSite): Resource[] {
  const { block, file, instance } = site;
  const [type = '', name = ''] = block.labels;
  const provider = type.split('_')[0] ?? type;
  const env = instance.env(file, 'resource');
  const instances = resourceInstances(block.body, env, file, instance.callName !== undefined);
  const judged = instances.map((one) =>
    judge(site, type, one.bindings === env.bindings ? env : { ...env, bindings: one.bindings }),
  );
  const first = judged[0];
  if (first === undefined) return [];
  const same = judged.length === 1 || judged.every((one) => sameJudgement(one, first));
  const address = `${instance.address}${type}.${name}`;
  const place: Place = { address, type, provider, site };
  if (same) return [buildResource(place, '', first)];
  return instances.map((one, position) =>
    buildResource(place, one.suffix, judged[position] as Judged),
  );
}

/** What every instance of one resource block shares. */
interface Place {
  readonly address: string;
  readonly type: string;
  readonly provider: string;
  readonly site: ResourceSite;
}

/** One resource, written out rather than spread: this runs for every resource scanned. */
function buildResource(place: Place, suffix: string, judgement: Judged): Resource {
  const { site, provider } = place;
  const resource: Mutable<Resource> = {
    address: place.address + suffix,
    type: place.type,
    provider,
    format: 'terraform',
    file: site.file.file,
    line: site.block.line,
    tagTarget: tagTargetOf(provider),
    tags: judgement.tags,
  };
  if (site.instance.callName !== undefined) resource.module = site.instance.callName;
  if (judgement.origins !== undefined) resource.origins = judgement.origins;
  if (judgement.tagsLine !== undefined) resource.tagsLine = judgement.tagsLine;
  if (judgement.unresolved !== undefined) resource.unresolved = judgement.unresolved;
  if (judgement.attributes !== undefined) resource.attributes = judgement.attributes;
  if (judgement.variants !== undefined) resource.variants = judgement.variants;
  return resource;
}

function tagTargetOf(provider: string): TagTarget {
  return provider === 'google' ? 'labels' : 'tags';
}

function judge(site: ResourceSite, type: string, env: Env): Judged {
  const { block, file } = site;
  const path = tagAttributePath(type, block.body);
  const attributes: Record<string, string> = {};
  let own: TagOutcome = NO_TAGS;
  let readings: readonly TagReading[] | undefined;
  let tagsLine: number | undefined;
  if (path === 'tag') {
    const asg = autoscalingTags(block.body, env, file);
    own = asg;
    tagsLine = asg.line;
    if (asg.conflict) attributes.conflict = 'tag blocks and tags list both set';
    if (asg.notPropagated.length > 0)
      attributes.notPropagatedAtLaunch = asg.notPropagated.join(',');
  } else if (path) {
    const attribute = nestedAttribute(block.body, path);
    if (attribute) {
      const read = readConditionalTags(attribute.expr, env, writtenLater(attribute, file));
      own = read.combined;
      readings = read.readings;
      tagsLine = attribute.line;
    }
  }
  const defaults = path && supportsDefaultTags(type) ? defaultTags(site, type, env) : NO_TAGS;
  if (own.incomplete ?? defaults.incomplete) {
    attributes.tagsIncomplete = (own.incomplete ?? defaults.incomplete) as string;
  }
  const unresolved = own.unresolved ?? defaults.unresolved;
  const judged: Mutable<Judged> = effectiveTags(defaults.entries, own.entries, file.file);
  if (tagsLine !== undefined) judged.tagsLine = tagsLine;
  if (unresolved !== undefined) judged.unresolved = unresolved;
  if (Object.keys(attributes).length > 0) judged.attributes = attributes;
  const variants = readings && tagVariants(defaults.entries, readings, file.file);
  if (variants !== undefined && unresolved === undefined) judged.variants = variants;
  return judged;
}

/**
 * The effective tags of each reading of a condition-dependent tag attribute, or `undefined`
 * when every reading gives the same tags (the conditions change nothing the rules judge).
 */
function tagVariants(
  defaults: ReadonlyMap<string, Entry>,
  readings: readonly TagReading[],
  file: string,
): TagVariant[] | undefined {
  const variants = readings.map((reading) => ({
    condition: reading.condition,
    tags: effectiveTags(defaults, reading.outcome.entries, file).tags,
  }));
  const first = JSON.stringify(variants[0]?.tags);
  return variants.every((variant) => JSON.stringify(variant.tags) === first) ? undefined : variants;
}

/** `name = <source>` of an attribute, for messages, read from the source only when asked. */
function writtenLater(attribute: Attribute, file: ParsedFile): () => string {
  return () => writtenAs(attribute.name, attribute.expr, file);
}

/**
 * The catalog's tag attribute for the type. A type the catalog gives `tags` but whose block
 * has only `labels` (a provider the catalog does not list) is read from `labels`.
 */
function tagAttributePath(type: string, body: Body): string | undefined {
  const path = terraformTagAttribute(type);
  if (path === 'tags' && !body.attributes.has('tags') && body.attributes.has('labels')) {
    const provider = type.split('_')[0];
    if (provider !== 'aws' && provider !== 'azurerm') return 'labels';
  }
  return path;
}

/** Follows `node_config.resource_labels` through nested blocks to the attribute. */
function nestedAttribute(body: Body, path: string): Attribute | undefined {
  const segments = path.split('.');
  const last = segments.pop() ?? path;
  let current: Body | undefined = body;
  for (const segment of segments) current = current && blocksOf(current, segment)[0]?.body;
  return current?.attributes.get(last);
}

/** Default tags read once per provider configuration, shared by its resources. */
const defaultTagsOf = new WeakMap<ProviderConfig, TagOutcome>();

function defaultTags(site: ResourceSite, type: string, env: Env): TagOutcome {
  const override = overriddenDefaultTags(site.block.body, env, site.file);
  if (override) return override;
  const config = site.providers.get(resourceProviderName(type, site.block.body));
  if (!config?.defaultTags) return NO_TAGS;
  let outcome = defaultTagsOf.get(config);
  if (!outcome) {
    outcome = tagsFromValue(config.defaultTags, `default tags of provider ${config.name}`);
    defaultTagsOf.set(config, outcome);
  }
  return outcome;
}

function effectiveTags(
  defaults: ReadonlyMap<string, Entry>,
  own: ReadonlyMap<string, Entry>,
  file: string,
): Mutable<Pick<Resource, 'tags' | 'origins'>> {
  const tags: Record<string, string | null> = {};
  const origins: Record<string, TagOrigin> = {};
  for (const entries of [defaults, own]) {
    for (const [key, entry] of entries) {
      tags[key] = tagText(entry.value);
      if (entry.origin) origins[key] = tagOrigin(entry.origin, file);
    }
  }
  return { tags: tags as TagMap, origins };
}

/** A key's origin as a resource reports it: the file is named only when it is another one. */
function tagOrigin(origin: Origin, file: string): TagOrigin {
  return origin.file === file ? { line: origin.line, source: origin.source } : origin;
}

function sameJudgement(a: Judged, b: Judged): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
