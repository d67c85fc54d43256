/**
 * The plain data that flows through the check pipeline: extractors produce `Resource`s,
 * rules produce `Finding`s, renderers read a `CheckReport`. Nothing here does I/O.
 */

/** The input formats an extractor can read. */
export type SourceFormat = 'terraform' | 'terraform-plan' | 'cloudformation' | 'kubernetes' | 'sdk';

/**
 * Effective tags of one resource. A `null` value means the key is present but its value is not
 * known statically; such a key still counts as present.
 */
export type TagMap = Readonly<Record<string, string | null>>;

/** Where a tag key was written, so findings and fixes can point at it. */
export interface TagOrigin {
  readonly line: number;
  /** File of `line` when it is not the resource's own file (a kustomization's labels). */
  readonly file?: string;
  /** Where the tag came from, in the user's terms: `resource`, `default_tags`, `module input`... */
  readonly source: string;
}

/**
 * One alternative tag map for a resource whose tags depend on a condition (for example a
 * CloudFormation `Fn::If` inside `Tags`). Every variant is judged on its own.
 */
export interface TagVariant {
  readonly condition: string;
  readonly tags: TagMap;
}

/** Which kind of key/value metadata a resource carries, as its provider names it. */
export type TagTarget = 'tags' | 'labels' | 'annotations';

/** One cost-bearing or taggable thing found in the input, with the tags the bill will see. */
export interface Resource {
  /** Stable address: `type.name`, `module.m.type.name`, a logical id, `Kind/ns/name`, ... */
  readonly address: string;
  readonly type: string;
  /** `aws`, `google`, `azurerm`, `kubernetes`, `openai`, `anthropic`, ... */
  readonly provider: string;
  readonly format: SourceFormat;
  /** Path relative to the working directory, with `/` separators. */
  readonly file: string;
  /** 1-based line of the resource header (block, logical id, `kind:`, call). */
  readonly line: number;
  /** 1-based line of the tag attribute when the resource has one. */
  readonly tagsLine?: number;
  /** Effective tags: resource tags merged with defaults, stack tags, module inputs... */
  readonly tags: TagMap;
  /** Where each key of `tags` was set. */
  readonly origins?: Readonly<Record<string, TagOrigin>>;
  /** Annotations, for formats that have them (Kubernetes). */
  readonly annotations?: TagMap;
  /** Set when the tags could not be determined; a user-facing reason. Never a silent pass. */
  readonly unresolved?: string;
  /** Condition-dependent alternatives; when present each is judged instead of `tags`. */
  readonly variants?: readonly TagVariant[];
  /** What the provider calls its tags for this resource (`tags` for aws, `labels` for google). */
  readonly tagTarget: TagTarget;
  /** Name of the module call, for a resource inside a called local module. */
  readonly module?: string;
  /** Extra facts rules may use (instance type, CDK construct path, ...). */
  readonly attributes?: Readonly<Record<string, string>>;
  /**
   * What the user knows the resource by when the address is generated, for renderers to show
   * beside it (the CDK construct path `Stack/Bucket/Resource` of a synthesized logical id).
   */
  readonly label?: string;
}

export type Severity = 'error' | 'warning' | 'notice';

/** Rule ids of the contract; more may be added, never renamed. */
export type RuleId =
  | 'missing-tag'
  | 'wrong-case-key'
  | 'invalid-value'
  | 'hierarchy'
  | 'unresolved-tags'
  | 'parse-error'
  | 'invalid-key'
  | (string & {});

/** A text edit that fixes a finding with certainty. Lines and columns are 1-based. */
export interface Replacement {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly text: string;
}

/** One policy violation on one resource. */
export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly resource: string;
  readonly file: string;
  readonly line: number;
  /** The tag key concerned, `*` for "no tags at all", null when no key applies. */
  readonly key: string | null;
  readonly message: string;
  /** A human-readable fix, or null when none is certain. */
  readonly fix: string | null;
  readonly replacement?: Replacement;
}

/** A file that could not be read or parsed. The scan goes on without it. */
export interface InputError {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** Something the user should know that is neither a finding nor an error (a skipped chart). */
export interface Notice {
  readonly file: string;
  readonly message: string;
}

/** What one extractor returns for the files it was given. */
export interface Extraction {
  readonly resources: readonly Resource[];
  readonly errors: readonly InputError[];
  readonly notices: readonly Notice[];
}

/** A resource as judged: the resource plus the catalog's and policy's verdicts. */
export interface JudgedResource extends Resource {
  readonly costBearing: boolean;
  readonly taggable: boolean;
  readonly checked: boolean;
}

/**
 * An exemption in force during a check: valid (reason, owner and expiry given) and not
 * expired. Findings it covers are left out of `findings` and listed in `suppressed`.
 */
export interface ActiveExemption {
  /** Written as a comment above the resource, or in the policy's `exemptions:`. */
  readonly kind: 'inline' | 'policy';
  /** Where it is written: the source file or the policy file, and the line. */
  readonly file: string;
  readonly line: number;
  /** Tag keys it covers; `*` for every finding on the resources it selects. */
  readonly keys: readonly string[];
  /** A policy exemption's selectors, as written (an inline one selects the resource below it). */
  readonly selects?: ExemptionSelectors;
  readonly reason: string;
  readonly owner: string;
  /** Last day it applies, `YYYY-MM-DD`. */
  readonly expires: string;
  /** Addresses of the resources whose findings it exempted this time. */
  readonly resources: readonly string[];
  /** How many findings it exempted this time. */
  readonly findings: number;
}

/** What a policy exemption selects: every selector given must match. */
export interface ExemptionSelectors {
  readonly resource?: string;
  readonly type?: string;
  readonly path?: string;
  readonly module?: string;
}

/** A finding that an active exemption covers, with the index of that exemption. */
export interface SuppressedFinding {
  readonly finding: Finding;
  /** Index into `CheckReport.exemptions`. */
  readonly exemption: number;
}

/** The result of `check`, before rendering. */
export interface CheckReport {
  readonly files: number;
  readonly resources: readonly JudgedResource[];
  readonly findings: readonly Finding[];
  readonly errors: readonly InputError[];
  readonly notices: readonly Notice[];
  /** Number of findings whose severity meets the fail-on threshold. */
  readonly blocking: number;
  /** Exemptions in force, in file and line order; absent when none applied. */
  readonly exemptions?: readonly ActiveExemption[];
  /** Findings left out of `findings` because an active exemption covers them. */
  readonly suppressed?: readonly SuppressedFinding[];
}
