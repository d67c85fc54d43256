import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
export const BUNDLE = join(ROOT, 'dist', 'index.js');

/** Builds `dist/` when the bundle is missing or older than a source file. */
export function buildIfStale(): void {
  if (existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= newestSource()) return;
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
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
    ...inputEnv(setup.inputs ?? {}),
  };

  const child = spawn(process.execPath, [BUNDLE], { cwd: setup.workspace, env });
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
