import { isScalar } from 'yaml';
import { asMap, asSeq, getIn, getString, nodeLine, type YamlSource } from '../yaml-nodes.js';

/** Which objects a patch applies to; absent fields match anything. */
export interface PatchTarget {
  readonly kind?: string;
  /** A name or, as kustomize allows, a regular expression matched against the whole name. */
  readonly name?: string;
  readonly namespace?: string;
}

/**
 * One patch of a kustomization, not yet read: inline text (with the line in the
 * kustomization where it starts) or a file to read relative to the kustomization.
 */
export type Patch =
  | {
      readonly kind: 'inline';
      readonly text: string;
      /** Added to a line of `text` to get the line in the kustomization file. */
      readonly lineOffset: number;
      readonly file: string;
      readonly target?: PatchTarget;
    }
  | {
      readonly kind: 'file';
      readonly path: string;
      readonly line: number;
      readonly target?: PatchTarget;
    };

/**
 * Reads `patches:`, `patchesStrategicMerge:` and `patchesJson6902:`. A patch whose target
 * selects by label or annotation is not applied (it is named in `ignored`): this reader
 * matches objects by kind, name and namespace only.
 */
export function readPatches(
  source: YamlSource,
  node: unknown,
  file: string,
): { patches: Patch[]; ignored: string[] } {
  const patches: Patch[] = [];
  const ignored = new Set<string>();
  for (const key of ['patches', 'patchesJson6902']) {
    for (const item of asSeq(source, getIn(source, node, key))?.items ?? []) {
      const entry = asMap(source, item);
      if (!entry) continue;
      const target = getIn(source, entry, 'target');
      if (selectsBySelector(source, target)) {
        ignored.add(`${key} with a label or annotation selector`);
        continue;
      }
      const patch = patchOf(source, entry, file, readTarget(source, target));
      if (patch) patches.push(patch);
    }
  }
  for (const item of asSeq(source, getIn(source, node, 'patchesStrategicMerge'))?.items ?? []) {
    const patch = strategicMergeEntry(source, item, file);
    if (patch) patches.push(patch);
  }
  return { patches, ignored: [...ignored] };
}

function patchOf(
  source: YamlSource,
  entry: unknown,
  file: string,
  target: PatchTarget | undefined,
): Patch | undefined {
  const withTarget = target ? { target } : {};
  const path = getString(source, entry, 'path');
  if (path !== undefined) {
    return {
      kind: 'file',
      path,
      line: nodeLine(source, getIn(source, entry, 'path'), 1),
      ...withTarget,
    };
  }
  const inline = getIn(source, entry, 'patch');
  if (!isScalar(inline) || typeof inline.value !== 'string') return undefined;
  return {
    kind: 'inline',
    text: inline.value,
    lineOffset: nodeLine(source, inline, 1) + blockOffset(inline.type),
    file,
    ...withTarget,
  };
}

/** An entry of `patchesStrategicMerge`: a file path, or (less often) an inline patch. */
function strategicMergeEntry(source: YamlSource, item: unknown, file: string): Patch | undefined {
  if (!isScalar(item) || typeof item.value !== 'string') return undefined;
  const line = nodeLine(source, item, 1);
  if (!item.value.includes('\n')) return { kind: 'file', path: item.value, line };
  return { kind: 'inline', text: item.value, lineOffset: line + blockOffset(item.type), file };
}

/** A block scalar's text starts on the line after its `|` indicator; a quoted one on it. */
function blockOffset(type: string | undefined): number {
  return type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED' ? 0 : -1;
}

function selectsBySelector(source: YamlSource, target: unknown): boolean {
  return (
    getString(source, target, 'labelSelector') !== undefined ||
    getString(source, target, 'annotationSelector') !== undefined
  );
}

function readTarget(source: YamlSource, target: unknown): PatchTarget | undefined {
  if (!asMap(source, target)) return undefined;
  const kind = getString(source, target, 'kind');
  const name = getString(source, target, 'name');
  const namespace = getString(source, target, 'namespace');
  return {
    ...(kind === undefined ? {} : { kind }),
    ...(name === undefined ? {} : { name }),
    ...(namespace === undefined ? {} : { namespace }),
  };
}
