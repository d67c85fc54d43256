import type { Node } from 'web-tree-sitter';
import {
  findAiCall as findCatalogAiCall,
  isAiCallPath,
  longestAiCallPath,
  snakeCase,
  transparentSegments,
  type AwsCreateOperation,
} from '../../catalog/sdk/index.js';
import { callArguments, type CallArguments } from './arguments.js';
import type { CallSite, FileFacts } from './facts.js';
import type { SdkObject, StaticValue } from './static-value.js';
import { memberChain, typeOf } from './syntax.js';
import { evaluate, type EvalContext } from './values.js';

/** A billable AI model call: OpenAI, Anthropic, or a model invocation on Bedrock. */
export interface AiCallSite {
  readonly kind: 'ai';
  readonly site: CallSite;
  readonly family: 'openai' | 'anthropic' | 'bedrock';
  /** snake_case method path: `chat.completions.create`, `invoke_model`, `messages.create`. */
  readonly path: string;
  readonly args: CallArguments;
  /** The client, when its construction is visible in the file. */
  readonly client: Extract<SdkObject, { kind: 'ai-client' }> | undefined;
  /** The Bedrock runtime operation, for `invoke_model` / `converse` and their commands. */
  readonly operation?: AwsCreateOperation;
}

/** `fineTuning` -> `fine_tuning`; wrappers such as `beta` and `with_raw_response` dropped. */
function normalisePath(segments: readonly string[]): string {
  const key = segments.join('.');
  let path = normalised.get(key);
  if (path === undefined) {
    path = segments
      .filter((segment) => !transparentSegments.has(segment))
      .map((segment) => snakeCase(segment))
      .join('.');
    normalised.set(key, path);
  }
  return path;
}

const normalised = new Map<string, string>();

/** Wrappers (`beta`, `with_raw_response`) a billable path may carry in front of it. */
const MAX_WRAPPERS = 4;

/**
 * Recognises `client.chat.completions.create(...)`-style calls: the longest chain below a
 * receiver that is a known billable path, where the receiver is an OpenAI / Anthropic client
 * (or the module-level client), or cannot be seen but the file imports exactly one of them.
 */
export function findAiCall(
  site: CallSite,
  callee: Node,
  context: EvalContext,
): AiCallSite | undefined {
  if (typeOf(callee) !== 'attribute' && typeOf(callee) !== 'member_expression') return undefined;
  const { base, segments, nodes } = memberChain(callee);
  // Suffixes longer than any billable path plus a few wrappers (`beta.`, `with_raw_response.`)
  // cannot match: looking at every suffix of a chain thousands of names long would take time
  // and memory growing with the square of its length.
  const longest = longestAiCallPath + MAX_WRAPPERS;
  for (let start = Math.max(0, segments.length - longest); start < segments.length; start += 1) {
    const path = normalisePath(segments.slice(start));
    if (!isAiCallPath(path)) continue;
    const receiverNode = start === 0 ? base : nodes[start - 1];
    if (!receiverNode) continue;
    const receiver = evaluate(receiverNode, context);
    const family = familyOf(receiver, path, context.facts);
    if (!family) return undefined;
    const client =
      receiver.kind === 'object' && receiver.object.kind === 'ai-client'
        ? receiver.object
        : undefined;
    return { kind: 'ai', site, family, path, args: callArguments(site.node, context), client };
  }
  return undefined;
}

function familyOf(
  receiver: StaticValue,
  path: string,
  facts: FileFacts,
): AiCallSite['family'] | undefined {
  if (receiver.kind === 'object') {
    if (receiver.object.kind !== 'ai-client') return undefined;
    const client = receiver.object.client;
    if (client === 'azure-openai') return undefined;
    const family = client === 'openai' ? 'openai' : 'anthropic';
    if (!findCatalogAiCall(family, path)) return undefined;
    return client === 'anthropic-bedrock' ? 'bedrock' : family;
  }
  if (receiver.kind === 'module') {
    if (receiver.path.length > 0) return undefined;
    if (receiver.module === 'openai')
      return findCatalogAiCall('openai', path) ? 'openai' : undefined;
    if (receiver.module === 'anthropic')
      return findCatalogAiCall('anthropic', path) ? 'anthropic' : undefined;
    return undefined;
  }
  if (receiver.kind !== 'unknown') return undefined;
  return guessFamily(path, facts);
}

function guessFamily(path: string, facts: FileFacts): 'openai' | 'anthropic' | undefined {
  const modules = [...facts.imports().values()].map((binding) => binding.module);
  const openai = modules.some((module) => module === 'openai' || module.startsWith('openai/'));
  const anthropic = modules.some(
    (module) => module === 'anthropic' || module.startsWith('@anthropic-ai/'),
  );
  const candidates = (['openai', 'anthropic'] as const).filter(
    (family) => (family === 'openai' ? openai : anthropic) && findCatalogAiCall(family, path),
  );
  return candidates.length === 1 ? candidates[0] : undefined;
}
