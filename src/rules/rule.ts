import type { JudgedResource, RuleId, SourceFormat } from '../model.js';
import type { Policy, TagRule } from '../policy/types.js';
import type { TagView } from './views.js';

/** The severities a policy key or a rule can give a finding. */
export type RuleSeverity = 'error' | 'warning';

/**
 * What a rule is, stated before what it does: its id, a one-line description, its default
 * severity, the formats it applies to and its message templates. Templates use `{{name}}`
 * placeholders; `resource`, `file`, `line` and `when` are always available.
 */
export interface RuleMeta<MessageId extends string> {
  readonly id: RuleId;
  readonly description: string;
  /** Used when a report carries no severity of its own (a policy key's severity wins). */
  readonly defaultSeverity: RuleSeverity;
  /** Input formats the rule applies to. */
  readonly formats: 'all' | readonly SourceFormat[];
  readonly messages: Readonly<Record<MessageId, string>>;
}

/** What a rule's check hands back: a message id with its data, before wording. */
export interface RuleReport<MessageId extends string> {
  readonly messageId: MessageId;
  readonly data: Readonly<Record<string, string | number>>;
  /** Policy key for key-level findings; the key as written for key-text findings; `*`; null. */
  readonly key: string | null;
  readonly line: number;
  /** File of `line` when it is not the resource's own file (see `TagView.placeOf`). */
  readonly file?: string;
  readonly fix: string | null;
  readonly severity?: RuleSeverity;
}

/** Everything a rule may look at for one tag map of one resource. */
export interface RuleContext {
  readonly policy: Policy;
  readonly resource: JudgedResource;
  /** The tag map being judged: the resource's tags, one variant, or its annotations. */
  readonly view: TagView;
  /** The policy keys whose scope covers this resource. */
  readonly keys: readonly TagRule[];
}

/** A rule: declarative header first, check function last. */
export interface Rule<MessageId extends string = string> {
  readonly meta: RuleMeta<MessageId>;
  check(context: RuleContext): readonly RuleReport<MessageId>[];
}

/** Declares a rule; the identity function that lets TypeScript tie reports to messages. */
export function createRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}
