import { supportsDefaultTags, terraformTagAttribute } from '../../catalog/index.js';
import type { Resource, TagMap, TagOrigin, TagTarget } from '../../model.js';
import { blocksOf, type Attribute, type Block, type Body } from './hcl/ast.js';
import { autoscalingTags } from './autoscaling.js';
import { evaluate, type Env } from './eval/evaluate.js';
import type { Entry } from './eval/value.js';
import { resourceInstances } from './instances.js';
import type { ModuleInstance } from './module/instance.js';
import { resourceProviderName, type ProviderTable } from './module/providers.js';
import { overriddenDefaultTags } from './override-provider.js';
import type { ParsedFile } from './parse-file.js';
import { NO_TAGS, tagText, tagsFromValue, writtenAs, type TagOutcome } from './tags.js';

/** A `resource` block where it stands: its module instance, file and providers. */
export interface ResourceSite {
  readonly instance: ModuleInstance;
  readonly file: ParsedFile;
  readonly block: Block;
  readonly providers: ProviderTable;
}

/** What one instance of a resource block is judged on. */
type Judged = Pick<Resource, 'tags' | 'origins' | 'unresolved' | 'tagsLine' | 'attributes'>;

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
  const judged = instances.map((one) => judge(site, type, { ...env, bindings: one.bindings }));
  const first = judged[0];
  if (first === undefined) return [];
  const same = judged.length === 1 || judged.every((one) => sameJudgement(one, first));
  const base = {
    type,
    provider,
    format: 'terraform' as const,
    file: file.file,
    line: block.line,
    tagTarget: tagTargetOf(provider),
    ...(instance.callName === undefined ? {} : { module: instance.callName }),
  };
  const address = `${instance.address}${type}.${name}`;
  if (same) return [{ ...base, address, ...first }];
  return instances.map((one, position) => ({
    ...base,
    address: address + one.suffix,
    ...(judged[position] as Judged),
  }));
}

function tagTargetOf(provider: string): TagTarget {
  return provider === 'google' ? 'labels' : 'tags';
}

function judge(site: ResourceSite, type: string, env: Env): Judged {
  const { block, file } = site;
  const path = tagAttributePath(type, block.body);
  const attributes: Record<string, string> = {};
  let own: TagOutcome = NO_TAGS;
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
      const written = (): string => writtenAs(attribute.name, attribute.expr, file);
      own = tagsFromValue(evaluate(attribute.expr, env), written);
      tagsLine = attribute.line;
    }
  }
  const defaults = path && supportsDefaultTags(type) ? defaultTags(site, type, env) : NO_TAGS;
  if (own.incomplete ?? defaults.incomplete) {
    attributes.tagsIncomplete = (own.incomplete ?? defaults.incomplete) as string;
  }
  const unresolved = own.unresolved ?? defaults.unresolved;
  return {
    ...effectiveTags(defaults.entries, own.entries, file.file),
    ...(tagsLine === undefined ? {} : { tagsLine }),
    ...(unresolved === undefined ? {} : { unresolved }),
    ...(Object.keys(attributes).length === 0 ? {} : { attributes }),
  };
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

function defaultTags(site: ResourceSite, type: string, env: Env): TagOutcome {
  const override = overriddenDefaultTags(site.block.body, env, site.file);
  if (override) return override;
  const config = site.providers.get(resourceProviderName(type, site.block.body));
  if (!config?.defaultTags) return NO_TAGS;
  return tagsFromValue(config.defaultTags, `default tags of provider ${config.name}`);
}

function effectiveTags(
  defaults: ReadonlyMap<string, Entry>,
  own: ReadonlyMap<string, Entry>,
  file: string,
): Pick<Resource, 'tags' | 'origins'> {
  const tags: Record<string, string | null> = {};
  const origins: Record<string, TagOrigin> = {};
  for (const entries of [defaults, own]) {
    for (const [key, entry] of entries) {
      tags[key] = tagText(entry.value);
      const origin = entry.origin;
      if (!origin) continue;
      const source = origin.file === file ? origin.source : `${origin.source} (${origin.file})`;
      origins[key] = { line: origin.line, source };
    }
  }
  return { tags: tags as TagMap, origins };
}

function sameJudgement(a: Judged, b: Judged): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
