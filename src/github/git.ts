import { execFile, spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A git command that failed; the message holds git's own words. */
export class GitError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GitError';
  }
}

/**
 * Runs git without a shell, with literal pathspecs, no pager, and no prompts, and returns its
 * standard output. Throws `GitError` naming the command and git's message.
 */
export async function git(cwd: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await run('git', ['--literal-pathspecs', '--no-pager', ...args], {
      cwd,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
    });
    return stdout;
  } catch (cause) {
    const stderr = (cause as { stderr?: unknown }).stderr;
    const detail = typeof stderr === 'string' && stderr.trim() !== '' ? stderr.trim() : cause;
    throw new GitError(`git ${args[0] ?? ''} failed: ${String(detail)}`, { cause });
  }
}

/** The absolute path of the repository that holds `cwd`. */
export async function gitTopLevel(cwd: string): Promise<string> {
  return (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
}

/** Whether the clone holds commit `sha` (a shallow clone may not). */
export async function hasCommit(cwd: string, sha: string): Promise<boolean> {
  try {
    await git(cwd, ['cat-file', '-e', `${sha}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * The files that differ between the merge base of `base` and `head`, and `head`
 * (`git diff base...head`), relative to the repository root. Renames are listed as a removal
 * and an addition, so both names appear. No external diff or text conversion runs.
 */
export async function gitChangedFiles(cwd: string, base: string, head: string): Promise<string[]> {
  const output = await git(cwd, [
    'diff',
    '--name-only',
    '-z',
    '--no-renames',
    '--no-ext-diff',
    '--no-textconv',
    `${base}...${head}`,
    '--',
  ]);
  return output.split('\0').filter((path) => path !== '');
}

/** A regular file of a commit's tree. */
interface TreeBlob {
  readonly object: string;
  readonly path: string;
}

/**
 * Writes the regular files of `commit` under `pathspecs` (paths relative to the repository root;
 * none for the whole tree) that `keep` accepts into `destination`, read from git objects only:
 * nothing from the commit is checked out, run or configured. Symbolic links and submodules are
 * left out, so no file can point outside `destination`. Returns the paths written, relative to
 * the repository root.
 */
export async function materializeTree(
  repoRoot: string,
  commit: string,
  pathspecs: readonly string[],
  destination: string,
  keep: (path: string) => boolean,
): Promise<string[]> {
  const listing = await git(repoRoot, [
    'ls-tree',
    '-r',
    '-z',
    '--full-tree',
    commit,
    '--',
    ...pathspecs,
  ]);
  const blobs = parseTree(listing).filter((blob) => keep(blob.path));
  const root = resolve(destination);

  const contents = await readBlobs(
    repoRoot,
    blobs.map((blob) => blob.object),
  );
  for (const [index, blob] of blobs.entries()) {
    const target = resolve(root, blob.path);
    if (!target.startsWith(root + sep)) continue;
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, contents[index] ?? Buffer.alloc(0));
  }
  return blobs.map((blob) => blob.path);
}

/** Regular files (modes 100644 and 100755) of `ls-tree -r -z` output. */
function parseTree(listing: string): TreeBlob[] {
  const blobs: TreeBlob[] = [];
  for (const entry of listing.split('\0')) {
    const match = /^(\d{6}) blob ([0-9a-f]+)\t(.+)$/s.exec(entry);
    if (!match || (match[1] !== '100644' && match[1] !== '100755')) continue;
    blobs.push({ object: match[2] ?? '', path: match[3] ?? '' });
  }
  return blobs;
}

/** The contents of `objects`, in order, through one `git cat-file --batch`. */
async function readBlobs(repoRoot: string, objects: readonly string[]): Promise<Buffer[]> {
  if (objects.length === 0) return [];
  const child = spawn('git', ['cat-file', '--batch'], { cwd: repoRoot, stdio: 'pipe' });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const exit = new Promise<number | null>((settle, fail) => {
    child.on('error', fail);
    child.on('close', settle);
  });
  child.stdin.end(objects.map((object) => `${object}\n`).join(''));

  const code = await exit.catch((cause: unknown) => {
    throw new GitError(`git cat-file could not start: ${String(cause)}`, { cause });
  });
  if (code !== 0) {
    throw new GitError(`git cat-file failed: ${Buffer.concat(stderr).toString().trim()}`);
  }
  return splitBatch(Buffer.concat(chunks), objects.length);
}

/** Splits `cat-file --batch` output: `<oid> <type> <size>\n<content>\n` per object. */
function splitBatch(output: Buffer, count: number): Buffer[] {
  const contents: Buffer[] = [];
  let offset = 0;
  for (let index = 0; index < count; index++) {
    const headerEnd = output.indexOf(0x0a, offset);
    if (headerEnd < 0) throw new GitError('git cat-file ended early');
    const header = output.subarray(offset, headerEnd).toString();
    const size = Number(header.split(' ')[2]);
    if (!Number.isInteger(size)) throw new GitError(`git cat-file could not read: ${header}`);
    contents.push(output.subarray(headerEnd + 1, headerEnd + 1 + size));
    offset = headerEnd + 1 + size + 1;
  }
  return contents;
}
