import type { Node } from 'web-tree-sitter';
import type { SageMakerRole } from '../../catalog/sdk/index.js';

/** The client or SDK object an expression evaluates to. */
export type SdkObject =
  | { readonly kind: 'aws-client'; readonly service: string }
  | { readonly kind: 'aws-resource'; readonly service: string }
  /** A boto3 sub-resource such as `s3.Bucket(name)`, whose `create()` is `api`. */
  | {
      readonly kind: 'aws-resource-object';
      readonly service: string;
      readonly api: string;
      readonly identity: Located | undefined;
    }
  | {
      readonly kind: 'ai-client';
      readonly client: 'openai' | 'azure-openai' | 'anthropic' | 'anthropic-bedrock';
      /** The constructor's options (`project=`, `default_headers=`...). */
      readonly options: StaticValue;
    }
  | { readonly kind: 'sagemaker'; readonly className: string; readonly role: SageMakerRole };

/**
 * What static evaluation knows about an expression. `open` on a list or map says why more
 * items or keys may exist than are listed (a `**kwargs` splat, a later `update()`).
 */
export type StaticValue =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'list'; readonly items: readonly Located[]; readonly open?: string }
  | {
      readonly kind: 'map';
      readonly entries: ReadonlyMap<string, Located>;
      readonly open?: string;
    }
  /** An imported module or a member of one: `boto3`, `openai.OpenAI`, `os.environ`. */
  | { readonly kind: 'module'; readonly module: string; readonly path: readonly string[] }
  | { readonly kind: 'object'; readonly object: SdkObject }
  /** Not known statically; `reason` names where it comes from, for messages. */
  | { readonly kind: 'unknown'; readonly reason: string };

/** A value with the node it was written at. */
export interface Located {
  readonly value: StaticValue;
  readonly node: Node;
}

/** An unknown value with a reason. */
export function unknown(reason: string): StaticValue {
  return { kind: 'unknown', reason };
}

/** A short, single-line excerpt of code for messages. */
export function excerpt(node: Node): string {
  const text = node.text.replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Why a non-text value cannot serve as a tag key or value. */
export function describeNonText(value: StaticValue, node: Node): string {
  switch (value.kind) {
    case 'unknown':
      return value.reason;
    case 'module':
      return `\`${excerpt(node)}\`, imported from \`${value.module}\``;
    default:
      return `\`${excerpt(node)}\``;
  }
}
