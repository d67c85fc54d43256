import type { GitHubClient } from './client.js';
import type { CommentApi, StoredComment } from './comment.js';

/** The pull request a comment belongs to. */
export interface PullRequestRef {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
}

const MINIMIZED_QUERY = `query openclawTagsMinimized($ids: [ID!]!) {
  nodes(ids: $ids) { ... on IssueComment { id isMinimized } }
}`;

const MINIMIZE_MUTATION = `mutation openclawTagsMinimize($id: ID!) {
  minimizeComment(input: { subjectId: $id, classifier: OUTDATED }) {
    minimizedComment { isMinimized }
  }
}`;

/** GraphQL accepts at most this many ids in one `nodes` lookup. */
const NODES_PER_QUERY = 100;

/**
 * The comment operations of `pullRequest` through the issue-comments REST API, with GraphQL
 * for what REST cannot do: reading and setting the minimized (hidden as outdated) state.
 */
export function createCommentApi(client: GitHubClient, pullRequest: PullRequestRef): CommentApi {
  const issue = {
    owner: pullRequest.owner,
    repo: pullRequest.repo,
    issue_number: pullRequest.number,
  };
  const repo = { owner: pullRequest.owner, repo: pullRequest.repo };

  return {
    async list() {
      const comments = await client.paginate(client.rest.issues.listComments, {
        ...issue,
        per_page: 100,
      });
      return comments.map(toStoredComment);
    },

    async create(body) {
      const { data } = await client.rest.issues.createComment({ ...issue, body });
      return toStoredComment(data);
    },

    async update(id, body) {
      await client.rest.issues.updateComment({ ...repo, comment_id: id, body });
    },

    async remove(id) {
      await client.rest.issues.deleteComment({ ...repo, comment_id: id });
    },

    async minimized(nodeIds) {
      const hidden = new Set<string>();
      for (let start = 0; start < nodeIds.length; start += NODES_PER_QUERY) {
        const ids = nodeIds.slice(start, start + NODES_PER_QUERY);
        const result: unknown = await client.graphql(MINIMIZED_QUERY, { ids });
        for (const id of minimizedNodeIds(result)) hidden.add(id);
      }
      return hidden;
    },

    async minimize(nodeId) {
      await client.graphql(MINIMIZE_MUTATION, { id: nodeId });
    },
  };
}

function toStoredComment(comment: {
  id: number;
  node_id: string;
  body?: string | null;
  html_url?: string;
}): StoredComment {
  return {
    id: comment.id,
    nodeId: comment.node_id,
    body: comment.body ?? '',
    ...(comment.html_url ? { url: comment.html_url } : {}),
  };
}

/** The ids of minimized comments in a `nodes` answer; anything unexpected counts as visible. */
function minimizedNodeIds(result: unknown): string[] {
  if (typeof result !== 'object' || result === null || !('nodes' in result)) return [];
  const nodes = (result as { nodes: unknown }).nodes;
  if (!Array.isArray(nodes)) return [];
  const ids: string[] = [];
  for (const node of nodes as unknown[]) {
    if (typeof node !== 'object' || node === null) continue;
    const { id, isMinimized } = node as { id?: unknown; isMinimized?: unknown };
    if (typeof id === 'string' && isMinimized === true) ids.push(id);
  }
  return ids;
}
