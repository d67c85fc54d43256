import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkFiles } from './helpers.js';

const doc = readFileSync(
  fileURLToPath(new URL('../../docs/rules/invalid-exemption.md', import.meta.url)),
  'utf8',
);

/** The fenced blocks of `language` in the doc, in order. */
function blocks(language: string): string[] {
  return [...doc.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map(
    (match) => match[1] ?? '',
  );
}

describe('docs/rules/invalid-exemption.md', () => {
  const [example = '', fixed = ''] = blocks('hcl');
  const [invalid = '', expired = ''] = blocks('text').map((text) => text.trim());
  const policy = 'version: 1\ntags:\n  CostCenter: { required: true }\n';

  test('the example without a reason gives the message shown', async () => {
    const report = await checkFiles({ 'main.tf': example }, policy, '2027-01-01');
    const messages = report.findings.filter((f) => f.rule === 'invalid-exemption');
    expect(messages.map((finding) => finding.message)).toEqual([invalid]);
  });

  test('completed as the doc says, it applies through its expiry day and then says so', async () => {
    const [comment = ''] = fixed.split('\n');
    const text = example.replace(/^#.*\n/, `${comment}\n`);
    const during = await checkFiles({ 'main.tf': text }, policy, '2027-03-31');
    expect(during.findings).toEqual([]);
    const after = await checkFiles({ 'main.tf': text }, policy, '2027-04-01');
    expect(after.findings.map((finding) => finding.message)).toContain(expired);
  });
});
