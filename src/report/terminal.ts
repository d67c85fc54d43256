/**
 * Terminal helpers for the text report: ANSI colours that are applied only when asked, and a
 * guard that keeps text from a user's files from driving the terminal.
 */

/** The styles the text report uses. */
export type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'cyan' | 'green';

const CODES: Readonly<Record<Style, string>> = {
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  cyan: '\u001b[36m',
  green: '\u001b[32m',
};

const RESET = '\u001b[0m';

/** A painter: wraps text in a style when colour is on, returns it unchanged when it is off. */
export type Paint = (style: Style, text: string) => string;

/** The painter for `color`: ANSI escapes when true, plain text when false. */
export function painter(color: boolean): Paint {
  if (!color) return (_style, text) => text;
  return (style, text) => (text === '' ? text : `${CODES[style]}${text}${RESET}`);
}

/**
 * Shows control characters, DEL, C1 controls and bidirectional overrides as visible escapes
 * (`\x1b`, `\u202e`), so that a file name or tag value cannot move the cursor, recolour the
 * terminal or reorder the line. Line breaks are kept; callers indent what follows them.
 */
export function inertForTerminal(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (character) => visibleEscape(character),
  );
}

function visibleEscape(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}
