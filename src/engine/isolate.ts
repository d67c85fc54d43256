import type { ClaimedFile, ExtractContext, Extractor } from '../extract/types.js';
import type { Extraction, InputError } from '../model.js';

/** What JavaScript engines say when recursion runs out of stack. */
const STACK_OVERFLOW = /Maximum call stack size exceeded|too much recursion/;

const NESTED_TOO_DEEP =
  'the document is nested too deeply to read (the reader ran out of stack); ' +
  'flatten it or leave the file out of the scanned paths';

/**
 * Runs one extractor over its files, so that no input can stop the whole check. Extractors
 * report bad input as errors themselves; should one throw anyway (input deeper than a parser's
 * stack, or a bug), each file is extracted again on its own, and the file at fault becomes a
 * `parse-error` finding while the others are still checked. In that fallback a file loses what
 * it would have taken from the others (a module's caller, a kustomization's resources).
 */
export async function extractIsolated(
  extractor: Extractor,
  files: readonly ClaimedFile[],
  context: ExtractContext,
): Promise<Extraction> {
  try {
    const extraction = await extractor.extract(files, context);
    return { ...extraction, errors: extraction.errors.map(explainStackOverflow) };
  } catch (error) {
    const [only] = files;
    if (files.length === 1 && only) return failedExtraction(extractor, only, error);
    const parts: Extraction[] = [];
    for (const file of files) parts.push(await extractIsolated(extractor, [file], context));
    return {
      resources: parts.flatMap((part) => part.resources),
      errors: parts.flatMap((part) => part.errors),
      notices: parts.flatMap((part) => part.notices),
    };
  }
}

function failedExtraction(extractor: Extractor, file: ClaimedFile, error: unknown): Extraction {
  const reason = error instanceof Error ? error.message : String(error);
  const message = STACK_OVERFLOW.test(reason)
    ? NESTED_TOO_DEEP
    : `the ${extractor.name} reader failed on this file (${reason}); the rest of the scan ` +
      'went on. This is a bug in openclaw-tags: please report it with the file';
  return { resources: [], errors: [{ file: file.file, line: 1, message }], notices: [] };
}

/** A parser's own stack-overflow message, which names no cause a user can act on, explained. */
function explainStackOverflow(error: InputError): InputError {
  return STACK_OVERFLOW.test(error.message) ? { ...error, message: NESTED_TOO_DEEP } : error;
}
