import { describe, expect, test } from 'vitest';
import { changedScope, relativeToWorkingDirectory } from '../../src/action/scope.js';
import { fileKind, type DiscoveredFile } from '../../src/sources/discover.js';

function discovered(files: readonly string[]): DiscoveredFile[] {
  return files.map((file) => ({ absPath: `/w/${file}`, file, kind: fileKind(file) ?? 'yaml' }));
}

const TREE = [
  'infra/app/main.tf',
  'infra/app/providers.tf',
  'infra/app/variables.tf',
  'infra/app/modules/db/main.tf',
  'infra/net/main.tf',
  'k8s/deploy.yaml',
  'k8s/service.yaml',
  'stack.template.json',
];

describe('changedScope', () => {
  test.each([
    {
      name: 'a changed Terraform file brings its folder, not subfolders or siblings',
      changed: ['infra/app/main.tf'],
      paths: ['infra/app/main.tf', 'infra/app/providers.tf', 'infra/app/variables.tf'],
      only: ['infra/app/main.tf'],
    },
    {
      name: 'a changed manifest is checked alone',
      changed: ['k8s/deploy.yaml'],
      paths: ['k8s/deploy.yaml'],
      only: ['k8s/deploy.yaml'],
    },
    {
      name: 'files a full scan would not read (docs, deleted files) are dropped',
      changed: ['README.md', 'infra/gone.tf', 'stack.template.json'],
      paths: ['stack.template.json'],
      only: ['stack.template.json'],
    },
    {
      name: 'two changed files of one module folder keep the folder once',
      changed: ['infra/app/variables.tf', 'infra/app/main.tf', 'infra/net/main.tf'],
      paths: [
        'infra/app/main.tf',
        'infra/app/providers.tf',
        'infra/app/variables.tf',
        'infra/net/main.tf',
      ],
      only: ['infra/app/main.tf', 'infra/app/variables.tf', 'infra/net/main.tf'],
    },
    { name: 'nothing readable changed', changed: ['docs/a.md'], paths: [], only: [] },
  ])('$name', ({ changed, paths, only }) => {
    const scope = changedScope(discovered(TREE), changed);
    expect(scope.paths).toEqual(paths);
    expect([...scope.onlyFiles].sort()).toEqual(only);
  });
});

describe('changedScope with folders that could not be listed', () => {
  const unlisted = (file: string) => ({ file, line: 1, message: 'cannot list folder: EACCES' });

  test.each([
    {
      name: 'a folder holding a changed file is checked, so that the check reports it',
      changed: ['locked/app.yaml', 'k8s/deploy.yaml'],
      folders: ['locked', 'other'],
      paths: ['k8s/deploy.yaml', 'locked'],
    },
    {
      name: 'a folder whose name only starts like a changed path is not',
      changed: ['lockedown/app.yaml'],
      folders: ['locked'],
      paths: [],
    },
    {
      name: 'an unlisted working directory holds every change',
      changed: ['a.yaml'],
      folders: ['.'],
      paths: ['.'],
    },
  ])('$name', ({ changed, folders, paths }) => {
    const scope = changedScope(discovered(TREE), changed, folders.map(unlisted));
    expect(scope.paths).toEqual(paths);
  });
});

describe('relativeToWorkingDirectory', () => {
  test.each([
    ['the root keeps every path', '', ['a.tf', 'infra/b.tf'], ['a.tf', 'infra/b.tf']],
    [
      'a subfolder strips its prefix and drops the rest',
      'infra',
      ['a.tf', 'infra/b.tf', 'infrastructure/c.tf'],
      ['b.tf'],
    ],
  ])('%s', (_name, prefix, paths, expected) => {
    expect(relativeToWorkingDirectory(paths, prefix)).toEqual(expected);
  });
});
