import type { InputError } from '../../model.js';
import type { ClaimedFile, ExtractContext } from '../types.js';
import { relativeFile } from './helm.js';
import { readManifest, type Manifest } from './manifest.js';
import { parseManifestFile } from './parse.js';

/**
 * The manifests of every file the extractor looks at, each file read and parsed once: the
 * claimed files, and files a kustomization lists that were not in the scanned set (read from
 * disk through the context). Parse and read errors are collected once per file.
 */
export class ManifestStore {
  private readonly texts = new Map<string, string>();
  private readonly names = new Map<string, string>();
  private readonly parsed = new Map<string, readonly Manifest[]>();
  private readonly unreadable = new Set<string>();
  private readonly collected: InputError[] = [];

  constructor(
    claimed: readonly ClaimedFile[],
    private readonly context: ExtractContext,
  ) {
    for (const file of claimed) {
      this.texts.set(file.absPath, file.text);
      this.names.set(file.absPath, file.file);
    }
  }

  /** Errors met so far, in the order files were read. */
  get errors(): readonly InputError[] {
    return this.collected;
  }

  /** The path of a file as reported: relative to the working directory. */
  fileOf(absPath: string): string {
    return this.names.get(absPath) ?? relativeFile(this.context.cwd, absPath);
  }

  /** Whether the file is known to exist: claimed, or already read from disk. */
  isKnownFile(absPath: string): boolean {
    return this.texts.has(absPath);
  }

  /** A file's text, read from disk when it was not claimed; `undefined` when unreadable. */
  async text(absPath: string): Promise<string | undefined> {
    const known = this.texts.get(absPath);
    if (known !== undefined) return known;
    if (this.unreadable.has(absPath)) return undefined;
    try {
      const text = await this.context.readText(absPath, this.fileOf(absPath));
      this.texts.set(absPath, text);
      return text;
    } catch (error) {
      this.unreadable.add(absPath);
      const message = error instanceof Error ? error.message : String(error);
      this.collected.push({ file: this.fileOf(absPath), line: 1, message });
      return undefined;
    }
  }

  /**
   * The cost-bearing objects of a file; `undefined` when it cannot be read. With `keep: false`
   * a file not parsed yet is parsed for this one caller and not remembered: the caller must be
   * the last to ask for it, or its errors would be collected twice.
   */
  async manifests(
    absPath: string,
    options: { readonly keep: boolean } = { keep: true },
  ): Promise<readonly Manifest[] | undefined> {
    const cached = this.parsed.get(absPath);
    if (cached) return cached;
    const text = await this.text(absPath);
    return text === undefined ? undefined : this.parse(absPath, text, options.keep);
  }

  private parse(absPath: string, text: string, keep: boolean): readonly Manifest[] {
    const file = this.fileOf(absPath);
    const { objects, errors } = parseManifestFile(text, file);
    this.collected.push(...errors);
    const manifests = objects.flatMap((object) => readManifest(object, file) ?? []);
    if (keep) this.parsed.set(absPath, manifests);
    return manifests;
  }
}
