import { createHash } from 'node:crypto';

/** A reply of the fake API: status and JSON body. */
export interface GitReply {
  readonly status: number;
  readonly body?: unknown;
}

interface TreeEntry {
  readonly path: string;
  readonly mode: string;
  readonly type: 'blob' | 'tree';
  readonly sha: string;
}

type GitObject =
  | { readonly type: 'blob'; readonly content: Buffer }
  | { readonly type: 'tree'; readonly entries: readonly TreeEntry[] }
  | {
      readonly type: 'commit';
      readonly tree: string;
      readonly parents: readonly string[];
      readonly message: string;
    };

/**
 * The Git Data API of one repository, in memory: refs, commits, trees (with `base_tree` and
 * nested paths) and blobs. Object ids are content hashes, so the same tree gets the same id, as
 * on GitHub. A ref update that is not a fast-forward is refused with 422, as GitHub does.
 */
export class FakeGitData {
  readonly refs = new Map<string, string>();
  private readonly objects = new Map<string, GitObject>();
  /** Runs once just before the next ref update is applied: another job pushing meanwhile. */
  beforeNextRefUpdate: (() => void) | undefined;

  /** Answers a request under `/repos/:owner/:repo/git/`, or undefined for another route. */
  route(method: string, rest: string, body: unknown): GitReply | undefined {
    const input = (body ?? {}) as Record<string, unknown>;
    const ref = /^(?:ref|refs)\/(heads\/.+)$/.exec(rest);
    if (ref && method === 'GET') return this.getRef(ref[1] ?? '');
    if (ref && method === 'PATCH') return this.updateRef(ref[1] ?? '', input);
    if (rest === 'refs' && method === 'POST') return this.createRef(input);
    if (method === 'POST' && rest === 'blobs') return this.createBlob(input);
    if (method === 'POST' && rest === 'trees') return this.createTree(input);
    if (method === 'POST' && rest === 'commits') return this.createCommit(input);
    const read = /^(blobs|trees|commits)\/([0-9a-f]+)$/.exec(rest);
    if (read && method === 'GET') return this.read(read[1] ?? '', read[2] ?? '');
    return undefined;
  }

  /** The text of `path` at the head of `branch`, or undefined. */
  fileAt(branch: string, path: string): string | undefined {
    const head = this.refs.get(`heads/${branch}`);
    if (head === undefined) return undefined;
    let sha = this.commit(head).tree;
    for (const segment of path.split('/')) {
      const entry = this.tree(sha).find((candidate) => candidate.path === segment);
      if (!entry) return undefined;
      sha = entry.sha;
    }
    const blob = this.objects.get(sha);
    return blob?.type === 'blob' ? blob.content.toString('utf8') : undefined;
  }

  /** Commits `files` on top of `branch` (creating it), as a push from elsewhere would. */
  push(branch: string, files: Readonly<Record<string, string>>, message = 'elsewhere'): string {
    const head = this.refs.get(`heads/${branch}`);
    let tree =
      head === undefined ? this.store({ type: 'tree', entries: [] }) : this.commit(head).tree;
    for (const [path, text] of Object.entries(files)) {
      const blob = this.store({ type: 'blob', content: Buffer.from(text) });
      tree = this.withPath(tree, path.split('/'), blob);
    }
    const commit = this.store({
      type: 'commit',
      tree,
      parents: head === undefined ? [] : [head],
      message,
    });
    this.refs.set(`heads/${branch}`, commit);
    return commit;
  }

  /** The messages of `branch`'s commits, newest first. */
  history(branch: string): string[] {
    const messages: string[] = [];
    let sha = this.refs.get(`heads/${branch}`);
    while (sha !== undefined) {
      const commit = this.commit(sha);
      messages.push(commit.message);
      sha = commit.parents[0];
    }
    return messages;
  }

  private getRef(ref: string): GitReply {
    const sha = this.refs.get(ref);
    if (sha === undefined) return notFound();
    return { status: 200, body: refBody(ref, sha) };
  }

  private createRef(input: Record<string, unknown>): GitReply {
    const ref = String(input.ref ?? '').replace(/^refs\//, '');
    const sha = String(input.sha ?? '');
    if (this.refs.has(ref)) return unprocessable('Reference already exists');
    if (this.objects.get(sha)?.type !== 'commit') return unprocessable('Object does not exist');
    this.refs.set(ref, sha);
    return { status: 201, body: refBody(ref, sha) };
  }

  private updateRef(ref: string, input: Record<string, unknown>): GitReply {
    const hook = this.beforeNextRefUpdate;
    this.beforeNextRefUpdate = undefined;
    hook?.();
    const current = this.refs.get(ref);
    const sha = String(input.sha ?? '');
    if (current === undefined) return unprocessable('Reference does not exist');
    if (this.objects.get(sha)?.type !== 'commit') return unprocessable('Object does not exist');
    if (input.force !== true && !this.descendsFrom(sha, current)) {
      return unprocessable('Update is not a fast forward');
    }
    this.refs.set(ref, sha);
    return { status: 200, body: refBody(ref, sha) };
  }

  private createBlob(input: Record<string, unknown>): GitReply {
    const encoding = input.encoding === 'base64' ? 'base64' : 'utf8';
    const content = Buffer.from(String(input.content ?? ''), encoding);
    return { status: 201, body: { sha: this.store({ type: 'blob', content }) } };
  }

  private createTree(input: Record<string, unknown>): GitReply {
    let tree =
      typeof input.base_tree === 'string'
        ? input.base_tree
        : this.store({ type: 'tree', entries: [] });
    if (this.objects.get(tree)?.type !== 'tree') return unprocessable('base_tree is not a tree');
    for (const entry of (input.tree ?? []) as { path: string; sha: string }[]) {
      if (this.objects.get(entry.sha)?.type !== 'blob') return unprocessable('sha is not a blob');
      tree = this.withPath(tree, entry.path.split('/'), entry.sha);
    }
    return { status: 201, body: { sha: tree } };
  }

  private createCommit(input: Record<string, unknown>): GitReply {
    const tree = String(input.tree ?? '');
    const parents = (input.parents ?? []) as string[];
    if (this.objects.get(tree)?.type !== 'tree') return unprocessable('tree does not exist');
    if (parents.some((parent) => this.objects.get(parent)?.type !== 'commit')) {
      return unprocessable('parent does not exist');
    }
    const message = String(input.message ?? '');
    const sha = this.store({ type: 'commit', tree, parents, message });
    return { status: 201, body: { sha, tree: { sha: tree }, message } };
  }

  private read(kind: string, sha: string): GitReply {
    const object = this.objects.get(sha);
    if (object === undefined || `${object.type}s` !== kind) return notFound();
    if (object.type === 'blob') {
      const content = object.content.toString('base64');
      return {
        status: 200,
        body: { sha, size: object.content.length, content, encoding: 'base64' },
      };
    }
    if (object.type === 'tree') {
      return { status: 200, body: { sha, tree: object.entries, truncated: false } };
    }
    const parents = object.parents.map((parent) => ({ sha: parent }));
    return {
      status: 200,
      body: { sha, tree: { sha: object.tree }, parents, message: object.message },
    };
  }

  /** The tree `tree` with `segments` pointing at `blob`, as a new tree id. */
  private withPath(tree: string, segments: readonly string[], blob: string): string {
    const [name, ...rest] = segments;
    if (name === undefined) return blob;
    const entries = this.tree(tree).filter((entry) => entry.path !== name);
    const existing = this.tree(tree).find((entry) => entry.path === name && entry.type === 'tree');
    const child =
      rest.length === 0
        ? blob
        : this.withPath(existing?.sha ?? this.store({ type: 'tree', entries: [] }), rest, blob);
    const entry: TreeEntry =
      rest.length === 0
        ? { path: name, mode: '100644', type: 'blob', sha: child }
        : { path: name, mode: '040000', type: 'tree', sha: child };
    const sorted = [...entries, entry].sort((a, b) => (a.path < b.path ? -1 : 1));
    return this.store({ type: 'tree', entries: sorted });
  }

  private descendsFrom(sha: string, ancestor: string): boolean {
    const pending = [sha];
    while (pending.length > 0) {
      const next = pending.pop() ?? '';
      if (next === ancestor) return true;
      const object = this.objects.get(next);
      if (object?.type === 'commit') pending.push(...object.parents);
    }
    return false;
  }

  private commit(sha: string): Extract<GitObject, { type: 'commit' }> {
    const object = this.objects.get(sha);
    if (object?.type !== 'commit') throw new Error(`${sha} is not a commit`);
    return object;
  }

  private tree(sha: string): readonly TreeEntry[] {
    const object = this.objects.get(sha);
    return object?.type === 'tree' ? object.entries : [];
  }

  private store(object: GitObject): string {
    const text =
      object.type === 'blob'
        ? `blob\0${object.content.toString('base64')}`
        : JSON.stringify(object);
    const sha = createHash('sha1').update(text).digest('hex');
    this.objects.set(sha, object);
    return sha;
  }
}

function refBody(ref: string, sha: string) {
  return { ref: `refs/${ref}`, object: { sha, type: 'commit' } };
}

function notFound(): GitReply {
  return { status: 404, body: { message: 'Not Found' } };
}

function unprocessable(message: string): GitReply {
  return { status: 422, body: { message } };
}
