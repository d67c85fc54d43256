import { TestRepo } from '../github/git-repo.js';
import type { FakeFile } from './fake-github.js';

export const POLICY = `version: 1
resources: taggable
tags:
  CostCenter: { required: true }
  Environment: { required: true, values: [prod, staging] }
`;

const PROVIDERS = `provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { CostCenter = "cc-100" }
  }
}
`;

const VARIABLES = `variable "env" {
  type    = string
  default = "prod"
}
`;

/** A bucket the base branch already has, missing its Environment tag. */
const LEGACY = `resource "aws_s3_bucket" "legacy" {
  bucket = "legacy-logs"
}
`;

/** An instance whose tag value tries to format, link, embed HTML and mention someone. */
const WEB = `resource "aws_instance" "web" {
  ami           = "ami-123"
  instance_type = "t3.micro"
  tags = {
    Environment = "**prod** [click](https://evil.example) <img src=x> @octocat #1"
  }
}
`;

/** Compliant only when variables.tf and providers.tf, unchanged, are read with it. */
const DATA = `resource "aws_s3_bucket" "data" {
  bucket = "data"
  tags   = { Environment = var.env }
}
`;

/** A manifest with violations that the pull request does not touch. */
const UNTOUCHED_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    metadata:
      labels: { app: api }
`;

/** A repository with a base and a head commit, and the pull-request event between them. */
export interface Scenario {
  readonly repo: TestRepo;
  readonly base: string;
  readonly head: string;
  readonly files: FakeFile[];
  readonly event: { readonly name: string; readonly payload: unknown };
}

/**
 * The main pull request: the base has a bucket without Environment; the head adds an instance
 * whose Environment value is not allowed (and is full of Markdown), adds a compliant bucket
 * whose tags come from the module's other files, and moves the old bucket down the file.
 */
export function mainScenario(): Scenario {
  const repo = new TestRepo();
  const base = repo.commit('base', {
    '.github/tag-policy.yaml': POLICY,
    'infra/app/providers.tf': PROVIDERS,
    'infra/app/variables.tf': VARIABLES,
    'infra/app/main.tf': LEGACY,
    'k8s/deploy.yaml': UNTOUCHED_DEPLOYMENT,
  });
  const head = repo.commit('add web server', {
    'infra/app/main.tf': `${WEB}\n${DATA}\n${LEGACY}`,
    'docs/notes.md': '# Notes\n',
  });
  return finish(repo, base, head);
}

/** The old bucket moves to another file of its module; nothing else changes. */
export function movedScenario(): Scenario {
  const repo = new TestRepo();
  const base = repo.commit('base', {
    '.github/tag-policy.yaml': POLICY,
    'infra/app/providers.tf': PROVIDERS,
    'infra/app/main.tf': LEGACY,
  });
  const head = repo.commit('move the bucket', {
    'infra/app/main.tf': '# storage moved to storage.tf\n',
    'infra/app/storage.tf': `# Log storage\n\n${LEGACY}`,
  });
  return finish(repo, base, head);
}

/**
 * A pull request of `count` files, more than GitHub lists: documentation pages, then one
 * Terraform file, last in git's (and the API's) order, with a bucket missing both tags.
 */
export function largeScenario(count: number): Scenario {
  const repo = new TestRepo();
  const base = repo.commit('base', { '.github/tag-policy.yaml': POLICY });
  const pages: Record<string, string> = {};
  for (let index = 1; index < count; index++) {
    pages[`docs/page-${String(index).padStart(4, '0')}.md`] = `page ${index}\n`;
  }
  const head = repo.commit('many pages', {
    ...pages,
    'zz/main.tf': 'resource "aws_s3_bucket" "late" {\n  bucket = "late"\n}\n',
  });
  return finish(repo, base, head);
}

/**
 * A pull request adding an instance whose Environment value differs from an allowed one only by
 * case (a certain fix), to a file that already had a compliant bucket; the files API gives the
 * patches, as GitHub does.
 */
export function fixableScenario(): Scenario {
  const repo = new TestRepo();
  const compliant =
    'resource "aws_s3_bucket" "ok" {\n  bucket = "ok"\n' +
    '  tags   = { Environment = "prod" }\n}\n';
  const base = repo.commit('base', {
    '.github/tag-policy.yaml': POLICY,
    'infra/app/providers.tf': PROVIDERS,
    'infra/app/main.tf': compliant,
  });
  const api =
    'resource "aws_instance" "api" {\n  ami = "ami-1"\n  tags = {\n' +
    '    Environment = "Prod"\n  }\n}\n';
  const head = repo.commit('add api server', { 'infra/app/main.tf': `${compliant}\n${api}` });
  const scenario = finish(repo, base, head);
  const files = scenario.files.map((file) => {
    const diff = repo.git('diff', base, head, '--', file.filename);
    return { ...file, patch: diff.slice(diff.indexOf('@@')).trimEnd() };
  });
  return { ...scenario, files };
}

function finish(repo: TestRepo, base: string, head: string): Scenario {
  const files = repo
    .git('diff', '--name-status', '--no-renames', base, head)
    .trim()
    .split('\n')
    .map((line) => {
      const [status, filename] = line.split('\t');
      return {
        filename: filename ?? '',
        status: status === 'A' ? 'added' : status === 'D' ? 'removed' : 'modified',
      };
    });
  const payload = {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      changed_files: files.length,
      base: { sha: base, ref: 'main' },
      head: { sha: head, ref: 'feature' },
    },
    repository: { full_name: 'octo/infra', name: 'infra', owner: { login: 'octo' } },
  };
  return { repo, base, head, files, event: { name: 'pull_request', payload } };
}
