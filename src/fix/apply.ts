import type { Replacement } from '../model.js';

/** The outcome of applying edits to one file's text. */
export interface AppliedEdits {
  readonly text: string;
  readonly applied: readonly Replacement[];
  /** Edits left out because they overlap an earlier one or point outside the text. */
  readonly skipped: readonly Replacement[];
}

/**
 * Applies replacements to `text`. Lines and columns are 1-based (columns in UTF-16 code
 * units), the end exclusive. Edits are taken in the order given; one that overlaps an edit
 * already taken, or starts where one does, is skipped, so every edit applied is one that was
 * computed on the original text (`check --fix` runs again for the skipped ones). Whole lines
 * inserted at the same place are the exception: they stack, in the order given.
 */
export function applyReplacements(
  text: string,
  replacements: readonly Replacement[],
): AppliedEdits {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) {
    lineStarts.push(index + 1);
  }
  const offset = (line: number, column: number): number | undefined => {
    const start = lineStarts[line - 1];
    if (start === undefined)
      return line === lineStarts.length + 1 && column === 1 ? text.length : undefined;
    const end = lineStarts[line] ?? text.length;
    const at = start + column - 1;
    return column >= 1 && at <= end ? at : undefined;
  };

  const taken: { start: number; end: number; order: number; edit: Replacement }[] = [];
  const skipped: Replacement[] = [];
  replacements.forEach((edit, order) => {
    const start = offset(edit.line, edit.column);
    const end = offset(edit.endLine, edit.endColumn);
    const clash = taken.some(
      (other) =>
        start !== undefined &&
        end !== undefined &&
        (overlaps(start, end, other.start, other.end) ||
          (start === other.start && !(stacks(edit) && stacks(other.edit)))),
    );
    if (start === undefined || end === undefined || end < start || clash) skipped.push(edit);
    else taken.push({ start, end, order, edit });
  });

  let result = text;
  const fromLast = [...taken].sort((a, b) => b.start - a.start || b.order - a.order);
  for (const { start, end, edit } of fromLast) {
    result = result.slice(0, start) + edit.text + result.slice(end);
  }
  return { text: result, applied: taken.map((entry) => entry.edit), skipped };
}

function overlaps(start: number, end: number, otherStart: number, otherEnd: number): boolean {
  return start < otherEnd && otherStart < end;
}

/** Whole-line insertions: zero width at a line start, text ending with a line break. */
function stacks(edit: Replacement): boolean {
  return (
    edit.line === edit.endLine &&
    edit.column === 1 &&
    edit.endColumn === 1 &&
    edit.text.endsWith('\n')
  );
}
