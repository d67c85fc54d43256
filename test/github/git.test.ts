import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gitChangedFiles, GitError, hasCommit, materializeTree } from '../../src/github/git.js';
import { TestRepo } from './git-repo.js';

let repo: TestRepo;
let base: string;
let head: string;

beforeAll(() => {
  repo = new TestRepo();
  base = repo.commit('base', {
    'infra/main.tf': 'resource "aws_s3_bucket" "a" {}\n',
    'infra/old.tf': 'locals {}\n',
    'infra/link.tf': { link: '/etc/hostname' },
    'k8s/deploy.yaml': 'kind: Deployment\n',
    'docs/[weird] *name.md': 'x',
    'bin.dat': Buffer.from([0, 1, 2, 255]),
  });
  head = repo.commit('head', {
    'infra/main.tf': 'resource "aws_s3_bucket" "a" { tags = {} }\n',
    'infra/old.tf': null,
    'infra/new.tf': 'locals {}\n',
  });
});

afterAll(() => repo.remove());

describe('git helpers', () => {
  test('hasCommit tells a present commit from an absent one', async () => {
    expect(await hasCommit(repo.root, base)).toBe(true);
    expect(await hasCommit(repo.root, 'f'.repeat(40))).toBe(false);
  });

  test('gitChangedFiles lists additions, changes and removals of base...head', async () => {
    expect((await gitChangedFiles(repo.root, base, head)).sort()).toEqual([
      'infra/main.tf',
      'infra/new.tf',
      'infra/old.tf',
    ]);
  });

  test('gitChangedFiles names the command when git refuses', async () => {
    await expect(gitChangedFiles(repo.root, 'no-such-ref', head)).rejects.toThrow(GitError);
  });

  test('materializeTree writes the base files from git objects, without links', async () => {
    const destination = mkdtempSync(join(tmpdir(), 'openclaw-tags-tree-'));
    try {
      const written = await materializeTree(repo.root, base, [], destination, () => true);
      expect(written.sort()).toEqual([
        'bin.dat',
        'docs/[weird] *name.md',
        'infra/main.tf',
        'infra/old.tf',
        'k8s/deploy.yaml',
      ]);
      expect(readFileSync(join(destination, 'infra/main.tf'), 'utf8')).toBe(
        'resource "aws_s3_bucket" "a" {}\n',
      );
      expect(readFileSync(join(destination, 'bin.dat'))).toEqual(Buffer.from([0, 1, 2, 255]));
      expect(existsSync(join(destination, 'infra/link.tf'))).toBe(false);
      expect(lstatSync(join(destination, 'infra')).isDirectory()).toBe(true);
    } finally {
      rmSync(destination, { recursive: true, force: true });
    }
  });

  test('materializeTree takes pathspecs literally and applies the filter', async () => {
    const destination = mkdtempSync(join(tmpdir(), 'openclaw-tags-tree-'));
    try {
      const written = await materializeTree(
        repo.root,
        base,
        ['infra', 'docs/[weird] *name.md'],
        destination,
        (path) => path !== 'infra/old.tf',
      );
      expect(written.sort()).toEqual(['docs/[weird] *name.md', 'infra/main.tf']);
      expect(readdirSync(destination).sort()).toEqual(['docs', 'infra']);
    } finally {
      rmSync(destination, { recursive: true, force: true });
    }
  });
});
