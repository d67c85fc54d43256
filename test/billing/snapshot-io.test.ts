import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  ingestFiles,
  readSnapshot,
  SnapshotError,
  writeSnapshotAtomically,
} from '../../src/billing/index.js';
import { fixture, NOW, testPolicy } from './helpers.js';

let directory = '';

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'billing-snapshot-'));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('snapshot files', () => {
  test('round-trips through an atomic write and leaves no temporary file', async () => {
    const snapshot = await ingestFiles([fixture('focus-basic.csv')], {
      format: 'auto',
      policy: testPolicy,
      now: NOW,
    });
    const path = join(directory, 'nested', 'snapshot.json');
    await writeSnapshotAtomically(path, snapshot);
    await writeSnapshotAtomically(path, snapshot);
    expect(await readSnapshot(path)).toEqual(snapshot);
    expect(await readdir(join(directory, 'nested'))).toEqual(['snapshot.json']);
    expect(snapshot.generatedAt).toBe('2026-12-01T06:00:00.000Z');
  });

  test('writes the same bytes for the same input', async () => {
    const options = { format: 'auto' as const, policy: testPolicy, now: NOW };
    const first = await ingestFiles([fixture('focus-basic.csv'), fixture('cur2.csv')], options);
    const second = await ingestFiles([fixture('focus-basic.csv'), fixture('cur2.csv')], options);
    await writeSnapshotAtomically(join(directory, 'a.json'), first);
    await writeSnapshotAtomically(join(directory, 'b.json'), second);
    expect(await readFile(join(directory, 'a.json'), 'utf8')).toBe(
      await readFile(join(directory, 'b.json'), 'utf8'),
    );
  });

  test('throws SnapshotError when the target directory cannot be made', async () => {
    const blocker = join(directory, 'file');
    await writeFile(blocker, 'x');
    await expect(writeSnapshotAtomically(join(blocker, 'snap.json'), {} as never)).rejects.toThrow(
      SnapshotError,
    );
  });

  test.each([
    ['a missing file', null, /cannot read snapshot: no such file/],
    ['text that is not JSON', 'nope', /is not JSON/],
    [
      'another version',
      '{"version":2,"generatedAt":"2026-11-01T00:00:00Z"}',
      /has version 2; this openclaw-tags reads snapshot version 1/,
    ],
    ['no version', '{"generatedAt":"2026-11-01T00:00:00Z"}', /has no version/],
    [
      'a missing list',
      '{"version":1,"generatedAt":"2026-11-01T00:00:00Z"}',
      /`currencies` is not a list/,
    ],
  ])('refuses %s with a clear SnapshotError', async (_name, text, message) => {
    const path = join(directory, 'snapshot.json');
    if (text !== null) await writeFile(path, text);
    const error = await readSnapshot(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SnapshotError);
    expect((error as Error).message).toMatch(message);
  });
});
