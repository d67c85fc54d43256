import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { rules } from '../../src/rules/index.js';
import { bucket, findingsOf } from './helpers.js';

interface DocExample {
  readonly policy: string;
  readonly resource: Record<string, unknown>;
  readonly messages: readonly string[];
}

/** The first yaml, json and text blocks under `## Example`: policy, resource, messages. */
function exampleOf(markdown: string): DocExample {
  const section = markdown.split(/^## /m).find((part) => part.startsWith('Example'));
  if (section === undefined) throw new Error('no ## Example section');
  const block = (language: string): string => {
    const match = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(section);
    if (!match?.[1]) throw new Error(`no ${language} block in the example`);
    return match[1];
  };
  const resource: unknown = JSON.parse(block('json'));
  if (resource === null || typeof resource !== 'object' || Array.isArray(resource)) {
    throw new Error('the json block must be an object');
  }
  return {
    policy: block('yaml'),
    resource: { ...resource },
    messages: block('text').trim().split('\n'),
  };
}

describe('rule docs', () => {
  test.each(rules.map((rule) => [rule.meta.id, rule] as const))(
    'the example in docs/rules/%s.md gives exactly the messages it shows',
    (id, rule) => {
      const path = fileURLToPath(new URL(`../../docs/rules/${id}.md`, import.meta.url));
      const example = exampleOf(readFileSync(path, 'utf8'));
      const resource = Object.assign(bucket(), example.resource);
      const messages = findingsOf(rule, example.policy, resource).map((f) => f.message);
      expect(messages).toEqual(example.messages);
    },
  );
});
