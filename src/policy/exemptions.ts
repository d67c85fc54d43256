import type { RawExemption } from './raw.js';
import type { PolicySource } from './source.js';
import type { PolicyExemption } from './types.js';

const SELECTORS = ['resource', 'type', 'path', 'module'] as const;

/**
 * Compiles the policy's `exemptions:` entries. An entry must select something and its
 * `expires`, when given, must be a real calendar day; both are policy errors. A missing
 * reason, owner or expiry is kept as is: the check reports it as an `invalid-exemption`.
 */
export function compileExemptions(
  entries: readonly RawExemption[],
  source: PolicySource,
): PolicyExemption[] {
  return entries.map((entry, index) => {
    const path = ['exemptions', index];
    if (!SELECTORS.some((selector) => entry[selector] !== undefined)) {
      throw source.error(
        path,
        `exemptions[${index}] selects no resource; give at least one of ` +
          `${SELECTORS.join(', ')}`,
      );
    }
    if (entry.expires !== undefined && !isCalendarDay(entry.expires)) {
      throw source.error(
        [...path, 'expires'],
        `exemptions[${index}].expires is ${JSON.stringify(entry.expires)}, which is not a ` +
          'calendar day; write YYYY-MM-DD, such as 2027-03-31',
      );
    }
    return {
      file: source.fileAt(path),
      line: source.position(path).line,
      ...pick(entry),
      keys: entry.keys ?? ['*'],
    };
  });
}

function pick(entry: RawExemption): Omit<PolicyExemption, 'file' | 'line' | 'keys'> {
  const fields = ['resource', 'type', 'path', 'module', 'reason', 'owner', 'expires'] as const;
  const picked: Record<string, string> = {};
  for (const field of fields) {
    const value = entry[field];
    if (value !== undefined) picked[field] = value;
  }
  return picked;
}

/** Whether `text` is `YYYY-MM-DD` naming a day that exists (no 2027-02-30). */
export function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}
