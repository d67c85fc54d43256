import { invalidExemptionMeta } from '../exemptions/index.js';
import type { RuleId, Severity } from '../model.js';
import { rules as registeredRules } from '../rules/index.js';
import { ruleHelpUri } from './links.js';

/** What a SARIF rule descriptor is built from: the `meta` header of a registered rule. */
export interface RuleDescription {
  readonly id: RuleId;
  readonly description: string;
  readonly defaultSeverity: Severity;
}

/** A SARIF `reportingDescriptor` for one rule. */
export interface SarifRuleDescriptor {
  readonly id: string;
  readonly shortDescription: { readonly text: string };
  readonly helpUri: string;
  readonly defaultConfiguration: { readonly level: SarifLevel };
}

/** SARIF result levels, in the order of the product's severities. */
export type SarifLevel = 'error' | 'warning' | 'note';

/**
 * Rules that are produced outside the rule registry: the engine turns every unreadable or
 * unparsable file into a `parse-error` finding, and every exemption that lacks a reason,
 * owner or expiry, or has expired, into an `invalid-exemption` finding.
 */
export const ENGINE_RULES: readonly RuleDescription[] = [
  {
    id: 'parse-error',
    description: 'A file could not be read or parsed; the rest of the scan went on without it',
    defaultSeverity: 'error',
  },
  invalidExemptionMeta,
];

/** The SARIF level of a product severity: `notice` is SARIF's `note`. */
export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'notice' ? 'note' : severity;
}

/** Descriptions of the registered rules, from their `meta` headers. */
export function registeredRuleDescriptions(): readonly RuleDescription[] {
  return registeredRules.map((rule) => rule.meta);
}

/**
 * One descriptor per rule: those described, in their order, then the engine's own rules, then
 * any rule that a finding names but no description covers (so every result's `ruleId`
 * resolves to a descriptor).
 */
export function ruleDescriptors(
  described: readonly RuleDescription[],
  usedRuleIds: readonly string[],
): SarifRuleDescriptor[] {
  const descriptors = new Map<string, SarifRuleDescriptor>();
  for (const rule of [...described, ...ENGINE_RULES]) {
    if (!descriptors.has(rule.id)) descriptors.set(rule.id, descriptor(rule));
  }
  for (const id of usedRuleIds) {
    if (descriptors.has(id)) continue;
    descriptors.set(id, descriptor({ id, description: `Rule ${id}`, defaultSeverity: 'warning' }));
  }
  return [...descriptors.values()];
}

function descriptor(rule: RuleDescription): SarifRuleDescriptor {
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    helpUri: ruleHelpUri(rule.id),
    defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
  };
}
