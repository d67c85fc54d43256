import { isCalendarDay } from '../policy/exemptions.js';

/** The marker that starts an inline exemption inside a comment. */
export const DIRECTIVE = 'openclaw-tags:ignore';

const ATTRIBUTES = ['reason', 'owner', 'expires'] as const;
type Attribute = (typeof ATTRIBUTES)[number];

/**
 * An inline exemption as written: `openclaw-tags:ignore KEY... reason="..." owner=NAME
 * expires=YYYY-MM-DD`. `problems` lists what makes it invalid, in the user's terms; an invalid
 * directive exempts nothing.
 */
export interface Directive {
  readonly keys: readonly string[];
  readonly reason?: string;
  readonly owner?: string;
  readonly expires?: string;
  readonly problems: readonly string[];
}

/**
 * Parses the text that follows the marker. Keys are bare words (`*` for every finding);
 * attributes are `name=value` or `name="quoted value"` (with `\"` and `\\` escapes).
 */
export function parseDirective(text: string): Directive {
  const keys: string[] = [];
  const values: Partial<Record<Attribute, string>> = {};
  const problems: string[] = [];
  const token = /\s*(?:([A-Za-z_][\w-]*)=(?:"((?:[^"\\]|\\.)*)"|([^\s"]\S*|(?=\s|$)))|(\S+))/gy;
  const written = text.trimEnd();
  for (let match = token.exec(written); match; match = token.exec(written)) {
    const [, name, quoted, bare, word] = match;
    if (word !== undefined) {
      if (word.startsWith('"') || /^[A-Za-z_][\w-]*="/.test(word)) {
        problems.push('a quoted value is not closed; end it with "');
        break;
      }
      keys.push(word);
      continue;
    }
    const value = quoted === undefined ? (bare ?? '') : quoted.replace(/\\(.)/g, '$1');
    if (!isAttribute(name)) {
      problems.push(`unknown attribute ${name ?? ''}; allowed: ${ATTRIBUTES.join(', ')}`);
    } else {
      values[name] = value;
    }
  }

  if (keys.length === 0) problems.push('it names no tag key; list the keys it exempts, or *');
  const missing = ATTRIBUTES.filter((name) => (values[name] ?? '').trim() === '');
  if (missing.length > 0) problems.push(`it has no ${missing.join(', no ')}`);
  if (values.expires && values.expires.trim() !== '' && !isCalendarDay(values.expires)) {
    problems.push(`expires=${values.expires} is not a calendar day; write YYYY-MM-DD`);
  }
  return { keys, ...values, problems };
}

function isAttribute(name: string | undefined): name is Attribute {
  return (ATTRIBUTES as readonly (string | undefined)[]).includes(name);
}
