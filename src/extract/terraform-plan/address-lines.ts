/**
 * Lines of the resource objects of a plan or state JSON, found by their `"address"` member,
 * from where `planned_values` (or `values`) begins: `JSON.parse` keeps no positions, and a
 * plan can be large enough that a second, position-keeping parse would cost more than this.
 */
export function addressLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const planned = text.indexOf('"planned_values"');
  const from = planned >= 0 ? planned : Math.max(0, text.indexOf('"values"'));
  const pattern = /"address"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
  pattern.lastIndex = from;
  let line = 1 + countNewlines(text, 0, from);
  let counted = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    line += countNewlines(text, counted, match.index);
    counted = match.index;
    const address = decode(match[1] ?? '');
    if (!lines.has(address)) lines.set(address, line);
  }
  return lines;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (
    let index = text.indexOf('\n', from);
    index >= 0 && index < to;
    index = text.indexOf('\n', index + 1)
  ) {
    count++;
  }
  return count;
}

function decode(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** The 1-based line of a character offset, for `JSON.parse` errors that give a position. */
export function lineOfOffset(text: string, offset: number): number {
  return 1 + countNewlines(text, 0, Math.min(offset, text.length));
}
