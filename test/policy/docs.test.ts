import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadPolicyText } from '../../src/policy/load.js';
import { parsePolicySource } from '../../src/policy/source.js';
import { validatePolicy } from '../../src/policy/validate.js';

interface Example {
  readonly yaml: string;
  /** The error the docs show right after the block, if any. */
  readonly error: string | undefined;
}

/** Every yaml block of the reference, with the `text` block that follows it when it is an error. */
function examples(markdown: string): Example[] {
  const blocks = [...markdown.matchAll(/```(yaml|text)\n([\s\S]*?)```/g)];
  const found: Example[] = [];
  blocks.forEach((block, index) => {
    if (block[1] !== 'yaml') return;
    const next = blocks[index + 1];
    const error = next?.[1] === 'text' && next[2]?.startsWith('policy.yaml:') ? next[2] : undefined;
    found.push({ yaml: block[2] ?? '', error: error?.trim() });
  });
  return found;
}

describe('docs/policy.md', () => {
  const markdown = readFileSync(
    fileURLToPath(new URL('../../docs/policy.md', import.meta.url)),
    'utf8',
  );
  const all = examples(markdown);

  test('has examples of valid policies and of errors', () => {
    expect(all.filter((example) => example.error === undefined).length).toBeGreaterThan(5);
    expect(all.filter((example) => example.error !== undefined).length).toBe(3);
  });

  test.each(all.map((example, index) => [index + 1, example] as const))(
    'example %i loads, or fails exactly as shown',
    (_index, { yaml, error }) => {
      // A policy with extends needs its bases on disk; its own text must still fit the schema.
      const load = (): unknown =>
        /^extends:/m.test(yaml)
          ? validatePolicy(parsePolicySource(yaml, 'policy.yaml'))
          : loadPolicyText(yaml, 'policy.yaml');
      if (error === undefined) expect(load).not.toThrow();
      else expect(load).toThrow(error);
    },
  );
});
