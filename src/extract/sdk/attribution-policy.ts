import type { AiFamily, AttributionMechanism, Policy } from '../../policy/types.js';

export type { AiFamily, AttributionMechanism };

/** Per AI family, the mechanisms that each suffice; an empty list means "not judged". */
export type AttributionPolicy = Readonly<Record<AiFamily, readonly AttributionMechanism[]>>;

/** What applies when the policy has no `attribution:` section: no family is judged. */
export const NO_ATTRIBUTION: AttributionPolicy = { openai: [], anthropic: [], bedrock: [] };

/** The accepted mechanisms of a compiled policy. */
export function attributionPolicy(policy: Policy): AttributionPolicy {
  return policy.attribution?.families ?? NO_ATTRIBUTION;
}
