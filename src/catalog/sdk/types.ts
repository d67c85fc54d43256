/**
 * The shapes of the SDK catalog: which calls create cost-bearing or taggable things, where
 * each call takes its tags, and which later calls add tags to what an earlier call created.
 * Plain data; the SDK extractor reads it, nothing here parses code.
 */

/** How a tag parameter is written, as the API defines it. */
export type TagForm =
  /** `[{Key: k, Value: v}, ...]`; the field names vary (`TagKey`, `key`...). */
  | { readonly kind: 'list'; readonly keyField: string; readonly valueField: string }
  /** `{k: v, ...}` */
  | { readonly kind: 'map' }
  /** EC2 `[{ResourceType: t, Tags: [{Key, Value}]}]`: only specifications for `resourceType`. */
  | { readonly kind: 'specifications'; readonly resourceType: string };

/** Where a call takes its tags: a path of parameter names (`Tagging.TagSet`) and the form. */
export interface TagParameter {
  readonly path: readonly string[];
  readonly form: TagForm;
}

/** One AWS API operation that creates something, as boto3 and the JS SDK v3 both call it. */
export interface AwsCreateOperation {
  /** The boto3 service name (`ec2`, `sagemaker`, `bedrock-runtime`). */
  readonly service: string;
  /** The API name in PascalCase (`RunInstances`); boto3 uses its snake_case form. */
  readonly api: string;
  readonly costBearing: boolean;
  /** Where tags go; `null` when the operation takes none and only a later call can tag. */
  readonly tags: TagParameter | null;
  /** The parameter that names the created thing, used to match a later tagging call. */
  readonly identity?: string;
  /**
   * True when no other AWS service has an operation of this name, so a call on a client whose
   * service cannot be seen is still recognised (`run_instances` on a parameter `client`).
   */
  readonly distinctive?: boolean;
  /** Set on model invocations: the call is judged by attribution rather than by its own tags. */
  readonly invocation?: { readonly modelParam: string; readonly metadataParam?: string };
}

/** One AWS API operation that tags something created earlier. */
export interface AwsTaggingOperation {
  readonly service: string;
  readonly api: string;
  /** The parameter that names what is tagged (`Resources`, `ResourceArn`, `Bucket`). */
  readonly target: string;
  readonly tags: TagParameter;
  /** True when no other service has a tagging operation of this name. */
  readonly distinctive?: boolean;
}

/** What a SageMaker Python SDK class creates when used. */
export type SageMakerRole = 'estimator' | 'processor' | 'tuner' | 'transformer' | 'model';

/** One class of the SageMaker Python SDK. */
export interface SageMakerClass {
  readonly name: string;
  readonly role: SageMakerRole;
}

/** The AI API families whose calls are judged by attribution. */
export type AiFamily = 'openai' | 'anthropic' | 'bedrock';

/** One billable AI API method, as a path below the client (`chat.completions.create`). */
export interface AiCall {
  readonly family: 'openai' | 'anthropic';
  /** snake_case path; the JS SDKs' camelCase segments are normalised to it before lookup. */
  readonly path: string;
}

/** What the catalog says about a type the SDK extractor emits. */
export interface SdkTypeFacts {
  readonly costBearing: boolean;
  readonly taggable: boolean;
}
