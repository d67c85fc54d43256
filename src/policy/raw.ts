/**
 * The policy as written in YAML, after schema validation and before compilation. The shapes
 * mirror `policies/schema.json`; property names stay as users write them (snake_case).
 */

/** `resources:` at the top level or on one key. */
export type RawResourceScope = 'cost-bearing' | 'taggable' | readonly string[];

/** Scope properties shared by the policy and each of its keys. */
export interface RawScopeFields {
  readonly resources?: RawResourceScope;
  readonly exclude_types?: readonly string[];
  readonly providers?: readonly string[];
  readonly paths?: readonly string[];
  readonly exclude_paths?: readonly string[];
}

/** One entry under `tags:`. */
export interface RawTagRule extends RawScopeFields {
  readonly required?: boolean;
  readonly severity?: 'error' | 'warning';
  readonly description?: string;
  readonly values?: readonly string[];
  readonly pattern?: string;
  readonly default?: string;
  readonly requires?: readonly string[];
  readonly values_by?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  readonly forms?: Readonly<Record<string, string>>;
}

/** One entry under `exemptions:`. Reason, owner and expiry are checked at run time. */
export interface RawExemption {
  readonly resource?: string;
  readonly type?: string;
  readonly path?: string;
  readonly module?: string;
  readonly keys?: readonly string[];
  readonly reason?: string;
  readonly owner?: string;
  readonly expires?: string;
}

/** The whole policy document. */
export interface RawPolicy extends RawScopeFields {
  readonly $schema?: string;
  readonly version: 1;
  readonly extends?: string | readonly string[];
  readonly exemptions?: readonly RawExemption[];
  readonly target?: 'labels' | 'annotations';
  readonly require_any?: boolean;
  readonly require_on_metadata?: boolean;
  readonly tags?: Readonly<Record<string, RawTagRule>>;
  readonly billing?: {
    readonly projects?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  };
  readonly attribution?: {
    readonly severity?: 'error' | 'warning';
    readonly openai?: readonly ('project' | 'metadata' | 'user')[];
    readonly anthropic?: readonly 'metadata'[];
    readonly bedrock?: readonly ('inference-profile' | 'metadata')[];
  };
}
