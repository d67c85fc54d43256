import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { InputError, Notice } from '../../../model.js';
import type { Manifest } from '../manifest.js';
import type { ManifestStore } from '../manifest-store.js';
import {
  KUSTOMIZATION_FILE_NAMES,
  readKustomization,
  type Kustomization,
  type Reference,
} from './kustomization.js';
import { applyPatch, type PatchText } from './patch-apply.js';
import type { Patch } from './patch-reader.js';
import { applyKustomization } from './transform.js';

/** What building one kustomization gives: its objects, and every object it read on the way. */
export interface BuildResult {
  readonly manifests: readonly Manifest[];
  /** `file#index` of each object read, including ones a `$patch: delete` removed. */
  readonly loaded: ReadonlySet<string>;
}

const EMPTY: BuildResult = { manifests: [], loaded: new Set() };

/** The key of an object in `BuildResult.loaded`. */
export function objectKey(manifest: Manifest): string {
  return `${manifest.file}#${manifest.index}`;
}

/**
 * Builds kustomizations the way `kustomize build` would, as far as labels, namespaces and names
 * go: resources (files and folders with their own kustomization, recursively), components,
 * patches, then the kustomization's own fields. Remote resources are not fetched (a notice
 * says so). Each kustomization is built once; `referenced` collects those reached from
 * another, so the caller can tell which ones are roots.
 */
export class KustomizeBuilder {
  readonly errors: InputError[] = [];
  readonly notices: Notice[] = [];
  readonly referenced = new Set<string>();
  /** Files read as patches: never objects of their own. */
  readonly patchFiles = new Set<string>();
  private readonly built = new Map<string, Promise<BuildResult>>();
  private readonly read = new Map<string, Promise<Kustomization | undefined>>();

  constructor(private readonly store: ManifestStore) {}

  /** The objects a kustomization file produces. */
  build(absPath: string, stack: readonly string[] = []): Promise<BuildResult> {
    let result = this.built.get(absPath);
    if (!result) {
      result = this.buildOnce(absPath, stack);
      this.built.set(absPath, result);
    }
    return result;
  }

  /** Whether the kustomization file is a `Component` (never built on its own). */
  async isComponent(absPath: string): Promise<boolean> {
    return (await this.kustomization(absPath))?.isComponent ?? false;
  }

  private async buildOnce(absPath: string, stack: readonly string[]): Promise<BuildResult> {
    const kustomization = await this.kustomization(absPath);
    if (!kustomization) return EMPTY;
    return this.run(kustomization, EMPTY, [...stack, absPath]);
  }

  private async run(
    kustomization: Kustomization,
    input: BuildResult,
    stack: readonly string[],
  ): Promise<BuildResult> {
    let manifests = [...input.manifests];
    const loaded = new Set(input.loaded);
    for (const reference of kustomization.resources) {
      const result = await this.resource(kustomization, reference, stack);
      manifests.push(...result.manifests);
      for (const key of result.loaded) loaded.add(key);
    }
    for (const reference of kustomization.components) {
      const result = await this.component(kustomization, reference, { manifests, loaded }, stack);
      manifests = [...result.manifests];
      for (const key of result.loaded) loaded.add(key);
    }
    for (const patch of kustomization.patches) {
      manifests = await this.patch(kustomization, patch, manifests);
    }
    return { manifests: applyKustomization(kustomization, manifests), loaded };
  }

  private async resource(
    kustomization: Kustomization,
    reference: Reference,
    stack: readonly string[],
  ): Promise<BuildResult> {
    if (isRemote(reference.path)) {
      this.notice(
        kustomization,
        `kustomization entry ${reference.path} (line ${reference.line}) is remote and not ` +
          'fetched; objects it adds are not checked',
      );
      return EMPTY;
    }
    const absPath = resolve(kustomization.dir, reference.path);
    // Most entries are files the scan already holds; only the others are looked up on disk.
    const info = this.store.isKnownFile(absPath)
      ? { isDirectory: () => false }
      : await stat(absPath).catch(() => undefined);
    if (!info) return this.missing(kustomization, reference, 'does not exist');
    if (!info.isDirectory()) {
      const manifests = (await this.store.manifests(absPath)) ?? [];
      return { manifests, loaded: new Set(manifests.map(objectKey)) };
    }
    const nested = await this.folderKustomization(absPath);
    if (!nested)
      return this.missing(kustomization, reference, 'is a folder without a kustomization');
    if (stack.includes(nested)) return this.cycle(kustomization, reference, EMPTY);
    this.referenced.add(nested);
    return this.build(nested, stack);
  }

  private async component(
    kustomization: Kustomization,
    reference: Reference,
    input: BuildResult,
    stack: readonly string[],
  ): Promise<BuildResult> {
    const folder = resolve(kustomization.dir, reference.path);
    const absPath = await this.folderKustomization(folder);
    if (!absPath) {
      this.missing(kustomization, reference, 'is a folder without a kustomization');
      return input;
    }
    if (stack.includes(absPath)) return this.cycle(kustomization, reference, input);
    this.referenced.add(absPath);
    const component = await this.kustomization(absPath);
    return component ? this.run(component, input, [...stack, absPath]) : input;
  }

  private async patch(
    kustomization: Kustomization,
    patch: Patch,
    manifests: readonly Manifest[],
  ): Promise<Manifest[]> {
    const text = await this.patchText(kustomization, patch);
    if (!text) return [...manifests];
    const result = applyPatch(text, manifests);
    if (result.error) this.errors.push(result.error);
    return result.manifests;
  }

  private async patchText(
    kustomization: Kustomization,
    patch: Patch,
  ): Promise<PatchText | undefined> {
    const target = patch.target ? { target: patch.target } : {};
    if (patch.kind === 'inline') {
      return { text: patch.text, file: patch.file, lineOffset: patch.lineOffset, ...target };
    }
    const absPath = resolve(kustomization.dir, patch.path);
    this.patchFiles.add(absPath);
    const info = await stat(absPath).catch(() => undefined);
    if (!info?.isFile()) {
      this.missing(kustomization, { path: patch.path, line: patch.line }, 'does not exist');
      return undefined;
    }
    const text = await this.store.text(absPath);
    if (text === undefined) return undefined;
    return { text, file: this.store.fileOf(absPath), lineOffset: 0, ...target };
  }

  private kustomization(absPath: string): Promise<Kustomization | undefined> {
    let result = this.read.get(absPath);
    if (!result) {
      result = this.readOnce(absPath);
      this.read.set(absPath, result);
    }
    return result;
  }

  private async readOnce(absPath: string): Promise<Kustomization | undefined> {
    const text = await this.store.text(absPath);
    if (text === undefined) return undefined;
    const kustomization = readKustomization(text, this.store.fileOf(absPath), absPath);
    if ('message' in kustomization) {
      this.errors.push(kustomization);
      return undefined;
    }
    if (kustomization.ignored.length > 0) {
      this.notice(
        kustomization,
        `kustomization fields not applied: ${kustomization.ignored.join(', ')}; ` +
          'labels they set are not seen',
      );
    }
    return kustomization;
  }

  private async folderKustomization(folder: string): Promise<string | undefined> {
    for (const name of KUSTOMIZATION_FILE_NAMES) {
      const absPath = join(folder, name);
      if (this.store.isKnownFile(absPath)) return absPath;
      const info = await stat(absPath).catch(() => undefined);
      if (info?.isFile()) return absPath;
    }
    return undefined;
  }

  /**
   * An entry that names nothing kustomize could read. `kustomize build` would fail; the check
   * goes on with what it has and says, in a notice, which objects it could not see.
   */
  private missing(kustomization: Kustomization, reference: Reference, why: string): BuildResult {
    this.notice(
      kustomization,
      `kustomization entry ${reference.path} (line ${reference.line}) ${why}; ` +
        'objects it would add are not checked',
    );
    return EMPTY;
  }

  /** A kustomization that reaches itself: an input error, reported where the loop closes. */
  private cycle(kustomization: Kustomization, reference: Reference, input: BuildResult) {
    this.errors.push({
      file: kustomization.file,
      line: reference.line,
      message: `kustomization entry ${reference.path} leads back to this kustomization (a cycle)`,
    });
    return input;
  }

  private notice(kustomization: Kustomization, message: string): void {
    this.notices.push({ file: kustomization.file, message });
  }
}

/** A resource kustomize would fetch over the network: a URL or a `host/org/repo` reference. */
function isRemote(path: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(path) ||
    /^(git@|github\.com\/|gitlab\.com\/)/.test(path) ||
    path.includes('?ref=')
  );
}
