/**
 * Makes text from a user's files inert in GitHub-flavoured Markdown: no formatting, no HTML, no
 * links, no @mentions or #references, no line breaks that would end a table row. The result
 * reads the same once rendered; only the Markdown source changes.
 */

/** Zero-width joiner: invisible once rendered, but it breaks the patterns GitHub links. */
const ZWJ = '\u200D';

/** ASCII characters that start or end inline Markdown (and GitHub's math and tables). */
const BACKSLASHED = new Set(['\\', '`', '*', '_', '[', ']', '(', ')', '!', '|', '~', '$', '^']);

/** Characters that only mean something at the start of a line (headings, lists, setext). */
const LINE_START = new Set(['#', '-', '+', '=']);

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
};

/**
 * Escapes `text` for use inside a Markdown paragraph, list item or table cell:
 *
 * - `&`, `<` and `>` become entities, so no HTML tag or entity survives (a `"` cannot open an
 *   attribute without a tag, so it stays);
 * - Markdown punctuation is backslash-escaped (emphasis, code spans, links, images, tables,
 *   strikethrough, math), and line-start markers (`#`, `-`, `+`, `=`, `1.`) at the start;
 * - `@` and a `#` before a digit get a zero-width joiner, so no one is mentioned and no issue
 *   is referenced; `www.` and `scheme://` get one too, so nothing becomes a link;
 * - line breaks and tabs become spaces (a cell stays one row); other control characters and
 *   bidirectional overrides become U+FFFD, so nothing reorders or hides the text around it.
 */
export function escapeMarkdown(text: string): string {
  const characters = Array.from(text);
  let escaped = '';
  for (let index = 0; index < characters.length; index += 1) {
    const character = characters[index] ?? '';
    const next = characters[index + 1] ?? '';
    escaped += escapeCharacter(character, index === 0, next);
  }
  return breakAutolinks(escapeListNumber(escaped));
}

function escapeCharacter(character: string, atStart: boolean, next: string): string {
  if (isLineBreak(character) || character === '\t') return ' ';
  if (isControl(character) || isBidiControl(character)) return '\uFFFD';
  const entity = ENTITIES[character];
  if (entity) return entity;
  if (character === '@') return `@${ZWJ}`;
  if (character === '#') {
    const reference = /[0-9]/.test(next) ? ZWJ : '';
    return `\\#${reference}`;
  }
  if (BACKSLASHED.has(character)) return `\\${character}`;
  if (atStart && LINE_START.has(character)) return `\\${character}`;
  return character;
}

/** `1. text` or `1) text` at the start would open an ordered list. */
function escapeListNumber(text: string): string {
  return text.replace(/^([0-9]{1,9})([.)])/, '$1\\$2');
}

/** GitHub links `www.host` and `scheme://host` even without angle brackets. */
function breakAutolinks(text: string): string {
  return text
    .replace(/(www)(\.)/gi, `$1${ZWJ}$2`)
    .replace(/([a-z][a-z0-9+.-]*:)(\/\/)/gi, `$1${ZWJ}$2`);
}

function isLineBreak(character: string): boolean {
  return /^[\n\r\u0085\u2028\u2029]$/.test(character);
}

function isControl(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

function isBidiControl(character: string): boolean {
  return /^[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]$/.test(character);
}

/**
 * Makes text from a user's files inert in plain-text channels (annotations, their titles, log
 * lines): control characters and bidirectional overrides become U+FFFD, so no terminal escape
 * recolours or hides the log and nothing reorders the text. `\n` stays when `keepNewlines` is
 * set (the runner escapes it in workflow commands); every other line break becomes a space.
 */
export function escapePlainText(text: string, keepNewlines = false): string {
  let escaped = '';
  for (const character of text) {
    if (character === '\n' && keepNewlines) escaped += character;
    else if (isLineBreak(character) || character === '\t') escaped += ' ';
    else if (isControl(character) || isBidiControl(character)) escaped += '\uFFFD';
    else escaped += character;
  }
  return escaped;
}
