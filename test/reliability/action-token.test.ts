import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const TOKEN = 'ghs_reliabilityTestToken0123456789';

let base: string;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'openclaw-token-'));
  await mkdir(join(base, 'workspace'));
  await writeFile(join(base, 'workspace', 'main.tf'), 'resource "aws_s3_bucket" "b" {}\n');
  await writeFile(join(base, 'summary.md'), '');
  await writeFile(join(base, 'output.txt'), '');
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

/** Runs the Action from source, as the runner would, with a token and no network. */
function runAction(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = {
    PATH: process.env.PATH ?? '',
    GITHUB_WORKSPACE: join(base, 'workspace'),
    GITHUB_EVENT_NAME: 'push',
    // Nothing listens on the discard port; a push event makes no API call anyway.
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_STEP_SUMMARY: join(base, 'summary.md'),
    GITHUB_OUTPUT: join(base, 'output.txt'),
    RUNNER_TEMP: base,
    'INPUT_GITHUB-TOKEN': TOKEN,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/action/index.ts'], {
      cwd: ROOT,
      env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the GitHub token', () => {
  test('is masked before the first log line and appears in no other output', async () => {
    const run = await runAction();
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`::add-mask::${TOKEN}`);
    expect(lines.slice(1).filter((line) => line.includes(TOKEN))).toEqual([]);
    expect(run.stderr).not.toContain(TOKEN);
    expect(await readFile(join(base, 'summary.md'), 'utf8')).not.toContain(TOKEN);
    expect(await readFile(join(base, 'output.txt'), 'utf8')).not.toContain(TOKEN);
  });
});
