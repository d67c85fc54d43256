import type { Extraction, Notice, Resource } from '../../model.js';
import type { ClaimedFile, ExtractContext, Extractor } from '../types.js';
import { blocksOf, literalString } from './hcl/ast.js';
import { FolderReader, type ModuleFolder } from './module/folder.js';
import { isLocalSource, ModuleWalker } from './module/walk.js';
import { resolve } from 'node:path';

/**
 * Terraform configuration (`.tf`, `.tf.json`): one resource per managed `resource` block (or
 * per instance), with effective tags resolved through variables, locals, provider default
 * tags and local modules. A folder that another scanned folder calls as a local module is
 * read through that call, not again as a root.
 */
export const terraformExtractor: Extractor = {
  name: 'terraform',
  claim(file) {
    return file.kind === 'hcl' || file.file.endsWith('.tf.json');
  },
  async extract(files, context) {
    return extractTerraform(files, context);
  },
};

async function extractTerraform(
  files: readonly ClaimedFile[],
  context: ExtractContext,
): Promise<Extraction> {
  const reader = new FolderReader(context, files);
  const resources: Resource[] = [];
  const notices: Notice[] = [];
  const walker = new ModuleWalker(reader, new Set(files.map((file) => file.absPath)), context.cwd, {
    resources,
    notices,
  });
  const scanned = new Map<string, ModuleFolder>();
  for (const dir of reader.scannedDirs) scanned.set(dir, await reader.read(dir));
  for (const folder of rootFolders(scanned)) await walker.walkRoot(folder);
  return {
    resources: withoutDuplicates(resources),
    errors: withoutDuplicates(reader.errors),
    notices: withoutDuplicates(notices),
  };
}

/**
 * Scanned folders that no other scanned folder calls as a local module. Folders that only
 * call each other (a cycle) have no such root; the first of them in path order is used.
 */
function rootFolders(scanned: ReadonlyMap<string, ModuleFolder>): ModuleFolder[] {
  const calledBy = new Map<string, Set<string>>();
  for (const folder of scanned.values()) {
    for (const target of localCallTargets(folder)) {
      if (target === folder.dir || !scanned.has(target)) continue;
      calledBy.set(target, (calledBy.get(target) ?? new Set()).add(folder.dir));
    }
  }
  const roots = [...scanned.values()].filter((folder) => !calledBy.has(folder.dir));
  const reached = new Set<string>();
  const visit = (dir: string): void => {
    if (reached.has(dir)) return;
    reached.add(dir);
    const folder = scanned.get(dir);
    if (folder) for (const target of localCallTargets(folder)) visit(target);
  };
  for (const root of roots) visit(root.dir);
  for (const folder of scanned.values()) {
    if (reached.has(folder.dir)) continue;
    roots.push(folder);
    visit(folder.dir);
  }
  return roots;
}

function localCallTargets(folder: ModuleFolder): string[] {
  const targets: string[] = [];
  for (const file of folder.files) {
    for (const call of blocksOf(file.body, 'module')) {
      const source = call.body.attributes.get('source');
      const text = source ? literalString(source.expr) : undefined;
      if (text !== undefined && isLocalSource(text)) targets.push(resolve(folder.dir, text));
    }
  }
  return targets;
}

/**
 * Drops exact repeats: a module folder that several scanned roots call under the same name
 * yields the same items for each. Only items that share an address and place are compared in
 * full; resources outside any module are walked once and kept as they are.
 */
function withoutDuplicates<T extends object>(items: readonly T[]): T[] {
  const byPlace = new Map<string, T[]>();
  return items.filter((item) => {
    if ('address' in item && !('module' in item)) return true;
    const place = placeOf(item);
    const seen = byPlace.get(place);
    if (!seen) {
      byPlace.set(place, [item]);
      return true;
    }
    const full = JSON.stringify(item);
    if (seen.some((other) => JSON.stringify(other) === full)) return false;
    seen.push(item);
    return true;
  });
}

/** Where an item is: a resource's address and block, an error's or notice's file and text. */
function placeOf(item: object): string {
  const fields = item as { address?: string; file: string; line?: number; message?: string };
  if (fields.address !== undefined) return `${fields.address} ${fields.file}:${fields.line}`;
  return `${fields.file}:${fields.line ?? ''} ${fields.message ?? ''}`;
}
