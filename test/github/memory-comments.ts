import type { CommentApi, StoredComment } from '../../src/github/comment.js';

/** An HTTP-like failure, shaped as Octokit's request errors are. */
export class StatusError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** The pull request's comments as the in-memory API holds them. */
export interface MemoryComment extends StoredComment {
  readonly minimized: boolean;
}

/**
 * A `CommentApi` over an array, recording each write, for lifecycle tests. `failWrites` makes
 * every create, update, delete and minimize fail with that status.
 */
export class MemoryComments implements CommentApi {
  comments: MemoryComment[] = [];
  readonly writes: string[] = [];
  failWrites: number | undefined;
  private nextId = 1;

  constructor(bodies: readonly string[] = [], minimized: readonly number[] = []) {
    for (const body of bodies) this.add(body);
    this.comments = this.comments.map((comment, index) => ({
      ...comment,
      minimized: minimized.includes(index),
    }));
  }

  private add(body: string): MemoryComment {
    const id = this.nextId++;
    const comment = { id, nodeId: `IC_${id}`, body, minimized: false };
    this.comments.push(comment);
    return comment;
  }

  private write(operation: string): void {
    if (this.failWrites !== undefined) throw new StatusError(this.failWrites);
    this.writes.push(operation);
  }

  async list(): Promise<readonly StoredComment[]> {
    return this.comments.map(({ id, nodeId, body }) => ({ id, nodeId, body }));
  }

  async create(body: string): Promise<StoredComment> {
    this.write('create');
    const { id, nodeId } = this.add(body);
    return { id, nodeId, body };
  }

  async update(id: number, body: string): Promise<void> {
    this.write(`update ${id}`);
    this.comments = this.comments.map((comment) =>
      comment.id === id ? { ...comment, body } : comment,
    );
  }

  async remove(id: number): Promise<void> {
    this.write(`delete ${id}`);
    this.comments = this.comments.filter((comment) => comment.id !== id);
  }

  async minimized(nodeIds: readonly string[]): Promise<ReadonlySet<string>> {
    return new Set(
      this.comments
        .filter((comment) => comment.minimized && nodeIds.includes(comment.nodeId))
        .map((comment) => comment.nodeId),
    );
  }

  async minimize(nodeId: string): Promise<void> {
    this.write(`minimize ${nodeId}`);
    this.comments = this.comments.map((comment) =>
      comment.nodeId === nodeId ? { ...comment, minimized: true } : comment,
    );
  }
}
