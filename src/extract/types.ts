import type { Extraction } from '../model.js';
import type { Policy } from '../policy/types.js';
import type { DiscoveredFile } from '../sources/discover.js';

/** What every extractor is given besides its files. */
export interface ExtractContext {
  /** Absolute working directory; `Resource.file` is relative to it. */
  readonly cwd: string;
  readonly policy: Policy;
  /** Stack-level tags given to the check (CloudFormation), applied to every resource. */
  readonly stackTags: Readonly<Record<string, string>>;
  /** Reads a file as text with the project's limits; throws `UnreadableFileError`. */
  readonly readText: (absPath: string, file: string) => Promise<string>;
}

/**
 * One input format. `claim` decides from a file's kind and text whether this extractor reads
 * it; `extract` turns all claimed files into resources, in one call so that formats whose
 * meaning spans files (Terraform modules, kustomizations) can see them together.
 */
export interface Extractor {
  readonly name: string;
  claim(file: DiscoveredFile, text: string): boolean;
  extract(files: readonly ClaimedFile[], context: ExtractContext): Promise<Extraction>;
}

/** A discovered file with its text already read. */
export interface ClaimedFile extends DiscoveredFile {
  readonly text: string;
}

/**
 * A value under construction: extractors fill in optional fields one by one instead of
 * spreading conditional objects, which costs a copy each time and runs for every resource.
 */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
