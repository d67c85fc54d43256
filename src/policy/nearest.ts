/**
 * Words longer than this get no edit-distance suggestion: no tag key or value of any provider
 * is this long, and the distance to every candidate would cost the word's length squared.
 */
export const MAX_SUGGESTED_WORD_LENGTH = 256;

/**
 * Finds the candidate a user most likely meant: one equal but for case first, else the one at
 * the smallest edit distance, if that distance is small for the word's length. Returns
 * undefined when nothing is close enough to suggest. The work per candidate is bounded by
 * `MAX_SUGGESTED_WORD_LENGTH`, so a huge value list or a huge value stays cheap.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const lowerWord = word.toLowerCase();
  const sameButCase = candidates.find((candidate) => candidate.toLowerCase() === lowerWord);
  if (sameButCase !== undefined) return sameButCase;
  if (word.length > MAX_SUGGESTED_WORD_LENGTH) return undefined;

  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: skip what cannot come close enough.
    const lowerCandidate = candidate.toLowerCase();
    if (Math.abs(lowerCandidate.length - lowerWord.length) >= bestDistance) continue;
    const distance = editDistance(lowerWord, lowerCandidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Edit distance between two strings where inserting, deleting or replacing a character, or
 * swapping two adjacent ones, costs 1 (optimal string alignment), by UTF-16 code unit.
 */
export function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      const deletion = (previous[j] ?? 0) + 1;
      const insertion = (current[j - 1] ?? 0) + 1;
      let best = Math.min(substitution, deletion, insertion);
      const swapped = i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1];
      if (swapped) best = Math.min(best, (beforePrevious[j - 2] ?? 0) + 1);
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}
