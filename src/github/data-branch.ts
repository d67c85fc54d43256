import { httpStatus, type GitHubClient } from './client.js';
import type { ActionLog } from './log.js';

/** A file on a branch that holds data rather than code (the billing snapshot). */
export interface BranchFile {
  readonly owner: string;
  readonly repo: string;
  /** Branch name without `refs/heads/`. */
  readonly branch: string;
  /** Path of the file inside the branch, `/`-separated. */
  readonly path: string;
}

/** What a commit to the data branch did; `commit` is the branch's head afterwards. */
export type BranchWrite =
  | { readonly kind: 'created-branch' | 'committed'; readonly commit: string }
  | { readonly kind: 'unchanged'; readonly commit: string };

/** The data branch moved under every attempt, or refused the commit for another reason. */
export class DataBranchError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DataBranchError';
  }
}

/**
 * Reads `file` from the head of its branch through the Git Data API (ref, commit, trees, blob),
 * which, unlike the contents API, reads blobs past 1 MB. Undefined when the branch or the file
 * does not exist; other API errors are thrown.
 */
export async function readBranchFile(
  client: GitHubClient,
  file: BranchFile,
): Promise<string | undefined> {
  const repo = { owner: file.owner, repo: file.repo };
  const head = await branchHead(client, file);
  if (head === undefined) return undefined;

  let tree = await commitTree(client, file, head);
  const segments = file.path.split('/').filter((segment) => segment !== '');
  for (const [index, segment] of segments.entries()) {
    const { data } = await client.rest.git.getTree({ ...repo, tree_sha: tree });
    const wanted = index === segments.length - 1 ? 'blob' : 'tree';
    const entry = data.tree.find((item) => item.path === segment && item.type === wanted);
    if (entry?.sha === undefined) return undefined;
    tree = entry.sha;
  }

  const { data: blob } = await client.rest.git.getBlob({ ...repo, file_sha: tree });
  return Buffer.from(blob.content, blob.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8');
}

/** One commit of one file to a data branch. */
export interface BranchCommitRequest {
  readonly client: GitHubClient;
  readonly file: BranchFile;
  readonly content: string;
  readonly message: string;
  readonly log: ActionLog;
  /** How many times to build the commit when the branch keeps moving meanwhile. */
  readonly attempts?: number;
}

const DEFAULT_ATTEMPTS = 5;

/**
 * Commits `content` as `file` on top of the branch's head through the Git Data API: a blob, a
 * tree on the head's tree, a commit, then a fast-forward update of the ref. When another job
 * moved the branch in between (HTTP 422: not a fast-forward, or the branch was created
 * meanwhile), the commit is built again on the new head, up to `attempts` times in all. The
 * branch is created, without history, when it does not exist. Nothing is committed when the
 * file already holds `content`. Other API errors are thrown.
 */
export async function commitBranchFile(request: BranchCommitRequest): Promise<BranchWrite> {
  const { client, file, log } = request;
  const repo = { owner: file.owner, repo: file.repo };
  const attempts = request.attempts ?? DEFAULT_ATTEMPTS;
  const { data: blob } = await client.rest.git.createBlob({
    ...repo,
    content: Buffer.from(request.content, 'utf8').toString('base64'),
    encoding: 'base64',
  });

  for (let attempt = 1; ; attempt++) {
    const head = await branchHead(client, file);
    const baseTree = head === undefined ? undefined : await commitTree(client, file, head);
    const { data: tree } = await client.rest.git.createTree({
      ...repo,
      ...(baseTree === undefined ? {} : { base_tree: baseTree }),
      tree: [{ path: file.path, mode: '100644', type: 'blob', sha: blob.sha }],
    });
    if (head !== undefined && tree.sha === baseTree) return { kind: 'unchanged', commit: head };

    const { data: commit } = await client.rest.git.createCommit({
      ...repo,
      message: request.message,
      tree: tree.sha,
      parents: head === undefined ? [] : [head],
    });
    try {
      if (head === undefined) {
        await client.rest.git.createRef({
          ...repo,
          ref: `refs/heads/${file.branch}`,
          sha: commit.sha,
        });
        return { kind: 'created-branch', commit: commit.sha };
      }
      await client.rest.git.updateRef({
        ...repo,
        ref: `heads/${file.branch}`,
        sha: commit.sha,
        force: false,
      });
      return { kind: 'committed', commit: commit.sha };
    } catch (error) {
      if (httpStatus(error) !== 422) throw error;
      if (attempt >= attempts) {
        throw new DataBranchError(
          `the branch ${file.branch} kept moving while ${file.path} was committed ` +
            `(${attempts} attempts); run the job again`,
          { cause: error },
        );
      }
      log.info(`The branch ${file.branch} moved meanwhile; committing again on its new head.`);
    }
  }
}

/** The commit at the head of the branch, or undefined when the branch does not exist. */
async function branchHead(client: GitHubClient, file: BranchFile): Promise<string | undefined> {
  try {
    const { data } = await client.rest.git.getRef({
      owner: file.owner,
      repo: file.repo,
      ref: `heads/${file.branch}`,
    });
    // A ref name that only prefixes existing branches answers with a list.
    return Array.isArray(data) ? undefined : data.object.sha;
  } catch (error) {
    if (httpStatus(error) === 404) return undefined;
    throw error;
  }
}

async function commitTree(client: GitHubClient, file: BranchFile, sha: string): Promise<string> {
  const { data } = await client.rest.git.getCommit({
    owner: file.owner,
    repo: file.repo,
    commit_sha: sha,
  });
  return data.tree.sha;
}
