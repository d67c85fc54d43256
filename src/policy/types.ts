import type { RE2JS } from 're2js';
import type { Severity } from '../model.js';

/** Which resources a policy or one of its keys applies to. */
export type ResourceScope = 'cost-bearing' | 'taggable' | readonly string[];

/** Where a scope applies, beyond resource types. Every list is optional; empty means "any". */
export interface Scope {
  readonly resources: ResourceScope;
  readonly excludeTypes: readonly string[];
  /** Providers (`aws`, `google`, `azurerm`, `kubernetes`, `openai`, ...) the scope covers. */
  readonly providers: readonly string[];
  /** minimatch globs over the file path; a resource must match one when any are given. */
  readonly paths: readonly string[];
  /** minimatch globs over the file path that take a resource out of scope. */
  readonly excludePaths: readonly string[];
}

/** Allowed values of a child key, per value of its parent key. */
export interface ValuesByParent {
  readonly parent: string;
  readonly allowed: Readonly<Record<string, readonly string[]>>;
}

/** One key of the policy, compiled. */
export interface TagRule {
  /** The canonical key, as written in the policy. */
  readonly key: string;
  readonly description?: string;
  readonly required: boolean;
  readonly severity: Exclude<Severity, 'notice'>;
  readonly values?: readonly string[];
  readonly pattern?: { readonly source: string; readonly regex: RE2JS };
  /** The value a fix writes when the key is missing; allowed by `values` and `pattern`. */
  readonly default?: string;
  /** Parent keys this key needs to be present. */
  readonly requires: readonly string[];
  readonly valuesByParent?: ValuesByParent;
  /** The key as each provider spells it (`kubernetes: cost-center`, `google: cost_center`). */
  readonly forms: Readonly<Record<string, string>>;
  readonly scope: Scope;
  /** Line of the key in the policy file, for messages that point back at the policy. */
  readonly line: number;
}

/** A loaded, validated, compiled policy. */
export interface Policy {
  readonly version: 1;
  /** Absolute path of the policy file, or `<default>` for the embedded one. */
  readonly file: string;
  readonly scope: Scope;
  readonly requireAny: boolean;
  /** Kubernetes: judge labels (default) or annotations. */
  readonly target: 'labels' | 'annotations';
  /** Kubernetes workloads: also require the keys on the controller's own metadata. */
  readonly requireOnMetadata: boolean;
  readonly tags: readonly TagRule[];
  /** Optional `billing:` section: how spend without tags of its own is attributed. */
  readonly billing?: BillingAttribution;
  /** Optional `attribution:` section: how AI model calls in code must be attributed. */
  readonly attribution?: AiAttribution;
  /** Exemptions the policy grants, in the order written (bases first). Absent means none. */
  readonly exemptions?: readonly PolicyExemption[];
  /** Files merged into this policy through `extends`, bases first, this file last. */
  readonly sources?: readonly string[];
}

/**
 * One entry of the policy's `exemptions:`, compiled. Selectors that are given must all match;
 * `reason`, `owner` and `expires` are kept as written, since a missing one is reported as an
 * `invalid-exemption` finding at check time rather than refused when loading.
 */
export interface PolicyExemption {
  /** The policy file that declares the entry, as shown in messages, and the entry's line. */
  readonly file: string;
  readonly line: number;
  readonly resource?: string;
  readonly type?: string;
  readonly path?: string;
  readonly module?: string;
  /** Tag keys it covers; `*` covers every finding on a selected resource. */
  readonly keys: readonly string[];
  readonly reason?: string;
  readonly owner?: string;
  /** Last day it applies, `YYYY-MM-DD`, checked to be a real date. */
  readonly expires?: string;
}

/** A way an AI model call in code names who pays for it. */
export type AttributionMechanism = 'project' | 'metadata' | 'user' | 'inference-profile';

/** The AI API families whose calls are judged by attribution. */
export type AiFamily = 'openai' | 'anthropic' | 'bedrock';

/**
 * The policy's `attribution:` section: per AI family, the mechanisms that each suffice for a
 * call to count as attributed. An empty list means calls of that family are not judged.
 */
export interface AiAttribution {
  readonly severity: 'error' | 'warning';
  readonly families: Readonly<Record<AiFamily, readonly AttributionMechanism[]>>;
  /** Line of `attribution:` in the policy file. */
  readonly line: number;
}

/**
 * The policy's `billing:` section. `projects` maps an AI provider's project or workspace id
 * (OpenAI `project_id`, Anthropic `workspace_id`, GCP `project.id`) to the tags its spend
 * carries, e.g. `{ proj_abc: { Project: foodrec, Environment: prod } }`.
 */
export interface BillingAttribution {
  readonly projects: Readonly<Record<string, Readonly<Record<string, string>>>>;
}
