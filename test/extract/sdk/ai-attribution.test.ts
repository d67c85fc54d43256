import { describe, expect, test } from 'vitest';
import type { Resource } from '../../../src/model.js';
import { policyOf, resourcesOf } from './helpers.js';

/** What a row says about one AI call: where, what, how it is attributed, and why unknown. */
interface Attribution {
  readonly address: string;
  readonly type: string;
  readonly attribution: string;
  readonly tags?: Readonly<Record<string, string | null>>;
  readonly unresolved?: string;
}

interface Row {
  readonly name: string;
  readonly file: string;
  readonly source: string;
  readonly expected: readonly Attribution[];
}

function attributionOf(resource: Resource): Attribution {
  const { address, type, tags, unresolved } = resource;
  const attribution = resource.attributes?.['attribution'] ?? '';
  return {
    address,
    type,
    attribution,
    ...(Object.keys(tags).length > 0 ? { tags } : {}),
    ...(unresolved === undefined ? {} : { unresolved }),
  };
}

const openaiPy = 'from openai import OpenAI\n\n';
const chat = 'messages=[{"role": "user", "content": "hi"}]';

const openaiRows: Row[] = [
  {
    name: 'OpenAI: a client built with project= attributes its calls',
    file: 'svc.py',
    source: `${openaiPy}client = OpenAI(project="proj_nutri")
client.chat.completions.create(model="gpt-4o-mini", ${chat})
`,
    expected: [
      {
        address: 'svc.py:4:openai.chat.completions.create',
        type: 'openai:chat.completions.create',
        attribution: 'project',
      },
    ],
  },
  {
    name: 'OpenAI: an OpenAI-Project default header on the client counts as the project',
    file: 'svc.py',
    source: `${openaiPy}client = OpenAI(default_headers={"OpenAI-Project": "proj_nutri"})
client.responses.create(model="gpt-4o", input="hi")
`,
    expected: [
      {
        address: 'svc.py:4:openai.responses.create',
        type: 'openai:responses.create',
        attribution: 'project',
      },
    ],
  },
  {
    name: 'OpenAI: an OpenAI-Project header on one request counts',
    file: 'svc.py',
    source: `${openaiPy}client = OpenAI()
client.embeddings.create(model="text-embedding-3-small", input="x", extra_headers={"openai-project": "p"})
`,
    expected: [
      {
        address: 'svc.py:4:openai.embeddings.create',
        type: 'openai:embeddings.create',
        attribution: 'project',
      },
    ],
  },
  {
    name: 'OpenAI: request metadata counts, and its keys are the call tags',
    file: 'svc.py',
    source: `${openaiPy}client = OpenAI()
client.chat.completions.create(model="gpt-4o", ${chat}, metadata={"feature": "meal-plan"})
`,
    expected: [
      {
        address: 'svc.py:4:openai.chat.completions.create',
        type: 'openai:chat.completions.create',
        attribution: 'metadata',
        tags: { feature: 'meal-plan' },
      },
    ],
  },
  {
    name: 'OpenAI: a request user counts, even when its value is only known at run time',
    file: 'svc.py',
    source: `${openaiPy}client = OpenAI()

def ask(user_id, question):
    return client.chat.completions.create(model="gpt-4o", messages=question, user=user_id)
`,
    expected: [
      {
        address: 'svc.py:6:openai.chat.completions.create',
        type: 'openai:chat.completions.create',
        attribution: 'user',
      },
    ],
  },
  {
    name: 'OpenAI: a client with none of them is missing attribution',
    file: 'svc.py',
    source: `${openaiPy}client = OpenAI(api_key="k")
client.chat.completions.create(model="gpt-4o", ${chat})
`,
    expected: [
      {
        address: 'svc.py:4:openai.chat.completions.create',
        type: 'openai:chat.completions.create',
        attribution: 'missing',
      },
    ],
  },
  {
    name: 'OpenAI (Node): new OpenAI({ project }) and a camelCase path',
    file: 'svc.ts',
    source: `import OpenAI from 'openai';

const openai = new OpenAI({ project: 'proj_nutri' });
await openai.fineTuning.jobs.create({ model: 'gpt-4o-mini', training_file: 'file-1' });
`,
    expected: [
      {
        address: 'svc.ts:4:openai.fine_tuning.jobs.create',
        type: 'openai:fine_tuning.jobs.create',
        attribution: 'project',
      },
    ],
  },
  {
    name: 'OpenAI (Node): an OpenAI-Project header in the request options counts',
    file: 'svc.ts',
    source: `import OpenAI from 'openai';

const openai = new OpenAI();
await openai.chat.completions.create(
  { model: 'gpt-4o', messages: [] },
  { headers: { 'OpenAI-Project': 'proj_nutri' } },
);
`,
    expected: [
      {
        address: 'svc.ts:4:openai.chat.completions.create',
        type: 'openai:chat.completions.create',
        attribution: 'project',
      },
    ],
  },
  {
    name: 'OpenAI (Node): defaultHeaders on the client count',
    file: 'svc.ts',
    source: `import OpenAI from 'openai';

const openai = new OpenAI({ defaultHeaders: { 'OpenAI-Project': 'proj_x' } });
await openai.images.generate({ prompt: 'a salad' });
`,
    expected: [
      {
        address: 'svc.ts:4:openai.images.generate',
        type: 'openai:images.generate',
        attribution: 'project',
      },
    ],
  },
];

openaiRows.push({
  name: 'Azure OpenAI: billed to the Azure resource, so its calls are not call-site resources',
  file: 'svc.py',
  source: `from openai import AzureOpenAI

client = AzureOpenAI(api_version="2024-06-01", azure_endpoint="https://x.openai.azure.com")
client.chat.completions.create(model="gpt-4o", ${chat})
`,
  expected: [],
});

const anthropicRows: Row[] = [
  {
    name: 'Anthropic: metadata with user_id counts',
    file: 'svc.py',
    source: `import anthropic

client = anthropic.Anthropic()
client.messages.create(model="claude-sonnet-4-5", max_tokens=100, messages=[], metadata={"user_id": "svc-meal"})
`,
    expected: [
      {
        address: 'svc.py:4:anthropic.messages.create',
        type: 'anthropic:messages.create',
        attribution: 'metadata',
        tags: { user_id: 'svc-meal' },
      },
    ],
  },
  {
    name: 'Anthropic (Node): no metadata is missing attribution',
    file: 'svc.ts',
    source: `import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic();
await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 100, messages: [] });
`,
    expected: [
      {
        address: 'svc.ts:4:anthropic.messages.create',
        type: 'anthropic:messages.create',
        attribution: 'missing',
      },
    ],
  },
];

const profile = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123';

const bedrockRows: Row[] = [
  {
    name: 'Bedrock: invoke_model with an application inference profile ARN is attributed',
    file: 'svc.py',
    source: `import boto3

brt = boto3.client("bedrock-runtime")
brt.invoke_model(modelId="${profile}", body="{}")
`,
    expected: [
      {
        address: 'svc.py:4:bedrock-runtime.invoke_model',
        type: 'aws:bedrock-runtime:invoke_model',
        attribution: 'inference-profile',
      },
    ],
  },
  {
    name: 'Bedrock: invoke_model with a bare model id is missing attribution',
    file: 'svc.py',
    source: `import boto3

brt = boto3.client("bedrock-runtime")
brt.invoke_model(modelId="anthropic.claude-3-haiku-20240307-v1:0", body="{}")
`,
    expected: [
      {
        address: 'svc.py:4:bedrock-runtime.invoke_model',
        type: 'aws:bedrock-runtime:invoke_model',
        attribution: 'missing',
      },
    ],
  },
  {
    name: 'Bedrock: a system inference profile (not an application one) is missing attribution',
    file: 'svc.py',
    source: `import boto3

brt = boto3.client("bedrock-runtime")
brt.converse(modelId="us.anthropic.claude-3-haiku-20240307-v1:0", messages=[])
`,
    expected: [
      {
        address: 'svc.py:4:bedrock-runtime.converse',
        type: 'aws:bedrock-runtime:converse',
        attribution: 'missing',
      },
    ],
  },
  {
    name: 'Bedrock: Converse requestMetadata counts as metadata',
    file: 'svc.py',
    source: `import boto3

brt = boto3.client("bedrock-runtime")
brt.converse(modelId="amazon.nova-lite-v1:0", messages=[], requestMetadata={"team": "nutri"})
`,
    expected: [
      {
        address: 'svc.py:4:bedrock-runtime.converse',
        type: 'aws:bedrock-runtime:converse',
        attribution: 'metadata',
        tags: { team: 'nutri' },
      },
    ],
  },
  {
    name: 'Bedrock (Node): InvokeModelCommand with a profile ARN held in a constant',
    file: 'svc.ts',
    source: `import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const MODEL = '${profile}';
const client = new BedrockRuntimeClient({});
await client.send(new InvokeModelCommand({ modelId: MODEL, body: '{}' }));
`,
    expected: [
      {
        address: 'svc.ts:5:bedrock-runtime.invoke_model',
        type: 'aws:bedrock-runtime:invoke_model',
        attribution: 'inference-profile',
      },
    ],
  },
  {
    name: 'Bedrock: the Anthropic Bedrock client is judged as Bedrock, by its model',
    file: 'svc.py',
    source: `from anthropic import AnthropicBedrock

client = AnthropicBedrock()
client.messages.create(model="anthropic.claude-3-5-sonnet-20241022-v2:0", max_tokens=10, messages=[])
`,
    expected: [
      {
        address: 'svc.py:4:bedrock-runtime.messages.create',
        type: 'aws:bedrock-runtime:messages.create',
        attribution: 'missing',
      },
    ],
  },
];

const unknownRows: Row[] = [
  {
    name: '**kwargs into an OpenAI request: user or metadata may be inside',
    file: 'svc.py',
    source: `${openaiPy}client = OpenAI()

def ask(**kwargs):
    return client.chat.completions.create(model="gpt-4o", **kwargs)
`,
    expected: [
      {
        address: 'svc.py:6:openai.chat.completions.create',
        type: 'openai:chat.completions.create',
        attribution: 'unknown',
        unresolved: 'its attribution is not known statically: `**kwargs`',
      },
    ],
  },
  {
    name: 'a client handed in as a parameter: its project cannot be seen',
    file: 'svc.py',
    source: `import openai

def ask(client: openai.OpenAI):
    return client.chat.completions.create(model="gpt-4o", messages=[])
`,
    expected: [
      {
        address: 'svc.py:4:openai.chat.completions.create',
        type: 'openai:chat.completions.create',
        attribution: 'unknown',
        unresolved:
          'its attribution is not known statically: the client is not constructed in this file',
      },
    ],
  },
  {
    name: 'a spread of a request from elsewhere (Node)',
    file: 'svc.ts',
    source: `import Anthropic from '@anthropic-ai/sdk';
import { defaults } from './defaults';

const anthropic = new Anthropic();
await anthropic.messages.create({ ...defaults, messages: [] });
`,
    expected: [
      {
        address: 'svc.ts:5:anthropic.messages.create',
        type: 'anthropic:messages.create',
        attribution: 'unknown',
        unresolved: 'its attribution is not known statically: `...defaults`',
      },
    ],
  },
  {
    name: 'a Bedrock model id from the environment',
    file: 'svc.py',
    source: `import os
import boto3

boto3.client("bedrock-runtime").invoke_model(modelId=os.environ["MODEL_ID"], body="{}")
`,
    expected: [
      {
        address: 'svc.py:4:bedrock-runtime.invoke_model',
        type: 'aws:bedrock-runtime:invoke_model',
        attribution: 'unknown',
        unresolved:
          'its attribution is not known statically: the model id comes from the environment ' +
          'variable `MODEL_ID`',
      },
    ],
  },
  {
    name: 'an unknown project does not matter when a request user is present',
    file: 'svc.py',
    source: `import openai

def ask(client: openai.OpenAI):
    return client.chat.completions.create(model="gpt-4o", messages=[], user="svc")
`,
    expected: [
      {
        address: 'svc.py:4:openai.chat.completions.create',
        type: 'openai:chat.completions.create',
        attribution: 'user',
      },
    ],
  },
];

describe.each([
  ['OpenAI', openaiRows],
  ['Anthropic', anthropicRows],
  ['Bedrock', bedrockRows],
  ['attribution that cannot be known', unknownRows],
])('%s', (_family, rows) => {
  test.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const resources = await resourcesOf(row.file, row.source);
    expect(resources.map(attributionOf)).toEqual(row.expected);
  });
});

describe('the policy decides which mechanisms count', () => {
  const source = `${openaiPy}client = OpenAI(project="proj_nutri")
client.chat.completions.create(model="gpt-4o", ${chat})
`;

  test.each([
    ['project accepted', '[project, user]', 'project'],
    ['only user accepted: the project does not count', '[user]', 'missing'],
    ['an empty list: OpenAI calls are not judged', '[]', 'not-required'],
  ])('%s', async (_name, mechanisms, expected) => {
    const policy = policyOf(`version: 1\nattribution:\n  openai: ${mechanisms}\n`);
    const [resource] = await resourcesOf('svc.py', source, policy);
    expect(resource?.attributes?.['attribution']).toBe(expected);
  });

  test('without an attribution section no family is judged', async () => {
    const [resource] = await resourcesOf('svc.py', source, policyOf('version: 1\n'));
    expect(resource?.attributes).toMatchObject({
      attribution: 'not-required',
      family: 'openai',
      model: 'gpt-4o',
      project: 'proj_nutri',
    });
  });
});
