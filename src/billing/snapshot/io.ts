import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { describeIoError, SnapshotError } from '../errors.js';
import { SNAPSHOT_VERSION, type Snapshot } from './types.js';

/** The snapshot as the file holds it: pretty JSON with a final newline. */
export function serializeSnapshot(snapshot: Snapshot): string {
  return `${JSON.stringify(snapshot, null, 1)}\n`;
}

/**
 * Writes the snapshot to a temporary file beside `path` and renames it into place, so an
 * interrupted run leaves either the old snapshot or the new one, never half of one.
 */
export async function writeSnapshotAtomically(path: string, snapshot: Snapshot): Promise<void> {
  const directory = dirname(path);
  const temporary = join(directory, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(directory, { recursive: true });
    await writeFile(temporary, serializeSnapshot(snapshot), { flag: 'wx' });
    await rename(temporary, path);
  } catch (cause) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new SnapshotError(path, `cannot write snapshot: ${describeIoError(cause)}`, { cause });
  }
}

/** Reads a snapshot and checks its version and shape; a `SnapshotError` says what is wrong. */
export async function readSnapshot(path: string): Promise<Snapshot> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new SnapshotError(path, `cannot read snapshot: ${describeIoError(cause)}`, { cause });
  }
  return parseSnapshot(text, path);
}

const REQUIRED_LISTS = [
  'currencies',
  'policyKeys',
  'requiredKeys',
  'sources',
  'totals',
  'daily',
  'groups',
  'byTag',
  'tagKeys',
  'untagged',
  'coverage',
  'byService',
  'unitCosts',
  'topResources',
  'warnings',
] as const;

/** Parses snapshot text (`file` names it in errors). */
export function parseSnapshot(text: string, file: string): Snapshot {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new SnapshotError(file, 'is not JSON: was it written by `openclaw-tags ingest`?', {
      cause,
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SnapshotError(file, 'is not a snapshot object');
  }
  const record = value as Record<string, unknown>;
  if (record.version !== SNAPSHOT_VERSION) {
    const found =
      record.version === undefined ? 'no version' : `version ${JSON.stringify(record.version)}`;
    throw new SnapshotError(
      file,
      `has ${found}; this openclaw-tags reads snapshot version ${SNAPSHOT_VERSION}: ` +
        'run `openclaw-tags ingest` again to rewrite it',
    );
  }
  if (typeof record.generatedAt !== 'string' || Number.isNaN(Date.parse(record.generatedAt))) {
    throw new SnapshotError(file, '`generatedAt` is not an ISO date');
  }
  for (const field of REQUIRED_LISTS) {
    if (!Array.isArray(record[field])) throw new SnapshotError(file, `\`${field}\` is not a list`);
  }
  for (const field of ['badRows', 'tagProblems', 'drift'] as const) {
    if (typeof record[field] !== 'object' || record[field] === null) {
      throw new SnapshotError(file, `\`${field}\` is missing`);
    }
  }
  return value as Snapshot;
}
