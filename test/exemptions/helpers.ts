import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { check } from '../../src/engine/check.js';
import type { CheckReport } from '../../src/model.js';
import { loadPolicyText } from '../../src/policy/load.js';

/** Writes `files` into a fresh folder, checks it with `policy` on `today`, removes the folder. */
export async function checkFiles(
  files: Readonly<Record<string, string>>,
  policy: string,
  today: string,
): Promise<CheckReport> {
  const dir = mkdtempSync(join(tmpdir(), 'openclaw-exemptions-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return await check({
      paths: ['.'],
      cwd: dir,
      policy: loadPolicyText(policy, 'policy.yaml'),
      failOn: 'error',
      today,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `rule resource key` for each finding, the shape the tables compare. */
export function findingLines(report: CheckReport): string[] {
  return report.findings.map((finding) => `${finding.rule} ${finding.resource} ${finding.key}`);
}
