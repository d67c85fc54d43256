import type { Policy } from '../../policy/types.js';

/** How a call of one AI family can be attributed to a cost owner. */
export type Mechanism = 'project' | 'metadata' | 'user' | 'inference-profile';

/** The policy's `attribution` section: per family, the mechanisms that each suffice. */
export interface AttributionPolicy {
  readonly openai: readonly Mechanism[];
  readonly anthropic: readonly Mechanism[];
  readonly bedrock: readonly Mechanism[];
}

/** What applies when the policy has no `attribution` section, or omits a family. */
export const DEFAULT_ATTRIBUTION: AttributionPolicy = {
  openai: ['project', 'metadata', 'user'],
  anthropic: ['metadata'],
  bedrock: ['inference-profile'],
};

/** The mechanisms each family supports; anything else in the policy is ignored here. */
const SUPPORTED: Readonly<Record<keyof AttributionPolicy, readonly Mechanism[]>> = {
  openai: ['project', 'metadata', 'user'],
  anthropic: ['metadata'],
  bedrock: ['inference-profile'],
};

/**
 * Reads `attribution` from a compiled policy, which may not carry it yet: any shape other
 * than `{ family: [mechanism...] }` falls back to the default for that family.
 */
export function attributionPolicy(policy: Policy): AttributionPolicy {
  const section: unknown = (policy as unknown as Record<string, unknown>)['attribution'];
  if (typeof section !== 'object' || section === null) return DEFAULT_ATTRIBUTION;
  const record = section as Record<string, unknown>;
  return {
    openai: familyList(record['openai'], 'openai'),
    anthropic: familyList(record['anthropic'], 'anthropic'),
    bedrock: familyList(record['bedrock'], 'bedrock'),
  };
}

function familyList(value: unknown, family: keyof AttributionPolicy): readonly Mechanism[] {
  if (!Array.isArray(value)) return DEFAULT_ATTRIBUTION[family];
  const supported = SUPPORTED[family];
  return value.filter((item): item is Mechanism => supported.includes(item as Mechanism));
}
