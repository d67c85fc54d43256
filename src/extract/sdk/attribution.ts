import type { Node } from 'web-tree-sitter';
import type { AiCallSite } from './ai-calls.js';
import { lookupPath } from './arguments.js';
import type { AttributionMechanism } from './attribution-policy.js';
import { describeNonText, type Located, type StaticValue } from './static-value.js';
import type { TagEntry } from './tags.js';

/** Whether a call carries one attribution mechanism. */
type Presence =
  | { readonly state: 'present'; readonly node: Node; readonly value: string | null }
  | { readonly state: 'absent' }
  | { readonly state: 'unknown'; readonly reason: string };

/** What an AI call contributes to its resource: metadata as tags, and its attribution. */
export interface AttributionReading {
  readonly tags: ReadonlyMap<string, TagEntry>;
  readonly tagsNode?: Node;
  readonly unresolved?: string;
  /**
   * `attribution` is the first accepted mechanism the call uses, or `missing`, `unknown`
   * (an accepted mechanism may be present but cannot be seen) or `not-required`; `family`,
   * `accepted` (comma-separated), `model` and `project` when known.
   */
  readonly attributes: Readonly<Record<string, string>>;
}

const APPLICATION_PROFILE = /^arn:aws[a-z-]*:bedrock:[^:]*:\d*:application-inference-profile\/.+/;
const PROJECT_HEADER = 'openai-project';

/**
 * Reads how an AI call is attributed. Request metadata keys become tags under their own names
 * (so policy keys scoped to AI calls apply to them). The call is attributed when it visibly
 * uses one of the `accepted` mechanisms; when none is visible but one cannot be ruled out (a
 * `**kwargs` splat, a client built elsewhere, a model id from a variable), the resource is
 * unresolved, with the reason.
 */
export function readAttribution(
  call: AiCallSite,
  accepted: readonly AttributionMechanism[],
): AttributionReading {
  const metadata = metadataOf(call);
  const tags = new Map<string, TagEntry>(metadata.tags);
  const attributes: Record<string, string> = { family: call.family, accepted: accepted.join(',') };
  const model = modelOf(call);
  if (model?.value.kind === 'text') attributes['model'] = model.value.value;
  const project = first([requestProject(call), clientProject(call)]);
  if (project.state === 'present' && project.value !== null) attributes['project'] = project.value;

  const presences = accepted.map((mechanism) => ({
    mechanism,
    presence: mechanism === 'project' ? project : presenceOf(call, mechanism),
  }));
  const found = presences.find((entry) => entry.presence.state === 'present');
  const unknownPresence = presences.find((entry) => entry.presence.state === 'unknown');
  let unresolved: string | undefined;
  if (accepted.length === 0) {
    attributes['attribution'] = 'not-required';
  } else if (found) {
    attributes['attribution'] = found.mechanism;
  } else if (unknownPresence?.presence.state === 'unknown') {
    attributes['attribution'] = 'unknown';
    unresolved = `its attribution is not known statically: ${unknownPresence.presence.reason}`;
  } else {
    attributes['attribution'] = 'missing';
  }
  unresolved ??= metadata.unresolved;
  const reading = { tags, attributes, ...(metadata.node ? { tagsNode: metadata.node } : {}) };
  return unresolved === undefined ? reading : { ...reading, unresolved };
}

function request(call: AiCallSite): StaticValue {
  return call.args.keywords;
}

function param(call: AiCallSite, name: string): Presence & { located?: Located } {
  const lookup = lookupPath(request(call), [name]);
  if ('unknown' in lookup) return { state: 'unknown', reason: lookup.unknown };
  if ('absent' in lookup || lookup.found.value.kind === 'none') return { state: 'absent' };
  const { value, node } = lookup.found;
  return {
    state: 'present',
    node,
    value: value.kind === 'text' ? value.value : null,
    located: lookup.found,
  };
}

function presenceOf(call: AiCallSite, mechanism: AttributionMechanism): Presence {
  switch (mechanism) {
    case 'metadata': {
      const name = metadataName(call);
      return name ? param(call, name) : { state: 'absent' };
    }
    case 'user':
      return first([param(call, 'user'), param(call, 'safety_identifier')]);
    case 'project':
      return first([requestProject(call), clientProject(call)]);
    case 'inference-profile':
      return inferenceProfile(call);
  }
}

/** The first present presence, else the first unknown one, else absent. */
function first(presences: readonly Presence[]): Presence {
  return (
    presences.find((presence) => presence.state === 'present') ??
    presences.find((presence) => presence.state === 'unknown') ?? { state: 'absent' }
  );
}

function requestProject(call: AiCallSite): Presence {
  const pythonHeaders = lookupPath(request(call), ['extra_headers']);
  if ('found' in pythonHeaders) return header(pythonHeaders.found.value);
  const options = call.args.positional[1]?.value;
  const jsHeaders = options ? lookupPath(options, ['headers']) : undefined;
  return jsHeaders && 'found' in jsHeaders ? header(jsHeaders.found.value) : { state: 'absent' };
}

function clientProject(call: AiCallSite): Presence {
  if (!call.client)
    return { state: 'unknown', reason: 'the client is not constructed in this file' };
  const options = call.client.options;
  const project = lookupPath(options, ['project']);
  if ('found' in project && project.found.value.kind !== 'none') {
    const { value, node } = project.found;
    return { state: 'present', node, value: value.kind === 'text' ? value.value : null };
  }
  for (const name of ['default_headers', 'defaultHeaders']) {
    const headers = lookupPath(options, [name]);
    if ('found' in headers) return header(headers.found.value);
  }
  if ('unknown' in project)
    return { state: 'unknown', reason: `the client's options come from ${project.unknown}` };
  return { state: 'absent' };
}

function header(headers: StaticValue): Presence {
  if (headers.kind === 'unknown')
    return { state: 'unknown', reason: `headers come from ${headers.reason}` };
  if (headers.kind !== 'map') return { state: 'absent' };
  for (const [name, entry] of headers.entries) {
    if (name.toLowerCase() !== PROJECT_HEADER) continue;
    return {
      state: 'present',
      node: entry.node,
      value: entry.value.kind === 'text' ? entry.value.value : null,
    };
  }
  return headers.open === undefined
    ? { state: 'absent' }
    : { state: 'unknown', reason: `headers come from ${headers.open}` };
}

function modelOf(call: AiCallSite): Located | undefined {
  const name = call.operation?.invocation?.modelParam ?? 'model';
  const lookup = lookupPath(request(call), [name]);
  return 'found' in lookup ? lookup.found : undefined;
}

function inferenceProfile(call: AiCallSite): Presence {
  const name = call.operation?.invocation?.modelParam ?? 'model';
  const lookup = lookupPath(request(call), [name]);
  if ('unknown' in lookup) return { state: 'unknown', reason: lookup.unknown };
  if ('absent' in lookup) return { state: 'absent' };
  const { value, node } = lookup.found;
  if (value.kind !== 'text') {
    return { state: 'unknown', reason: `the model id comes from ${describeNonText(value, node)}` };
  }
  return APPLICATION_PROFILE.test(value.value)
    ? { state: 'present', node, value: value.value }
    : { state: 'absent' };
}

/** The request parameter that carries metadata; none for Bedrock's InvokeModel. */
function metadataName(call: AiCallSite): string | undefined {
  return call.operation ? call.operation.invocation?.metadataParam : 'metadata';
}

/** Request metadata (`metadata`, Bedrock's `requestMetadata`) as tags. */
function metadataOf(call: AiCallSite): {
  tags: Map<string, TagEntry>;
  node?: Node;
  unresolved?: string;
} {
  const name = metadataName(call);
  const tags = new Map<string, TagEntry>();
  if (!name) return { tags };
  const lookup = lookupPath(request(call), [name]);
  if (!('found' in lookup)) return { tags };
  const { value, node } = lookup.found;
  if (value.kind === 'none') return { tags };
  if (value.kind !== 'map')
    return { tags, node, unresolved: `metadata comes from ${describeNonText(value, node)}` };
  for (const [key, entry] of value.entries) {
    tags.set(key, {
      value: entry.value.kind === 'text' ? entry.value.value : null,
      node: entry.node,
    });
  }
  return value.open === undefined
    ? { tags, node }
    : { tags, node, unresolved: `metadata comes from ${value.open}` };
}
