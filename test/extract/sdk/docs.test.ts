import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { describeType } from '../../../src/catalog/index.js';
import { evaluate } from '../../../src/rules/index.js';
import { extractInline, policyOf } from './helpers.js';

const markdown = readFileSync(
  fileURLToPath(new URL('../../../docs/sdk.md', import.meta.url)),
  'utf8',
);

/** The contents of every fenced block of `language` in `text`, in order. */
function blocks(text: string, language: string): string[] {
  return [...text.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map(
    (match) => match[1] ?? '',
  );
}

describe('docs/sdk.md', () => {
  test.each(blocks(markdown, 'yaml').map((yaml, index) => [index + 1, yaml] as const))(
    'policy example %i loads',
    (_index, yaml) => {
      expect(() => policyOf(yaml)).not.toThrow();
    },
  );

  test('the example gives exactly the findings it shows', async () => {
    const example = markdown.slice(markdown.indexOf('## Example'));
    const [yaml] = blocks(example, 'yaml');
    const [python] = blocks(example, 'python');
    const [text] = blocks(example, 'text');
    const policy = policyOf(yaml);
    const extraction = await extractInline({ 'svc/coach.py': python ?? '' }, policy);
    const judged = extraction.resources.map((resource) => {
      const facts = describeType(resource.format, resource.provider, resource.type);
      return { ...resource, ...facts, checked: facts.taggable };
    });
    const messages = evaluate(policy, judged).map((finding) => finding.message);
    expect(messages).toEqual(text?.trim().split('\n'));
  });
});
