import { readdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { InputError } from '../../../model.js';
import { UnreadableFileError } from '../../../sources/read.js';
import type { ClaimedFile, ExtractContext } from '../../types.js';
import { parseTerraformFile, type ParsedFile } from '../parse-file.js';

/** The Terraform files of one folder: one module, as Terraform reads it. */
export interface ModuleFolder {
  /** Absolute path of the folder. */
  readonly dir: string;
  readonly files: readonly ParsedFile[];
}

/** Whether a file name is one Terraform reads as configuration. */
export function isTerraformFileName(name: string): boolean {
  return name.endsWith('.tf') || name.endsWith('.tf.json');
}

/**
 * Reads module folders once each: the claimed files with the text already read, and the rest
 * of the folder's `.tf` / `.tf.json` files from disk, because variables, locals and providers
 * of a module live in whichever of its files. Parse errors are collected once per file.
 */
export class FolderReader {
  readonly errors: InputError[] = [];
  private readonly folders = new Map<string, Promise<ModuleFolder>>();
  private readonly claimedByDir = new Map<string, ClaimedFile[]>();

  constructor(
    private readonly context: ExtractContext,
    claimed: readonly ClaimedFile[],
  ) {
    for (const file of claimed) {
      const dir = dirname(file.absPath);
      this.claimedByDir.set(dir, [...(this.claimedByDir.get(dir) ?? []), file]);
    }
  }

  /** Folders that hold at least one claimed file, in path order. */
  get scannedDirs(): string[] {
    return [...this.claimedByDir.keys()].sort();
  }

  /** The folder's files, parsed; an empty list when it holds none or cannot be listed. */
  read(dir: string): Promise<ModuleFolder> {
    let folder = this.folders.get(dir);
    if (!folder) {
      folder = this.load(dir);
      this.folders.set(dir, folder);
    }
    return folder;
  }

  private async load(dir: string): Promise<ModuleFolder> {
    const claimed = new Map((this.claimedByDir.get(dir) ?? []).map((file) => [file.absPath, file]));
    const names = await readdir(dir, { withFileTypes: true }).then(
      (entries) => entries.filter((entry) => !entry.isDirectory()).map((entry) => entry.name),
      () => [],
    );
    const paths = new Set([
      ...claimed.keys(),
      ...names.filter(isTerraformFileName).map((name) => join(dir, name)),
    ]);
    const files: ParsedFile[] = [];
    for (const absPath of [...paths].sort()) {
      const file = claimed.get(absPath)?.file ?? this.relativePath(absPath);
      const text = claimed.get(absPath)?.text ?? (await this.readText(absPath, file));
      if (text === undefined) continue;
      const outcome = await parseTerraformFile(absPath, file, text);
      if (outcome.kind === 'error') this.errors.push(outcome.error);
      else files.push(outcome.parsed);
    }
    return { dir, files };
  }

  private async readText(absPath: string, file: string): Promise<string | undefined> {
    try {
      return await this.context.readText(absPath, file);
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      this.errors.push({ file, line: 1, message: error.message });
      return undefined;
    }
  }

  private relativePath(absPath: string): string {
    return relative(this.context.cwd, absPath).split(sep).join('/');
  }
}
