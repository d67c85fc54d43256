import { RE2JS } from 're2js';
import { LineCounter, parseAllDocuments, type YAMLMap } from 'yaml';
import type { InputError } from '../../../model.js';
import type { Mutable } from '../../types.js';
import type { LabelEntry, LabelHolder, LabelSet } from '../labels.js';
import { MANIFEST_PARSE_OPTIONS } from '../parse.js';
import type { Manifest } from '../manifest.js';
import {
  asMap,
  asSeq,
  getIn,
  getString,
  keyText,
  mapPairs,
  nodeLine,
  nonStringScalar,
  scalarValue,
  type YamlSource,
} from '../yaml-nodes.js';
import type { PatchTarget } from './patch-reader.js';

/**
 * Applies what a kustomize patch does to labels and annotations, and `$patch: delete`.
 *
 * - A strategic-merge patch merges `labels` / `annotations` maps at the object's metadata and
 *   at each pod template reached by plain keys (`spec.template.metadata`); a key set to null is
 *   removed. Templates inside lists (Ray worker groups) are not merged, so labels a patch adds
 *   there are not seen.
 * - A JSON 6902 patch applies `add`, `replace` and `remove` operations whose path ends in
 *   `.../labels[/key]` or `.../annotations[/key]`; other operations are ignored.
 * - Any other change a patch makes (for example `spec.type`) is not seen.
 */

/** A patch's text, where it came from, and which objects it selects when it says so. */
export interface PatchText {
  readonly text: string;
  readonly file: string;
  readonly lineOffset: number;
  readonly target?: PatchTarget;
}

/** The manifests after the patch, or the patch's own parse error. */
export function applyPatch(
  patch: PatchText,
  manifests: readonly Manifest[],
): { manifests: Manifest[]; error?: InputError } {
  const lineCounter = new LineCounter();
  let result = [...manifests];
  for (const doc of parseAllDocuments(patch.text, { ...MANIFEST_PARSE_OPTIONS, lineCounter })) {
    const source: YamlSource = { doc, lineCounter };
    const error = doc.errors[0];
    if (error) {
      const line = (error.linePos?.[0].line ?? 1) + patch.lineOffset;
      const message = `invalid YAML in kustomize patch: ${error.message.split('\n')[0] ?? ''}`;
      return { manifests: result, error: { file: patch.file, line, message } };
    }
    const map = asMap(source, doc.contents);
    const ops = asSeq(source, doc.contents);
    if (map) result = strategicMerge(source, map, patch, result);
    else if (ops && patch.target) result = jsonPatch(source, ops.items, patch, result);
  }
  return { manifests: result };
}

function strategicMerge(
  source: YamlSource,
  node: YAMLMap,
  patch: PatchText,
  manifests: Manifest[],
): Manifest[] {
  const metadata = getIn(source, node, 'metadata');
  const target = patch.target ?? ownTarget(source, node, metadata);
  if (getString(source, node, '$patch') === 'delete') {
    return manifests.filter((manifest) => !matches(target, manifest));
  }
  return manifests.map((manifest) => {
    if (!matches(target, manifest)) return manifest;
    return updateHolders(manifest, (holder) => {
      const patchHolder = nodeAtPath(source, node, holder.path);
      if (!patchHolder) return holder;
      return {
        ...holder,
        labels: mergeMap(holder.labels, source, getIn(source, patchHolder, 'labels'), patch),
        annotations: mergeMap(
          holder.annotations,
          source,
          getIn(source, patchHolder, 'annotations'),
          patch,
        ),
      };
    });
  });
}

function ownTarget(source: YamlSource, node: unknown, metadata: unknown): PatchTarget {
  const kind = getString(source, node, 'kind');
  const name = getString(source, metadata, 'name');
  const namespace = getString(source, metadata, 'namespace');
  return {
    ...(kind === undefined ? {} : { kind }),
    ...(name === undefined ? {} : { name: escapeName(name) }),
    ...(namespace === undefined ? {} : { namespace }),
  };
}

function mergeMap(base: LabelSet, source: YamlSource, node: unknown, patch: PatchText): LabelSet {
  const map = asMap(source, node);
  if (!map) return base;
  const merged = new Map(base);
  for (const pair of mapPairs(source, map)) {
    const key = keyText(pair.key);
    if (key === undefined) continue;
    const value = scalarValue(source, pair.value);
    if (value === null) merged.delete(key);
    else if (value !== undefined) {
      merged.set(key, patchEntry(value, source, pair.key, pair.value, patch));
    }
  }
  return merged;
}

/** A label a patch sets: `value`, read from `valueNode`, at the line of `at`. */
function patchEntry(
  value: string,
  source: YamlSource,
  at: unknown,
  valueNode: unknown,
  patch: PatchText,
): LabelEntry {
  const line = nodeLine(source, at, 1) + patch.lineOffset;
  const entry: Mutable<LabelEntry> = {
    value,
    origin: { file: patch.file, line, source: 'kustomize patch' },
  };
  const written = nonStringScalar(source, valueNode);
  if (written !== undefined) entry.written = written;
  return entry;
}

function jsonPatch(
  source: YamlSource,
  operations: readonly unknown[],
  patch: PatchText,
  manifests: Manifest[],
): Manifest[] {
  let result = manifests;
  for (const operation of operations) {
    const op = getString(source, operation, 'op');
    const pointer = parsePointer(getString(source, operation, 'path') ?? '');
    if (!pointer || (op !== 'add' && op !== 'replace' && op !== 'remove')) continue;
    const value = getIn(source, operation, 'value');
    const edit = (set: LabelSet): LabelSet => {
      const next = new Map(pointer.key === undefined ? [] : set);
      if (op === 'remove') {
        if (pointer.key !== undefined) next.delete(pointer.key);
        return next;
      }
      if (pointer.key !== undefined) {
        const text = scalarValue(source, value);
        if (text !== undefined)
          next.set(pointer.key, patchEntry(text ?? '', source, operation, value, patch));
        return next;
      }
      return mergeMap(next, source, value, patch);
    };
    result = result.map((manifest) => {
      if (!matches(patch.target ?? {}, manifest)) return manifest;
      return updateHolders(manifest, (holder) => {
        if (holder.path !== pointer.holderPath) return holder;
        return pointer.field === 'labels'
          ? { ...holder, labels: edit(holder.labels) }
          : { ...holder, annotations: edit(holder.annotations) };
      });
    });
  }
  return result;
}

interface LabelPointer {
  readonly holderPath: string;
  readonly field: 'labels' | 'annotations';
  readonly key?: string;
}

/** `/spec/template/metadata/labels/app` -> holder `spec.template.metadata`, key `app`. */
function parsePointer(pointer: string): LabelPointer | undefined {
  const tokens = pointer
    .split('/')
    .slice(1)
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
  const at = tokens.findIndex((token) => token === 'labels' || token === 'annotations');
  if (at < 1 || tokens.length > at + 2) return undefined;
  const field = tokens[at] === 'labels' ? 'labels' : 'annotations';
  const holderPath = tokens
    .slice(0, at)
    .reduce(
      (path, token) =>
        /^\d+$/.test(token) ? `${path}[${token}]` : path ? `${path}.${token}` : token,
      '',
    );
  const key = tokens[at + 1];
  return key === undefined ? { holderPath, field } : { holderPath, field, key };
}

/** The node at a dotted path of plain keys; `undefined` for a path through a list. */
function nodeAtPath(source: YamlSource, node: unknown, path: string): unknown {
  if (path.includes('[')) return undefined;
  let current: unknown = node;
  for (const key of path.split('.')) {
    current = getIn(source, current, key);
    if (current === undefined) return undefined;
  }
  return current;
}

/** The manifest with `update` applied to its metadata and every template holder. */
function updateHolders(manifest: Manifest, update: (holder: LabelHolder) => LabelHolder): Manifest {
  return {
    ...manifest,
    metadata: update(manifest.metadata),
    templates: manifest.templates.map(update),
    claimTemplates: manifest.claimTemplates.map((claim) => ({
      ...claim,
      metadata: update(claim.metadata),
    })),
  };
}

function matches(target: PatchTarget, manifest: Manifest): boolean {
  if (target.kind !== undefined && target.kind !== manifest.kind) return false;
  if (target.namespace !== undefined && target.namespace !== (manifest.namespace ?? 'default')) {
    return false;
  }
  if (target.name === undefined) return true;
  const names = [manifest.name, manifest.originalName ?? manifest.name];
  return names.some((name) => nameMatches(target.name ?? '', name));
}

function nameMatches(pattern: string, name: string): boolean {
  if (pattern === name) return true;
  try {
    return RE2JS.compile(pattern).matches(name);
  } catch {
    return false;
  }
}

/** A name from a patch's own metadata is matched literally, never as a pattern. */
function escapeName(name: string): string {
  return RE2JS.quote(name);
}
