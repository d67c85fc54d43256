import { normalizeKey } from '../../policy/forms.js';
import type { Policy } from '../../policy/types.js';

/** One tag as a billing row carries it, after the export's own prefix was removed. */
export type TagPair = readonly [spelling: string, value: string];

/**
 * A distinct set of tags, interned: rows with the same tags share one object, so aggregation
 * keys on `id` and per-set work (drift, coverage) runs once per set, not per row.
 */
export interface TagSet {
  readonly id: number;
  /** Canonical key -> value, keys sorted. */
  readonly tags: ReadonlyMap<string, string>;
  /** Each key as the export spelled it, with its canonical key. */
  readonly spellings: readonly (readonly [spelling: string, canonical: string])[];
}

/** Above this many distinct tag sets, keys outside the policy are dropped from new sets. */
export const TAG_SET_LIMIT = 200_000;

/**
 * Maps tag keys to the policy's canonical spelling (`cost_center`, `cost-center`,
 * `COSTCENTER` -> `CostCenter`) and interns tag sets. Keys the policy does not name keep
 * their spelling, trimmed.
 */
export class TagNormalizer {
  private readonly canonicalByFold = new Map<string, string>();
  private readonly canonicalCache = new Map<string, string>();
  private readonly sets = new Map<string, TagSet>();
  private readonly ordered: TagSet[] = [];
  /** Whether new tag sets lost keys outside the policy because of `TAG_SET_LIMIT`. */
  truncated = false;

  constructor(readonly policyKeys: readonly string[]) {
    for (const key of policyKeys) this.canonicalByFold.set(normalizeKey(key), key);
  }

  /** Builds the normalizer for a policy: its keys and every provider form of them. */
  static forPolicy(policy: Policy): TagNormalizer {
    const normalizer = new TagNormalizer(policy.tags.map((rule) => rule.key));
    for (const rule of policy.tags) {
      for (const form of Object.values(rule.forms)) {
        normalizer.canonicalByFold.set(normalizeKey(form), rule.key);
      }
    }
    return normalizer;
  }

  /** The canonical key for a spelling. */
  canonicalKey(spelling: string): string {
    const cached = this.canonicalCache.get(spelling);
    if (cached !== undefined) return cached;
    const trimmed = spelling.trim();
    const canonical = this.canonicalByFold.get(normalizeKey(trimmed)) || trimmed;
    this.canonicalCache.set(spelling, canonical);
    return canonical;
  }

  /**
   * The interned set for these pairs. Empty values count as absent (legacy CUR writes an
   * empty cell for an untagged row); when two spellings meet on one key the first non-empty
   * value wins.
   */
  intern(pairs: readonly TagPair[]): TagSet {
    const tags = new Map<string, string>();
    const spellings: [string, string][] = [];
    const overLimit = this.sets.size >= TAG_SET_LIMIT;
    for (const [spelling, rawValue] of pairs) {
      const value = rawValue.trim();
      if (value.length === 0) continue;
      const canonical = this.canonicalKey(spelling);
      if (canonical.length === 0 || tags.has(canonical)) continue;
      if (overLimit && !this.policyKeys.includes(canonical)) {
        this.truncated = true;
        continue;
      }
      tags.set(canonical, value);
      spellings.push([spelling, canonical]);
    }
    const sorted = new Map([...tags].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    spellings.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const identity = JSON.stringify([...sorted, ...spellings]);
    const existing = this.sets.get(identity);
    if (existing) return existing;
    const set: TagSet = { id: this.ordered.length, tags: sorted, spellings };
    this.sets.set(identity, set);
    this.ordered.push(set);
    return set;
  }

  /** Every set interned so far, by id. */
  allSets(): readonly TagSet[] {
    return this.ordered;
  }
}
