import { stat } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import type { Extraction, InputError, Notice, Resource } from '../../model.js';
import { UnreadableFileError } from '../../sources/read.js';
import type { ClaimedFile, ExtractContext, Extractor } from '../types.js';
import { looksLikeTemplate } from './claim.js';
import type { StackTag } from './effective-tags.js';
import { parseSamConfig, type SamConfig } from './samconfig.js';
import { extractTemplate } from './template.js';

const SAM_CONFIG = 'samconfig.toml';

/** A folder's `samconfig.toml`: absent, read, or unreadable (reported once). */
type SamConfigLookup =
  | { readonly kind: 'absent' }
  | { readonly kind: 'found'; readonly config: SamConfig; readonly line: number }
  | { readonly kind: 'error'; readonly error: InputError };

/**
 * CloudFormation templates, SAM templates and CDK-synthesized templates (YAML or JSON). Each
 * resource is reported under its logical id with the tags the bill will see: its own, SAM
 * `Globals`, the check's stack tags and the `samconfig.toml` tags beside the template.
 */
export const cloudFormationExtractor: Extractor = {
  name: 'cloudformation',

  claim(file, text) {
    return looksLikeTemplate(file, text);
  },

  async extract(files: readonly ClaimedFile[], context: ExtractContext): Promise<Extraction> {
    const resources: Resource[] = [];
    const errors: InputError[] = [];
    const notices: Notice[] = [];
    const samConfigs = new Map<string, Promise<SamConfigLookup>>();

    for (const file of files) {
      const folder = dirname(file.absPath);
      let lookup = samConfigs.get(folder);
      if (!lookup) {
        lookup = readSamConfig(folder, file.file, context);
        samConfigs.set(folder, lookup);
        const found = await lookup;
        if (found.kind === 'error') errors.push(found.error);
      }
      const samConfig = await lookup;

      const extraction = extractTemplate({
        file: file.file,
        text: file.text,
        stackTags: stackTagsFor(samConfig, context.stackTags),
        parameterOverrides:
          samConfig.kind === 'found' ? samConfig.config.parameterOverrides : new Map(),
      });
      resources.push(...extraction.resources);
      errors.push(...extraction.errors);
      notices.push(...extraction.notices);
    }
    return { resources, errors, notices };
  },
};

/** `samconfig.toml`'s tags first, then the check's own stack tags, which win. */
function stackTagsFor(
  samConfig: SamConfigLookup,
  contextTags: Readonly<Record<string, string>>,
): StackTag[] {
  const tags: StackTag[] = [];
  if (samConfig.kind === 'found') {
    for (const [key, value] of samConfig.config.tags) {
      const origin = { line: samConfig.line, file: samConfig.config.file, source: SAM_CONFIG };
      tags.push({ key, value, origin });
    }
  }
  for (const [key, value] of Object.entries(contextTags)) {
    tags.push({ key, value, origin: { line: 0, source: 'stack tags' } });
  }
  return tags;
}

/** Reads the `samconfig.toml` in `folder`, if there is one. */
async function readSamConfig(
  folder: string,
  templateFile: string,
  context: ExtractContext,
): Promise<SamConfigLookup> {
  const file = posix.join(posix.dirname(templateFile), SAM_CONFIG);
  const absPath = join(folder, SAM_CONFIG);
  // Looked up before reading: the reader may refuse a path (outside the repository) whether or
  // not a file is there, and a missing samconfig.toml is the common case, not an error.
  const info = await stat(absPath).catch(() => undefined);
  if (!info?.isFile()) return { kind: 'absent' };
  let text: string;
  try {
    text = await context.readText(absPath, file);
  } catch (error) {
    if (error instanceof UnreadableFileError && isMissingFile(error.cause))
      return { kind: 'absent' };
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'error', error: { file, line: 1, message } };
  }
  const config = parseSamConfig(text, file);
  if ('message' in config) return { kind: 'error', error: config };
  return { kind: 'found', config, line: lineOfTagsSetting(text) };
}

function isMissingFile(cause: unknown): boolean {
  return cause instanceof Error && 'code' in cause && cause.code === 'ENOENT';
}

/** The 1-based line of the first `tags =` setting, where users look to change stack tags. */
function lineOfTagsSetting(text: string): number {
  const match = /^[ \t]*tags[ \t]*=/m.exec(text);
  return match ? text.slice(0, match.index).split('\n').length : 1;
}
