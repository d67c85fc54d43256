import { terraformTagAttribute } from '../../catalog/index.js';
import type { Resource, TagMap } from '../../model.js';

/** A JSON object as parsed, before narrowing. */
type JsonObject = Readonly<Record<string, unknown>>;

/** What `resource_changes` says about one address. */
interface Change {
  readonly actions: readonly string[];
  readonly afterUnknown: unknown;
}

/** Where the resources of one plan file are reported. */
export interface PlanSite {
  readonly file: string;
  readonly lines: ReadonlyMap<string, number>;
}

/**
 * The managed resources of a `terraform show -json` document (a plan's `planned_values`, or a
 * state's `values`), walked through every `child_modules` level. Effective tags are
 * `tags_all` when it is a non-empty map (provider default tags applied), else `tags`; for
 * google, `effective_labels`, then `terraform_labels`, then `labels`. Resources the plan
 * deletes are left out.
 */
export function planResources(document: JsonObject, site: PlanSite): Resource[] {
  const changes = changesByAddress(document.resource_changes);
  const root = asObject(asObject(document.planned_values ?? document.values)?.root_module);
  const resources: Resource[] = [];
  const visit = (module: JsonObject | undefined): void => {
    if (!module) return;
    for (const item of asArray(module.resources)) {
      const resource = asObject(item);
      if (resource) {
        const built = planResource(resource, changes, site);
        if (built) resources.push(built);
      }
    }
    for (const child of asArray(module.child_modules)) visit(asObject(child));
  };
  visit(root);
  return resources;
}

function planResource(
  resource: JsonObject,
  changes: ReadonlyMap<string, Change>,
  site: PlanSite,
): Resource | undefined {
  const address = asString(resource.address);
  const type = asString(resource.type);
  if (address === undefined || type === undefined || resource.mode === 'data') return undefined;
  const change = changes.get(address);
  if (change && change.actions.includes('delete') && !change.actions.includes('create')) {
    return undefined;
  }
  const provider = type.split('_')[0] ?? type;
  const values = asObject(resource.values) ?? {};
  const path = terraformTagAttribute(type);
  const read = path ? readTags(values, path, provider) : { tags: {} };
  const unknownReason = path ? unknownTags(change, provider, read.tags) : undefined;
  return {
    address,
    type,
    provider,
    format: 'terraform-plan',
    file: site.file,
    line: site.lines.get(address) ?? 1,
    tags: read.tags,
    tagTarget: provider === 'google' ? 'labels' : 'tags',
    ...(unknownReason === undefined ? {} : { unresolved: unknownReason }),
    ...(read.attributes ? { attributes: read.attributes } : {}),
  };
}

/** Attribute names to try in order, for the catalog's tag attribute of a provider. */
function candidates(path: string, provider: string): string[] {
  if (provider === 'google' && path === 'labels')
    return ['effective_labels', 'terraform_labels', 'labels'];
  if (path === 'tags') return ['tags_all', 'tags'];
  return [path];
}

function readTags(
  values: JsonObject,
  path: string,
  provider: string,
): { tags: TagMap; attributes?: Record<string, string> } {
  if (path === 'tag') return autoscalingTags(values);
  for (const candidate of candidates(path, provider)) {
    const map = asObject(valueAt(values, candidate));
    if (map && Object.keys(map).length > 0) return { tags: tagMap(map) };
  }
  return { tags: {} };
}

function valueAt(values: JsonObject, path: string): unknown {
  let current: unknown = values;
  for (const segment of path.split('.')) {
    const object = asObject(Array.isArray(current) ? current[0] : current);
    current = object?.[segment];
  }
  return current;
}

function tagMap(map: JsonObject): TagMap {
  const tags: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(map)) {
    if (value === null) continue;
    tags[key] =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : null;
  }
  return tags;
}

/** `tag` blocks and the legacy `tags` list of an Auto Scaling group, as the plan holds them. */
function autoscalingTags(values: JsonObject): {
  tags: TagMap;
  attributes?: Record<string, string>;
} {
  const tags: Record<string, string | null> = {};
  const notPropagated: string[] = [];
  for (const item of [...asArray(values.tag), ...asArray(values.tags)]) {
    const tag = asObject(item);
    const key = tag ? asString(tag.key) : undefined;
    if (!tag || key === undefined) continue;
    tags[key] = tag.value === null || tag.value === undefined ? null : String(tag.value);
    if (tag.propagate_at_launch === false || tag.propagate_at_launch === 'false')
      notPropagated.push(key);
  }
  if (notPropagated.length === 0) return { tags };
  return { tags, attributes: { notPropagatedAtLaunch: notPropagated.sort().join(',') } };
}

/**
 * Why the tags are not known at plan time: the plan marks the effective tag map itself
 * unknown (`after_unknown.tags_all: true`) and no key of the resource's own tags is known.
 */
function unknownTags(
  change: Change | undefined,
  provider: string,
  tags: TagMap,
): string | undefined {
  const afterUnknown = asObject(change?.afterUnknown);
  if (!afterUnknown) return undefined;
  const names = provider === 'google' ? ['effective_labels', 'labels'] : ['tags_all', 'tags'];
  const unknownName = names.find((name) => afterUnknown[name] === true);
  if (unknownName === undefined || Object.keys(tags).length > 0) return undefined;
  return `${unknownName} is known only after apply (the plan marks it unknown)`;
}

function changesByAddress(value: unknown): Map<string, Change> {
  const changes = new Map<string, Change>();
  for (const item of asArray(value)) {
    const entry = asObject(item);
    const address = entry ? asString(entry.address) : undefined;
    const change = entry ? asObject(entry.change) : undefined;
    if (address === undefined || !change) continue;
    const actions = asArray(change.actions).filter(
      (action): action is string => typeof action === 'string',
    );
    changes.set(address, { actions, afterUnknown: change.after_unknown });
  }
  return changes;
}

function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
