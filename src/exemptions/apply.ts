import type {
  ActiveExemption,
  ExemptionSelectors,
  Finding,
  Resource,
  SuppressedFinding,
} from '../model.js';
import type { Policy, PolicyExemption } from '../policy/types.js';
import { directivesAbove } from './inline.js';
import { coversKey, selects } from './select.js';

/** The rule id of findings about exemptions themselves: invalid or expired. */
export const INVALID_EXEMPTION = 'invalid-exemption';

/** The header of `invalid-exemption`, for the SARIF driver and the docs. */
export const invalidExemptionMeta = {
  id: INVALID_EXEMPTION,
  description: 'An exemption lacks a reason, an owner or a valid expiry date, or has expired.',
  defaultSeverity: 'warning',
} as const;

/** Rules whose findings no exemption can hide. */
const NOT_EXEMPTABLE = new Set(['parse-error', INVALID_EXEMPTION]);

/** What exemptions are judged from. */
export interface ExemptionInput {
  readonly findings: readonly Finding[];
  /** Every resource of the check; inline exemptions are read above these. */
  readonly resources: readonly Resource[];
  readonly policy: Policy;
  /** The day to judge expiry against, `YYYY-MM-DD` (UTC). */
  readonly today: string;
  /** The lines of a scanned file (path relative to the working directory), if readable. */
  readonly readLines: (file: string) => Promise<readonly string[] | undefined>;
}

/** Findings after exemptions, the exemptions in force and what each of them hid. */
export interface ExemptionOutcome {
  /** Findings no active exemption covers, plus `invalid-exemption` findings. */
  readonly findings: readonly Finding[];
  readonly exemptions: readonly ActiveExemption[];
  readonly suppressed: readonly SuppressedFinding[];
}

interface Candidate {
  readonly kind: ActiveExemption['kind'];
  readonly file: string;
  readonly line: number;
  readonly keys: readonly string[];
  readonly selects?: ExemptionSelectors;
  readonly reason?: string;
  readonly owner?: string;
  readonly expires?: string;
  readonly problems: readonly string[];
  /** Who the entry is shown as in findings about it. */
  readonly name: string;
  /** Addresses of the resources it selects. */
  readonly addresses: ReadonlySet<string>;
}

/**
 * Applies inline and policy exemptions. An exemption with a problem (no reason, owner or
 * expiry, a bad date, no key) or past its expiry exempts nothing and becomes an
 * `invalid-exemption` finding; every other one hides the findings of the keys it lists on the
 * resources it selects. `parse-error` and `invalid-exemption` findings are never hidden.
 */
export async function applyExemptions(input: ExemptionInput): Promise<ExemptionOutcome> {
  const candidates = [
    ...(await inlineCandidates(input.resources, input.readLines)),
    ...(input.policy.exemptions ?? []).map((entry, index) =>
      policyCandidate(entry, index, input.resources),
    ),
  ].sort((a, b) => compare(a.file, b.file) || a.line - b.line);

  const findings: Finding[] = [];
  const active: Candidate[] = [];
  for (const candidate of candidates) {
    const problem = judge(candidate, input.today);
    if (problem) findings.push(problem);
    else active.push(candidate);
  }

  const suppressed: SuppressedFinding[] = [];
  const hidden = active.map(() => ({ count: 0, resources: new Set<string>() }));
  for (const finding of input.findings) {
    const index = NOT_EXEMPTABLE.has(finding.rule)
      ? -1
      : active.findIndex(
          (candidate) =>
            candidate.addresses.has(finding.resource) && coversKey(candidate.keys, finding),
        );
    const tally = hidden[index];
    if (index < 0 || !tally) {
      findings.push(finding);
      continue;
    }
    tally.count += 1;
    tally.resources.add(finding.resource);
    suppressed.push({ finding, exemption: index });
  }

  const exemptions = active.map((candidate, index) => activeExemption(candidate, hidden[index]));
  return { findings, exemptions, suppressed };
}

async function inlineCandidates(
  resources: readonly Resource[],
  readLines: ExemptionInput['readLines'],
): Promise<Candidate[]> {
  const byPlace = new Map<string, Candidate & { addresses: Set<string> }>();
  const linesOf = new Map<string, readonly string[] | undefined>();
  for (const resource of resources) {
    if (!linesOf.has(resource.file)) linesOf.set(resource.file, await readLines(resource.file));
    const lines = linesOf.get(resource.file);
    if (!lines) continue;
    for (const directive of directivesAbove(resource, lines)) {
      const place = `${directive.file}:${directive.line}`;
      const known = byPlace.get(place);
      if (known) {
        known.addresses.add(resource.address);
        continue;
      }
      byPlace.set(place, {
        ...directive,
        kind: 'inline',
        name: `openclaw-tags:ignore above ${resource.address}`,
        addresses: new Set([resource.address]),
      });
    }
  }
  return [...byPlace.values()];
}

function policyCandidate(
  entry: PolicyExemption,
  index: number,
  resources: readonly Resource[],
): Candidate {
  const missing = (['reason', 'owner', 'expires'] as const).filter(
    (field) => (entry[field] ?? '').trim() === '',
  );
  const problems = missing.length === 0 ? [] : [`it has no ${missing.join(', no ')}`];
  const selected = resources.filter((resource) => selects(entry, resource));
  const selectors: Record<string, string> = {};
  for (const field of ['resource', 'type', 'path', 'module'] as const) {
    const value = entry[field];
    if (value !== undefined) selectors[field] = value;
  }
  return {
    ...entry,
    kind: 'policy',
    selects: selectors,
    problems,
    name: `policy exemption exemptions[${index}]`,
    addresses: new Set(selected.map((resource) => resource.address)),
  };
}

/** The `invalid-exemption` finding for an entry that cannot apply, or undefined. */
function judge(candidate: Candidate, today: string): Finding | undefined {
  const base = {
    rule: INVALID_EXEMPTION,
    severity: 'warning' as const,
    resource: candidate.kind === 'inline' ? firstOf(candidate.addresses) : candidate.name,
    file: candidate.file,
    line: candidate.line,
    key: null,
  };
  if (candidate.problems.length > 0) {
    return {
      ...base,
      message:
        `${candidate.name} is not valid: ${candidate.problems.join('; ')}; ` +
        'it exempts nothing until it is fixed',
      fix:
        candidate.kind === 'inline'
          ? 'write it as openclaw-tags:ignore KEY... reason="why" owner=team expires=YYYY-MM-DD'
          : 'give the entry a reason, an owner and expires: YYYY-MM-DD',
    };
  }
  if (candidate.expires !== undefined && candidate.expires < today) {
    return {
      ...base,
      message:
        `${candidate.name} (${keyList(candidate.keys)}, owner ${candidate.owner ?? ''}) ` +
        `expired on ${candidate.expires}; it no longer exempts anything, so the findings ` +
        'it covered are reported again',
      fix: 'fix the findings and remove the exemption, or renew it with a later expires date',
    };
  }
  return undefined;
}

function activeExemption(
  candidate: Candidate,
  tally: { count: number; resources: Set<string> } | undefined,
): ActiveExemption {
  return {
    kind: candidate.kind,
    file: candidate.file,
    line: candidate.line,
    keys: candidate.keys,
    ...(candidate.selects === undefined ? {} : { selects: { ...candidate.selects } }),
    reason: candidate.reason ?? '',
    owner: candidate.owner ?? '',
    expires: candidate.expires ?? '',
    resources: [...(tally?.resources ?? [])].sort(compare),
    findings: tally?.count ?? 0,
  };
}

function keyList(keys: readonly string[]): string {
  return keys.includes('*') ? 'all keys' : `keys ${keys.join(', ')}`;
}

function firstOf(addresses: ReadonlySet<string>): string {
  return [...addresses][0] ?? '';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
