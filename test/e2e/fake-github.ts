import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGitData } from './fake-git-data.js';

/** One request the fake answered. */
export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly status: number;
}

/** An issue comment as the fake stores it. */
export interface FakeComment {
  id: number;
  node_id: string;
  body: string;
  minimized: boolean;
  user: { login: string; type: string };
  html_url: string;
}

/** A pull-request file as the files API lists it. */
export interface FakeFile {
  readonly filename: string;
  readonly status: string;
  readonly previous_filename?: string;
  readonly patch?: string;
}

/** A review comment as the fake stores it (from a posted review). */
export interface FakeReviewComment {
  readonly id: number;
  readonly path: string;
  readonly line: number;
  readonly body: string;
}

interface Fault {
  readonly method: string;
  readonly path: RegExp;
  readonly status: number;
  times: number;
}

interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** GitHub lists at most this many files of a pull request. */
const FILE_LIST_CAP = 3_000;

/**
 * A small GitHub-like API on 127.0.0.1 for end-to-end tests of the Action: pull-request files
 * with pagination and Link headers (capped at 3,000 files as GitHub does), issue-comment
 * create, list, update and delete, GraphQL `nodes` and `minimizeComment`, and the Git Data API
 * (`FakeGitData`). It records every call
 * and can be told to fail the next calls to a route with a status.
 */
export class FakeGitHub {
  readonly calls: RecordedCall[] = [];
  comments: FakeComment[] = [];
  files: FakeFile[] = [];
  /** Review comments: the ones of every posted review. */
  reviewComments: FakeReviewComment[] = [];
  /** The repository's Git Data API: refs, commits, trees, blobs. */
  git = new FakeGitData();
  private readonly faults: Fault[] = [];
  private nextCommentId = 1001;
  private server: Server | undefined;
  url = '';

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      void this.handle(request, response);
    });
    await new Promise<void>((settle) => this.server?.listen(0, '127.0.0.1', settle));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((settle) => this.server?.close(() => settle()));
  }

  /** Answers the next `times` calls of `method` to a path matching `path` with `status`. */
  failNext(method: string, path: RegExp, status: number, times = 1): void {
    this.faults.push({ method, path, status, times });
  }

  /** Forgets calls and faults; keeps comments and files. */
  clearCalls(): void {
    this.calls.length = 0;
    this.faults.length = 0;
  }

  /** Calls other than reads, as `METHOD path` lines, for asserting what was written. */
  writes(): string[] {
    return this.calls
      .filter((call) => call.method !== 'GET' && !isGraphqlRead(call))
      .map((call) => `${call.method} ${call.path}${graphqlOperation(call)}`);
  }

  /** Adds a comment as if another run or a person had written it. */
  addComment(body: string): FakeComment {
    const id = this.nextCommentId++;
    const comment = {
      id,
      node_id: `IC_${id}`,
      body,
      minimized: false,
      user: { login: 'github-actions[bot]', type: 'Bot' },
      html_url: `https://github.invalid/octo/infra/pull/7#issuecomment-${id}`,
    };
    this.comments.push(comment);
    return comment;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    // Octokit percent-encodes a ref's slashes (`heads%2Fdata%2Fbilling`); GitHub accepts both.
    url.pathname = decodeURIComponent(url.pathname);
    const text = await readBody(request);
    const body: unknown = text === '' ? undefined : JSON.parse(text);
    const method = request.method ?? 'GET';
    const reply = this.fault(method, url.pathname) ?? this.route(method, url, body);
    this.calls.push({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      status: reply.status,
    });
    response.writeHead(reply.status, {
      'content-type': 'application/json; charset=utf-8',
      ...reply.headers,
    });
    response.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  }

  private fault(method: string, path: string): Reply | undefined {
    const fault = this.faults.find(
      (candidate) =>
        candidate.times > 0 && candidate.method === method && candidate.path.test(path),
    );
    if (!fault) return undefined;
    fault.times--;
    const message =
      fault.status === 403
        ? 'Resource not accessible by integration'
        : fault.status === 404
          ? 'Not Found'
          : 'Bad Gateway';
    return { status: fault.status, body: { message } };
  }

  private route(method: string, url: URL, body: unknown): Reply {
    const path = url.pathname;
    if (method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/files$/.test(path)) {
      return this.page(url, this.files.slice(0, FILE_LIST_CAP));
    }
    if (/^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/.test(path)) {
      if (method === 'GET') return this.page(url, this.comments.map(restComment));
      if (method === 'POST') return { status: 201, body: restComment(this.addComment(text(body))) };
    }
    if (/^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/comments$/.test(path) && method === 'GET') {
      return this.page(url, this.reviewComments);
    }
    if (/^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/reviews$/.test(path) && method === 'POST') {
      return this.review(body);
    }
    const single = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(path);
    if (single) return this.commentById(method, Number(single[1]), body);
    if (method === 'POST' && path === '/graphql') return this.graphql(body);
    const git = /^\/repos\/[^/]+\/[^/]+\/git\/(.+)$/.exec(path);
    const gitReply = git ? this.git.route(method, git[1] ?? '', body) : undefined;
    if (gitReply) return gitReply;
    return { status: 404, body: { message: 'Not Found' } };
  }

  /** Stores a review's comments; 422, as GitHub does, when a line is not in the diff. */
  private review(body: unknown): Reply {
    const { comments = [] } = body as { comments?: { path: string; line: number; body: string }[] };
    for (const comment of comments) {
      const patch = this.files.find((file) => file.filename === comment.path)?.patch ?? '';
      if (!newSideLines(patch).has(comment.line)) {
        return { status: 422, body: { message: 'Line could not be resolved' } };
      }
    }
    for (const comment of comments) {
      const { path, line } = comment;
      this.reviewComments.push({ id: this.nextCommentId++, path, line, body: comment.body });
    }
    return { status: 200, body: { id: this.nextCommentId++, state: 'COMMENTED' } };
  }

  private commentById(method: string, id: number, body: unknown): Reply {
    const comment = this.comments.find((candidate) => candidate.id === id);
    if (!comment) return { status: 404, body: { message: 'Not Found' } };
    if (method === 'PATCH') {
      comment.body = text(body);
      return { status: 200, body: restComment(comment) };
    }
    if (method === 'DELETE') {
      this.comments = this.comments.filter((candidate) => candidate.id !== id);
      return { status: 204 };
    }
    return { status: 200, body: restComment(comment) };
  }

  private graphql(body: unknown): Reply {
    const { query, variables } = body as { query: string; variables: Record<string, unknown> };
    if (query.includes('minimizeComment')) {
      const comment = this.comments.find((candidate) => candidate.node_id === variables.id);
      if (comment) comment.minimized = true;
      const minimizedComment = { isMinimized: Boolean(comment) };
      return { status: 200, body: { data: { minimizeComment: { minimizedComment } } } };
    }
    if (query.includes('nodes(ids:')) {
      const ids = variables.ids as string[];
      const nodes = ids.map((id) => {
        const comment = this.comments.find((candidate) => candidate.node_id === id);
        return comment ? { id, isMinimized: comment.minimized } : null;
      });
      return { status: 200, body: { data: { nodes } } };
    }
    return { status: 200, body: { errors: [{ message: 'unknown operation' }] } };
  }

  /** One page of `items` with GitHub's `Link` header for the pages around it. */
  private page(url: URL, items: readonly unknown[]): Reply {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
    const page = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (target: number, rel: string) => {
      const next = new URL(url);
      next.searchParams.set('page', String(target));
      return `<${next.toString()}>; rel="${rel}"`;
    };
    const links = [
      ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
      ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : []),
    ];
    return {
      status: 200,
      body: items.slice((page - 1) * perPage, page * perPage),
      headers: links.length > 0 ? { link: links.join(', ') } : {},
    };
  }
}

/** A comment as the REST API shows it: the minimized state is GraphQL's only. */
function restComment(comment: FakeComment) {
  const { id, node_id, body, user, html_url } = comment;
  return { id, node_id, body, user, html_url };
}

/** Lines of the new side a patch shows: its added and context lines. */
function newSideLines(patch: string): Set<number> {
  const lines = new Set<number>();
  let line = 0;
  for (const row of patch.split('\n')) {
    const hunk = /^@@ -[\d,]+ \+(\d+)/.exec(row);
    if (hunk) line = Number(hunk[1]);
    else if (line > 0 && (row.startsWith('+') || row.startsWith(' '))) lines.add(line++);
  }
  return lines;
}

function text(body: unknown): string {
  const value = (body as { body?: unknown } | undefined)?.body;
  return typeof value === 'string' ? value : '';
}

function isGraphqlRead(call: RecordedCall): boolean {
  return call.path === '/graphql' && !graphqlOperation(call).includes('minimize');
}

function graphqlOperation(call: RecordedCall): string {
  if (call.path !== '/graphql') return '';
  const query = (call.body as { query?: string } | undefined)?.query ?? '';
  return query.includes('minimizeComment') ? ' minimize' : ' query';
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
