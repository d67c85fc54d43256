import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist');

const BUILD_LOCK = join(tmpdir(), 'openclaw-tags-e2e-build.lock');
/** A lock older than this is left from a killed build and is taken over. */
const STALE_LOCK_MS = 15 * 60 * 1000;

/** This test file's own copy of the bundle, set by `prepareBundle`. */
let bundle: string | undefined;
let bundleFolder: string | undefined;

/**
 * Bundles `dist/` (`scripts/build.mjs`, the bundling half of `npm run build`; type errors are
 * `tsc`'s to report) when it is missing or older than a source file, and copies it to a folder
 * of this test file's own, so that a rebuild started by another test file (after a source
 * change) never swaps the bundle under a running test. Test files run in parallel: a lock folder
 * lets one bundle or copy at a time. Returns the copied `index.js`.
 */
export function prepareBundle(): string {
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      writeFileSync(join(BUILD_LOCK, 'pid'), String(process.pid));
    } catch {
      if (isAbandoned()) rmSync(BUILD_LOCK, { recursive: true, force: true });
      pause(1000);
      continue;
    }
    try {
      const state = bundleState();
      if (state === 'being-built') {
        pause(2000);
        continue;
      }
      if (state === 'stale') {
        execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
      }
      const folder = mkdtempSync(join(tmpdir(), 'openclaw-tags-bundle-'));
      bundleFolder = folder;
      const copy = join(folder, 'dist');
      cpSync(DIST, copy, { recursive: true });
      // A build from outside the lock may have emptied dist/ while it was copied.
      if (!existsSync(join(copy, 'assets', 'tree-sitter-tsx.wasm'))) continue;
      bundle = join(copy, 'index.js');
      return bundle;
    } finally {
      rmSync(BUILD_LOCK, { recursive: true, force: true });
    }
  }
}

/** Removes this test file's copy of the bundle; call it in `afterAll`. */
export function releaseBundle(): void {
  if (bundleFolder !== undefined) rmSync(bundleFolder, { recursive: true, force: true });
  bundle = undefined;
  bundleFolder = undefined;
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Whether the lock was left by a process that is gone, or is older than any build takes. */
function isAbandoned(): boolean {
  const lockedAt = statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs;
  if (lockedAt === undefined) return false;
  if (Date.now() - lockedAt > STALE_LOCK_MS) return true;
  let pid = Number.NaN;
  try {
    pid = Number(readFileSync(join(BUILD_LOCK, 'pid'), 'utf8'));
  } catch {
    // Not written yet, or the lock is being released.
  }
  if (!Number.isInteger(pid) || pid <= 0) return Date.now() - lockedAt > 10_000;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** The asset `scripts/build.mjs` writes last: once it is newer than the bundle, dist/ is whole. */
const LAST_ASSET = join(DIST, 'assets', 'tree-sitter-tsx.wasm');
/** A build that has not finished in this long has died. */
const BUILD_MS = 10 * 60 * 1000;

/**
 * `fresh` when dist/ is complete and newer than every source; `being-built` while a build
 * (`npm run build` from anywhere) has written the bundle but not yet its assets; else `stale`.
 */
function bundleState(): 'fresh' | 'being-built' | 'stale' {
  const index = statSync(join(DIST, 'index.js'), { throwIfNoEntry: false });
  if (index === undefined || index.mtimeMs < newestSource()) return 'stale';
  const last = statSync(LAST_ASSET, { throwIfNoEntry: false });
  if (last !== undefined && last.mtimeMs >= index.mtimeMs) return 'fresh';
  return Date.now() - index.mtimeMs < BUILD_MS ? 'being-built' : 'stale';
}

function newestSource(): number {
  let newest = 0;
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  visit(join(ROOT, 'src'));
  for (const file of ['action.yml', 'package.json', 'policies/default.yaml']) {
    newest = Math.max(newest, statSync(join(ROOT, file)).mtimeMs);
  }
  return newest;
}

/** An annotation or log command the Action printed (`::error file=...::message`). */
export interface WorkflowCommand {
  readonly command: string;
  readonly properties: Readonly<Record<string, string>>;
  readonly message: string;
}

/** What a run of the bundled Action left behind. */
export interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Readonly<Record<string, string>>;
  readonly summary: string;
  readonly commands: readonly WorkflowCommand[];
}

/** How one run is set up, as a runner would set it up. */
export interface RunSetup {
  readonly workspace: string;
  readonly apiUrl: string | undefined;
  readonly inputs?: Readonly<Record<string, string>>;
  readonly event?: { readonly name: string; readonly payload: unknown };
  readonly runId: number;
  readonly runAttempt?: number;
  /** Other environment variables of the job (`SOURCE_DATE_EPOCH`). */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Runs `node dist/index.js` the way a runner does: every input of action.yml as `INPUT_<NAME>`
 * (hyphens kept) with its default unless `inputs` overrides it, the event payload in a file,
 * and the output, summary and temporary files of a fresh folder.
 */
export async function runAction(setup: RunSetup): Promise<ActionRun> {
  const folder = mkdtempSync(join(tmpdir(), 'openclaw-tags-runner-'));
  const files = {
    event: join(folder, 'event.json'),
    output: join(folder, 'output.txt'),
    summary: join(folder, 'summary.md'),
  };
  writeFileSync(files.event, JSON.stringify(setup.event?.payload ?? {}));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: folder,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: setup.workspace,
    GITHUB_EVENT_NAME: setup.event?.name ?? 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: 'octo/infra',
    GITHUB_RUN_ID: String(setup.runId),
    GITHUB_RUN_ATTEMPT: String(setup.runAttempt ?? 1),
    RUNNER_TEMP: folder,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    ...(setup.apiUrl ? { GITHUB_API_URL: setup.apiUrl } : {}),
    ...setup.env,
    ...inputEnv(setup.inputs ?? {}),
  };

  if (bundle === undefined) throw new Error('call prepareBundle() in beforeAll first');
  const child = spawn(process.execPath, [bundle], { cwd: setup.workspace, env });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const code = await new Promise<number | null>((settle) => child.on('close', settle));

  const text = Buffer.concat(stdout).toString('utf8');
  return {
    code,
    stdout: text,
    stderr: Buffer.concat(stderr).toString('utf8'),
    outputs: parseOutputs(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    commands: parseCommands(text),
  };
}

/** The runner's input variables: action.yml defaults, overridden by `inputs`. */
function inputEnv(inputs: Readonly<Record<string, string>>): Record<string, string> {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const env: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) {
    const fallback = (input.default ?? '').replace('${{ github.token }}', 'ghs_test_token');
    env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? fallback;
  }
  return env;
}

/** `name<<DELIMITER\nvalue\nDELIMITER` entries of a GITHUB_OUTPUT file. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1] ?? ''] = match[3] ?? '';
  return outputs;
}

function parseCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const [key, value] = pair.split('=');
      properties[key ?? ''] = unescapeCommand(value ?? '');
    }
    commands.push({
      command: match[1] ?? '',
      properties,
      message: unescapeCommand(match[3] ?? ''),
    });
  }
  return commands;
}

function unescapeCommand(text: string): string {
  return text
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');
}
