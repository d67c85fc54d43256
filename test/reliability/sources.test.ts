import { unlinkSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { check } from '../../src/engine/check.js';
import type { Extractor } from '../../src/extract/types.js';
import { terraformExtractor } from '../../src/extract/terraform/index.js';
import { discoverFiles } from '../../src/sources/discover.js';
import { fuzzPolicy } from '../fuzz/harness.js';

const BUCKET = 'resource "aws_s3_bucket" "b" {}\n';

let base: string;
let root: string;
let outside: string;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'openclaw-sources-'));
  root = join(base, 'repo');
  outside = join(base, 'outside');
  await mkdir(join(root, 'infra'), { recursive: true });
  await mkdir(outside, { recursive: true });
  await writeFile(join(outside, 'secret.tf'), BUCKET);
  await writeFile(join(root, 'infra', 'main.tf'), BUCKET);
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

async function scannedFiles(): Promise<string[]> {
  return (await discoverFiles(['.'], root)).map((file) => file.file);
}

describe('symbolic links', () => {
  test('a link to a file outside the scanned root is not followed', async () => {
    await symlink(join(outside, 'secret.tf'), join(root, 'infra', 'linked.tf'));
    expect(await scannedFiles()).toEqual(['infra/main.tf']);
  });

  test('a link to a folder outside the scanned root is not followed', async () => {
    await symlink(outside, join(root, 'infra', 'elsewhere'));
    expect(await scannedFiles()).toEqual(['infra/main.tf']);
  });

  test('a relative link that climbs out of the root is not followed', async () => {
    await symlink('../../outside/secret.tf', join(root, 'infra', 'climb.tf'));
    expect(await scannedFiles()).toEqual(['infra/main.tf']);
  });

  test('a link to a file inside the root is read under the link name', async () => {
    await symlink(join(root, 'infra', 'main.tf'), join(root, 'alias.tf'));
    expect(await scannedFiles()).toEqual(['alias.tf', 'infra/main.tf']);
  });

  test('a link loop and a dangling link end the walk without an error', async () => {
    await symlink(join(root, 'loop-b'), join(root, 'loop-a'));
    await symlink(join(root, 'loop-a'), join(root, 'loop-b'));
    await symlink(join(root, 'missing.tf'), join(root, 'dangling.tf'));
    await symlink(root, join(root, 'infra', 'self'));
    expect(await scannedFiles()).toEqual(['infra/main.tf']);
  });
});

describe('files that vanish while the scan runs', () => {
  test('a file deleted after discovery is a parse-error; the rest is checked', async () => {
    await writeFile(join(root, 'infra', 'other.tf'), 'resource "aws_sqs_queue" "q" {}\n');
    // Deletes the next file in scan order while the first one is being claimed.
    const deleting: Extractor = {
      name: 'deleting',
      claim(file) {
        if (file.file === 'infra/main.tf') unlinkSync(join(root, 'infra', 'other.tf'));
        return false;
      },
      extract: () => Promise.resolve({ resources: [], errors: [], notices: [] }),
    };
    const report = await check({
      paths: ['.'],
      cwd: root,
      policy: fuzzPolicy,
      failOn: 'error',
      extractors: [deleting, terraformExtractor],
    });
    expect(report.errors).toEqual([
      {
        file: 'infra/other.tf',
        line: 1,
        message: 'cannot read file: no such file (or it vanished while the scan ran)',
      },
    ]);
    expect(report.findings.filter((finding) => finding.rule === 'parse-error')).toHaveLength(1);
    expect(report.resources.map((resource) => resource.address)).toEqual(['aws_s3_bucket.b']);
  });

  test('a folder that vanishes during the walk is skipped without a crash', async () => {
    await mkdir(join(root, 'gone'));
    await writeFile(join(root, 'gone', 'x.tf'), BUCKET);
    const walking = discoverFiles(['.'], root);
    await rm(join(root, 'gone'), { recursive: true, force: true });
    const files = (await walking).map((file) => file.file);
    expect(files).toContain('infra/main.tf');
  });
});

describe('folders that cannot be listed', () => {
  const NAME = 'd'.repeat(200);

  /**
   * Nests folders with 200-character names until their path is longer than the system allows:
   * listing the deepest one fails whatever the user's rights (root included). Each level is
   * reached through a link kept outside the root, so that no call needs the long path itself.
   * Returns the deepest folder's path relative to the root, and the links, top first.
   */
  async function tooDeepFolder(): Promise<{ deepest: string; links: string[] }> {
    let parent = join(root, 'deep');
    await mkdir(parent);
    const parts = ['deep'];
    const links: string[] = [];
    while (parts.join('/').length < 4200) {
      await mkdir(join(parent, NAME));
      parts.push(NAME);
      const link = join(outside, `level-${links.length}`);
      await symlink(join(parent, NAME), link);
      links.push(link);
      parent = link;
    }
    await writeFile(join(parent, 'lost.tf'), BUCKET);
    return { deepest: parts.join('/'), links };
  }

  /** Removes the nest deepest level first, each through the link of the level above it. */
  async function removeNest(links: readonly string[]): Promise<void> {
    for (let level = links.length - 1; level > 0; level--) {
      await rm(join(links[level - 1] ?? '', NAME), { recursive: true });
    }
    await rm(join(root, 'deep'), { recursive: true });
  }

  test('is a parse-error naming the folder; the other files are still checked', async () => {
    const { deepest, links } = await tooDeepFolder();
    try {
      const report = await check({ paths: ['.'], cwd: root, policy: fuzzPolicy, failOn: 'error' });
      expect(report.errors).toEqual([
        {
          file: deepest,
          line: 1,
          message:
            'cannot list folder: the path is longer than the system allows; ' +
            'the files in it are not checked',
        },
      ]);
      const parseErrors = report.findings.filter((finding) => finding.rule === 'parse-error');
      expect(parseErrors.map((finding) => finding.file)).toEqual([deepest]);
      expect(report.resources.map((resource) => resource.address)).toEqual(['aws_s3_bucket.b']);
    } finally {
      await removeNest(links);
    }
  });
});

describe('references that leave the repository', () => {
  const NOT_READ = /^not read: the file lies outside the repository being checked/;

  async function checkAt(cwd: string, paths: string[]) {
    return check({ paths, cwd, policy: fuzzPolicy, failOn: 'error' });
  }

  test('a Terraform module source outside the repository is a parse-error, not read', async () => {
    await mkdir(join(outside, 'mod'));
    await writeFile(join(outside, 'mod', 'main.tf'), 'resource "aws_s3_bucket" "leak" {}\n');
    await writeFile(
      join(root, 'infra', 'main.tf'),
      'module "m" {\n  source = "../../outside/mod"\n}\n',
    );
    const report = await checkAt(root, ['.']);
    expect(report.resources.map((resource) => resource.address)).toEqual([]);
    expect(report.errors).toEqual([
      { file: '../outside/mod/main.tf', line: 1, message: expect.stringMatching(NOT_READ) },
    ]);
  });

  test('a kustomize resource outside the repository is a parse-error, not read', async () => {
    await writeFile(
      join(outside, 'pvc.yaml'),
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: leak\n',
    );
    await writeFile(join(root, 'kustomization.yaml'), 'resources:\n  - ../outside/pvc.yaml\n');
    const report = await checkAt(root, ['kustomization.yaml']);
    expect(report.resources).toEqual([]);
    expect(report.errors).toEqual([
      { file: '../outside/pvc.yaml', line: 1, message: expect.stringMatching(NOT_READ) },
    ]);
  });

  test('a module outside the working directory but inside the Git work tree is read', async () => {
    await mkdir(join(root, '.git'));
    await mkdir(join(root, 'modules', 'app'), { recursive: true });
    await writeFile(
      join(root, 'modules', 'app', 'main.tf'),
      'resource "aws_s3_bucket" "shared" {}\n',
    );
    await writeFile(
      join(root, 'infra', 'main.tf'),
      'module "app" {\n  source = "../modules/app"\n}\n',
    );
    const report = await checkAt(join(root, 'infra'), ['.']);
    expect(report.errors).toEqual([]);
    expect(report.resources.map((resource) => resource.address)).toEqual([
      'module.app.aws_s3_bucket.shared',
    ]);
  });
});
