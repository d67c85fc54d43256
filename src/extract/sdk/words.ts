/**
 * Where names occur in source text, found without the syntax tree: the SDK extractor looks
 * for a name's occurrences in the text first and asks the tree only about those.
 */

/** Whether a UTF-16 code unit can be part of a name: ASCII letters, digits, `_` and `$`. */
export function isNameChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 36
  );
}

/**
 * Where `words` occur in `text` as whole words (not inside a longer name), optionally only
 * where `after` (a sticky pattern) matches right behind them, in text order. Returns
 * [start, end) offsets in the UTF-16 units tree-sitter's JavaScript binding indexes by.
 * A word that starts with a common letter but holds a rare character (`require`, `tags`) is
 * looked for by that character, which `indexOf` finds with a fast single-character scan, and
 * then compared whole: searching for the whole word costs a comparison at every occurrence of
 * its first letter, which in code is often an `r`, an `s` or a `t`.
 */
export function wordOccurrences(
  text: string,
  words: string | readonly string[],
  after?: RegExp,
): [number, number][] {
  const list = typeof words === 'string' ? [words] : words;
  const found: [number, number][] = [];
  for (const word of list) {
    if (word === '') continue;
    const offset = probeOffset(word);
    const probe = offset === 0 ? word : word.charAt(offset);
    for (let hit = text.indexOf(probe, offset); hit >= 0; hit = text.indexOf(probe, hit + 1)) {
      const start = hit - offset;
      if (!text.startsWith(word, start)) continue;
      const end = start + word.length;
      if (start > 0 && isNameChar(text.charCodeAt(start - 1))) continue;
      if (end < text.length && isNameChar(text.charCodeAt(end))) continue;
      if (after) {
        after.lastIndex = end;
        if (!after.test(text)) continue;
      }
      found.push([start, end]);
    }
  }
  if (list.length > 1) found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  return found;
}

/**
 * Printable ASCII characters from the most to the least common in source code, as counted
 * over this project's own Python, TypeScript and JavaScript; any other character counts as
 * rarer than all of them.
 */
const BY_FREQUENCY =
  ' etnroasicl,ud\'pm.:gf()yh=;_b{}wvkx/-*`[]SCTERA0P"j>OI?MF1' +
  '\\LN|2BDq$<V3z!+UW&GKHJY546897^%@X#ZQ~';

/** Each character code's rarity: its place in `BY_FREQUENCY`, past the end for the rest. */
const RARITY: readonly number[] = Array.from({ length: 128 }, (_, code) => {
  const rank = BY_FREQUENCY.indexOf(String.fromCharCode(code));
  return rank < 0 ? BY_FREQUENCY.length : rank;
});

/** Characters at least this far down `BY_FREQUENCY` are rare enough to search for alone. */
const RARE = BY_FREQUENCY.indexOf('g');

/**
 * Where in `word` the character to search for is: its rarest (the first of equally rare
 * ones) when the first character is common and that one is rare, else 0, for a search of the
 * whole word.
 */
function probeOffset(word: string): number {
  if (rarityOf(word.charCodeAt(0)) >= RARE) return 0;
  let offset = 0;
  let rarity = -1;
  for (let at = 0; at < word.length; at += 1) {
    const charRarity = rarityOf(word.charCodeAt(at));
    if (charRarity > rarity) {
      rarity = charRarity;
      offset = at;
    }
  }
  return rarity >= RARE ? offset : 0;
}

function rarityOf(code: number): number {
  return RARITY[code] ?? BY_FREQUENCY.length;
}
