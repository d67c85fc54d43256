import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { RawPolicy } from './raw.js';
import type { PathSegment, PolicySource } from './source.js';

/** One policy file of an `extends` chain, parsed and schema-checked. */
export interface PolicyLayer {
  /** Absolute path (a base's real path). */
  readonly absolute: string;
  /** The path as messages show it. */
  readonly shown: string;
  readonly source: PolicySource;
  readonly raw: RawPolicy;
}

/** Reads, parses and validates one policy file; throws `PolicyError` like `loadPolicy`. */
export type LayerReader = (absolute: string) => Promise<PolicyLayer>;

/**
 * Follows `extends` from the policy at `absolute` and returns every file of the chain in merge
 * order: each base before the files that extend it, bases in the order listed, the policy
 * itself last. A base reached twice (two bases sharing one) is merged once, where first
 * reached. Bases are local paths relative to the file that names them and must resolve inside
 * `root`; a URL, a missing file, a path outside `root` and a cycle are `PolicyError`s at the
 * `extends` entry. Nothing is fetched over the network.
 */
export async function policyLayers(
  absolute: string,
  root: string,
  read: LayerReader,
): Promise<PolicyLayer[]> {
  const realRoot = await realpath(root);
  const ordered: PolicyLayer[] = [];
  const merged = new Set<string>();
  const realOf = new Map<PolicyLayer, string>();

  const visit = async (layer: PolicyLayer, chain: readonly PolicyLayer[]): Promise<void> => {
    const entries = extendsEntries(layer.raw);
    for (const [index, entry] of entries.entries()) {
      const at: PathSegment[] =
        typeof layer.raw.extends === 'string' ? ['extends'] : ['extends', index];
      const base = await resolveBase(layer, entry, at, realRoot);
      const cycle = [...chain, layer].findIndex((link) => realOf.get(link) === base);
      if (cycle >= 0) {
        const names = [...chain, layer].slice(cycle).map((link) => link.shown);
        throw layer.source.error(
          at,
          `extends closes a cycle: ${[...names, names[0]].join(' -> ')}; ` +
            'bases must form a tree, so remove one link',
        );
      }
      if (merged.has(base)) continue;
      const next = await read(base);
      realOf.set(next, base);
      await visit(next, [...chain, layer]);
    }
    merged.add(realOf.get(layer) ?? layer.absolute);
    ordered.push(layer);
  };

  // The policy named on the command line is read by the path given (a missing one is reported
  // by the reader); its real path only serves to detect cycles back to it.
  const top = await read(absolute);
  realOf.set(top, await realpath(absolute).catch(() => absolute));
  await visit(top, []);
  return ordered;
}

function extendsEntries(raw: RawPolicy): readonly string[] {
  if (raw.extends === undefined) return [];
  return typeof raw.extends === 'string' ? [raw.extends] : raw.extends;
}

async function resolveBase(
  layer: PolicyLayer,
  entry: string,
  at: readonly PathSegment[],
  root: string,
): Promise<string> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) {
    throw layer.source.error(
      at,
      `extends names ${entry}, which is a URL; bases are local files (no network is used), ` +
        'so vendor the base policy into the repository and name its path',
    );
  }
  const target = resolve(dirname(layer.absolute), entry);
  if (!inside(root, target) && !inside(root, await realpath(dirname(target)).catch(() => ''))) {
    throw outsideRoot(layer, entry, target, root, at);
  }
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    throw layer.source.error(
      at,
      `extends names ${entry}, which does not exist (looked for ${target}); ` +
        'give a path relative to this policy file',
    );
  }
  if (!inside(root, real)) throw outsideRoot(layer, entry, real, root, at);
  return real;
}

function inside(root: string, path: string): boolean {
  if (path === '') return false;
  const fromRoot = relative(root, path);
  return !fromRoot.startsWith('..') && !isAbsolute(fromRoot);
}

function outsideRoot(
  layer: PolicyLayer,
  entry: string,
  resolved: string,
  root: string,
  at: readonly PathSegment[],
): Error {
  return layer.source.error(
    at,
    `extends names ${entry}, which resolves to ${resolved}, outside the repository root ` +
      `${root}; bases must be inside the repository`,
  );
}

/**
 * The root that bases must stay inside: the Git work tree that holds `cwd` (the nearest
 * folder above it with a `.git`), else `cwd` itself.
 */
export function repositoryRoot(cwd: string): string {
  let folder = resolve(cwd);
  for (;;) {
    if (existsSync(join(folder, '.git'))) return folder;
    const parent = dirname(folder);
    if (parent === folder) return resolve(cwd);
    folder = parent;
  }
}
