import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** What a commit does to one file: new text, a symbolic link, or removal. */
export type FileChange = string | Uint8Array | { readonly link: string } | null;

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_AUTHOR_DATE: '2030-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2030-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** A throwaway git repository for tests; `commit` returns the new commit's sha. */
export class TestRepo {
  readonly root: string;

  constructor(prefix = 'openclaw-tags-repo-') {
    this.root = mkdtempSync(join(tmpdir(), prefix));
    this.git('init', '-q', '-b', 'main');
  }

  git(...args: string[]): string {
    return execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], {
      cwd: this.root,
      env: { ...process.env, ...GIT_ENV },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  }

  /** Writes, links or removes files, then commits all of it. */
  commit(message: string, files: Readonly<Record<string, FileChange>>): string {
    for (const [path, change] of Object.entries(files)) {
      const absolute = join(this.root, path);
      rmSync(absolute, { force: true });
      if (change === null) continue;
      mkdirSync(dirname(absolute), { recursive: true });
      if (typeof change === 'string' || change instanceof Uint8Array)
        writeFileSync(absolute, change);
      else symlinkSync(change.link, absolute);
    }
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
