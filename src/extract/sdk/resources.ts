import type { Node } from 'web-tree-sitter';
import { sageMakerOperationByRole, snakeCase } from '../../catalog/sdk/index.js';
import type { Resource, TagOrigin } from '../../model.js';
import type { AiCallSite } from './ai-calls.js';
import { lookupPath } from './arguments.js';
import { readAttribution } from './attribution.js';
import type { AttributionPolicy } from './attribution-policy.js';
import type { CreateCall, SageMakerCall, SdkCall, TaggingCall } from './calls.js';
import type { Mutable } from '../types.js';
import type { FileFacts } from './facts.js';
import { taggingCallsFor } from './follow-up.js';
import type { StaticValue } from './static-value.js';
import { lineOf } from './syntax.js';
import { readRequestTags, type TagEntry, type TagReading } from './tags.js';

/** Everything a resource needs besides its call. */
interface Emitted {
  readonly callee: string;
  readonly type: string;
  readonly provider: string;
  readonly tags: ReadonlyMap<string, TagEntry>;
  readonly origins: Readonly<Record<string, TagOrigin>>;
  readonly tagsNode: Node | undefined;
  readonly unresolved: string | undefined;
  readonly attributes: Readonly<Record<string, string>>;
}

/** A file's SDK calls as resources: one per create call, construction, deploy or AI call. */
export function resourcesOf(
  file: string,
  calls: readonly SdkCall[],
  facts: FileFacts,
  attribution: AttributionPolicy,
): Resource[] {
  const taggings = calls.filter((call): call is TaggingCall => call.kind === 'tagging');
  const resources: Resource[] = [];
  for (const call of calls) {
    const emitted =
      call.kind === 'create'
        ? fromCreate(call, taggings, facts)
        : call.kind === 'sagemaker'
          ? fromSageMaker(call)
          : call.kind === 'ai'
            ? fromAiCall(call, attribution)
            : undefined;
    if (emitted) resources.push(toResource(file, call.site.node, emitted));
  }
  return resources;
}

/** One resource, written out rather than spread: this runs for every call site found. */
function toResource(file: string, node: Node, emitted: Emitted): Resource {
  const line = lineOf(node);
  const tags: Record<string, string | null> = {};
  for (const [key, entry] of emitted.tags) tags[key] = entry.value;
  const resource: Mutable<Resource> = {
    address: `${file}:${line}:${emitted.callee}`,
    type: emitted.type,
    provider: emitted.provider,
    format: 'sdk',
    file,
    line,
    tags,
    origins: emitted.origins,
    tagTarget: 'tags',
  };
  if (emitted.tagsNode) resource.tagsLine = lineOf(emitted.tagsNode);
  if (emitted.unresolved) resource.unresolved = emitted.unresolved;
  if (Object.keys(emitted.attributes).length > 0) resource.attributes = emitted.attributes;
  return resource;
}

function fromCreate(call: CreateCall, taggings: readonly TaggingCall[], facts: FileFacts): Emitted {
  const { operation } = call;
  const method = snakeCase(operation.api);
  const own: TagReading = operation.tags
    ? readRequestTags(call.args.keywords, operation.tags)
    : { tags: new Map() };
  const tags = new Map(own.tags);
  const origins = originsOf(own.tags, 'call');
  let unresolved = own.unresolved;
  let tagsNode = own.node;
  for (const tagging of taggingCallsFor(call, taggings, facts)) {
    const added = readRequestTags(tagging.args.keywords, tagging.operation.tags);
    const source = `${snakeCase(tagging.operation.api)} at line ${lineOf(tagging.site.node)}`;
    for (const [key, entry] of added.tags) tags.set(key, entry);
    Object.assign(origins, originsOf(added.tags, source));
    unresolved ??= added.unresolved;
    tagsNode ??= added.node;
  }
  return {
    callee: `${operation.service}.${method}`,
    type: `aws:${operation.service}:${method}`,
    provider: 'aws',
    tags,
    origins,
    tagsNode,
    unresolved,
    attributes: instanceTypeOf(call.args.keywords, 'InstanceType'),
  };
}

function fromSageMaker(call: SageMakerCall): Emitted {
  const api = sageMakerOperationByRole[call.entry.role];
  const method = snakeCase(api);
  const reading = readRequestTags(call.args.keywords, {
    path: ['tags'],
    form: { kind: 'list', keyField: 'Key', valueField: 'Value' },
  });
  const prefix = call.entry.name ? `sagemaker.${call.entry.name}` : 'sagemaker';
  return {
    callee: call.usage === 'deploy' ? `${prefix}.deploy` : prefix,
    type: `aws:sagemaker:${method}`,
    provider: 'aws',
    tags: reading.tags,
    origins: originsOf(reading.tags, 'call'),
    tagsNode: reading.node,
    unresolved: reading.unresolved,
    attributes: instanceTypeOf(call.args.keywords, 'instance_type'),
  };
}

function fromAiCall(call: AiCallSite, policy: AttributionPolicy): Emitted {
  const reading = readAttribution(call, policy[call.family]);
  const service = call.family === 'bedrock' ? 'bedrock-runtime' : call.family;
  return {
    callee: `${service}.${call.path}`,
    type:
      call.family === 'bedrock'
        ? `aws:bedrock-runtime:${call.path}`
        : `${call.family}:${call.path}`,
    provider: call.family === 'bedrock' ? 'aws' : call.family,
    tags: reading.tags,
    origins: originsOf(reading.tags, 'request'),
    tagsNode: reading.tagsNode,
    unresolved: reading.unresolved,
    attributes: reading.attributes,
  };
}

function originsOf(tags: ReadonlyMap<string, TagEntry>, source: string): Record<string, TagOrigin> {
  const origins: Record<string, TagOrigin> = {};
  for (const [key, entry] of tags) {
    origins[key] = {
      line: lineOf(entry.node),
      source: key === 'attribution' ? 'attribution' : source,
    };
  }
  return origins;
}

function instanceTypeOf(request: StaticValue, name: string): Record<string, string> {
  const lookup = lookupPath(request, [name]);
  return 'found' in lookup && lookup.found.value.kind === 'text'
    ? { instanceType: lookup.found.value.value }
    : {};
}
