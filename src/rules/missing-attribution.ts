import type { JudgedResource } from '../model.js';
import type { AiFamily, AttributionMechanism, Policy } from '../policy/types.js';
import { createRule, type RuleContext, type RuleReport } from './rule.js';

type MessageId = 'missing';

const FAMILY_NAMES: Readonly<Record<AiFamily, string>> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  bedrock: 'Bedrock',
};

/** How each mechanism is named in a message, per family. */
function mechanismLabel(family: AiFamily, mechanism: AttributionMechanism): string {
  switch (mechanism) {
    case 'project':
      return 'an OpenAI project (the client `project` option or an `OpenAI-Project` header)';
    case 'user':
      return 'a request `user` (or `safety_identifier`)';
    case 'metadata':
      return family === 'bedrock' ? 'Converse `requestMetadata`' : 'request `metadata`';
    case 'inference-profile':
      return 'an application inference profile ARN as the model id';
  }
}

/** The edit that makes a call use `mechanism`. */
function mechanismFix(family: AiFamily, mechanism: AttributionMechanism): string {
  switch (mechanism) {
    case 'project':
      return 'pass `project` to the OpenAI client';
    case 'user':
      return 'add `user` to the request';
    case 'metadata':
      return family === 'bedrock'
        ? 'add `requestMetadata` to the Converse request'
        : 'add `metadata` to the request';
    case 'inference-profile':
      return 'invoke the model through a tagged application inference profile ARN';
  }
}

/** The AI family of an SDK call-site resource, or undefined for any other resource. */
function familyOf(resource: JudgedResource): AiFamily | undefined {
  const family = resource.attributes?.['family'];
  return family === 'openai' || family === 'anthropic' || family === 'bedrock' ? family : undefined;
}

/** Whether a resource is an SDK call site of an AI model API. */
export function isAiCall(resource: JudgedResource): boolean {
  return resource.format === 'sdk' && familyOf(resource) !== undefined;
}

/**
 * Whether the policy's `attribution:` section judges this resource: an AI model call of a
 * family for which the policy accepts at least one mechanism.
 */
export function attributionRequired(policy: Policy, resource: JudgedResource): boolean {
  const family = familyOf(resource);
  return family !== undefined && (policy.attribution?.families[family].length ?? 0) > 0;
}

/**
 * An AI model call in code (OpenAI, Anthropic, Bedrock) uses none of the attribution
 * mechanisms the policy's `attribution:` section accepts for its family, so its spend cannot
 * be traced to a cost owner. A call whose attribution cannot be seen (a `**kwargs` splat, a
 * client built in another file) is left to `unresolved-tags`.
 */
export const missingAttribution = createRule<MessageId>({
  meta: {
    id: 'missing-attribution',
    description: 'An AI model call does not say who pays for it in a way the policy accepts.',
    defaultSeverity: 'error',
    formats: ['sdk'],
    messages: {
      missing:
        '{{resource}} calls {{family}} without cost attribution{{when}}; the policy accepts ' +
        '{{accepted}}',
    },
  },

  check(context: RuleContext): RuleReport<MessageId>[] {
    const { policy, resource } = context;
    const family = familyOf(resource);
    const section = policy.attribution;
    if (!family || !section || resource.attributes?.['attribution'] !== 'missing') return [];
    const accepted = section.families[family];
    if (accepted.length === 0) return [];
    return [
      {
        messageId: 'missing',
        data: {
          family: FAMILY_NAMES[family],
          accepted: accepted.map((mechanism) => mechanismLabel(family, mechanism)).join(' or '),
        },
        key: null,
        line: resource.line,
        fix: accepted.map((mechanism) => mechanismFix(family, mechanism)).join(', or '),
        severity: section.severity,
      },
    ];
  },
});
