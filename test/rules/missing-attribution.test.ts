import { describe, expect, test } from 'vitest';
import type { Finding, JudgedResource } from '../../src/model.js';
import { judgeResource, rules } from '../../src/rules/index.js';
import { missingAttribution } from '../../src/rules/missing-attribution.js';
import { unresolvedTags } from '../../src/rules/unresolved-tags.js';
import { findingsOf, policy } from './helpers.js';

const ADDRESS = 'svc/ask.py:12:openai.chat.completions.create';

/** A checked OpenAI call site at svc/ask.py:12, overridden field by field. */
function openaiCall(attributes: Record<string, string>, overrides: Partial<JudgedResource> = {}) {
  const resource: JudgedResource = {
    address: ADDRESS,
    type: 'openai:chat.completions.create',
    provider: 'openai',
    format: 'sdk',
    file: 'svc/ask.py',
    line: 12,
    tags: {},
    tagTarget: 'tags',
    attributes: { family: 'openai', ...attributes },
    costBearing: true,
    taggable: true,
    checked: true,
    ...overrides,
  };
  return resource;
}

const ALL = 'version: 1\nattribution:\n  openai: [project, metadata, user]\n';

function missing(severity: Finding['severity'], accepted: string, fix: string): Finding {
  return {
    rule: 'missing-attribution',
    severity,
    resource: ADDRESS,
    file: 'svc/ask.py',
    line: 12,
    key: null,
    message: `${ADDRESS} calls OpenAI without cost attribution; the policy accepts ${accepted}`,
    fix,
  };
}

interface Row {
  readonly name: string;
  readonly policy: string;
  readonly resource: JudgedResource;
  readonly expected: readonly Finding[];
}

const rows: Row[] = [
  {
    name: 'a call with none of the accepted mechanisms is an error at its line',
    policy: ALL,
    resource: openaiCall({ attribution: 'missing' }),
    expected: [
      missing(
        'error',
        'an OpenAI project (the client `project` option or an `OpenAI-Project` header) or ' +
          'request `metadata` or a request `user` (or `safety_identifier`)',
        'pass `project` to the OpenAI client, or add `metadata` to the request, or add `user` ' +
          'to the request',
      ),
    ],
  },
  {
    name: 'the section severity applies',
    policy: 'version: 1\nattribution:\n  severity: warning\n  openai: [user]\n',
    resource: openaiCall({ attribution: 'missing' }),
    expected: [
      missing('warning', 'a request `user` (or `safety_identifier`)', 'add `user` to the request'),
    ],
  },
  {
    name: 'an attributed call gives nothing',
    policy: ALL,
    resource: openaiCall({ attribution: 'project' }),
    expected: [],
  },
  {
    name: 'an unknown attribution is left to unresolved-tags',
    policy: ALL,
    resource: openaiCall({ attribution: 'unknown' }, { unresolved: '`**kwargs`' }),
    expected: [],
  },
  {
    name: 'a family the section leaves out is not judged',
    policy: 'version: 1\nattribution:\n  anthropic: [metadata]\n',
    resource: openaiCall({ attribution: 'missing' }),
    expected: [],
  },
  {
    name: 'a policy without the section judges nothing',
    policy: 'version: 1\n',
    resource: openaiCall({ attribution: 'missing' }),
    expected: [],
  },
  {
    name: 'a Bedrock call is told about inference profiles',
    policy: 'version: 1\nattribution:\n  bedrock: [inference-profile]\n',
    resource: openaiCall(
      { family: 'bedrock', attribution: 'missing' },
      { address: ADDRESS, type: 'aws:bedrock-runtime:invoke_model', provider: 'aws' },
    ),
    expected: [
      {
        ...missing(
          'error',
          'an application inference profile ARN as the model id',
          'invoke the model through a tagged application inference profile ARN',
        ),
        message:
          `${ADDRESS} calls Bedrock without cost attribution; the policy accepts an ` +
          'application inference profile ARN as the model id',
      },
    ],
  },
];

describe('missing-attribution', () => {
  test.each(rows)('$name', ({ policy, resource, expected }) => {
    expect(findingsOf(missingAttribution, policy, resource)).toEqual(expected);
  });

  test('a resource of another format is never judged', () => {
    const resource = openaiCall({ attribution: 'missing' }, { format: 'terraform' });
    expect(judgeResource(policy(ALL), resource, rules)).toEqual([]);
  });

  test('an unknown attribution makes unresolved-tags report even when no key applies', () => {
    const resource = openaiCall({ attribution: 'unknown' }, { unresolved: '`**kwargs`' });
    const found = findingsOf(unresolvedTags, ALL, resource).map((finding) => finding.rule);
    expect(found).toEqual(['unresolved-tags']);
    expect(findingsOf(unresolvedTags, 'version: 1\n', resource)).toEqual([]);
  });
});
