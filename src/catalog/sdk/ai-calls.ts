import type { AiCall } from './types.js';

const openai = (path: string): AiCall => ({ family: 'openai', path });
const anthropic = (path: string): AiCall => ({ family: 'anthropic', path });

/**
 * Billable AI API methods, as paths below the client. Free calls (listing models, moderations,
 * retrieving a job) are left out: they cost nothing to attribute.
 */
export const aiCalls: readonly AiCall[] = [
  openai('chat.completions.create'),
  openai('chat.completions.parse'),
  openai('chat.completions.stream'),
  openai('responses.create'),
  openai('responses.parse'),
  openai('responses.stream'),
  openai('completions.create'),
  openai('embeddings.create'),
  openai('images.generate'),
  openai('images.edit'),
  openai('images.create_variation'),
  openai('audio.speech.create'),
  openai('audio.transcriptions.create'),
  openai('audio.translations.create'),
  openai('fine_tuning.jobs.create'),
  openai('batches.create'),
  anthropic('messages.create'),
  anthropic('messages.stream'),
  anthropic('messages.parse'),
  anthropic('messages.batches.create'),
  anthropic('completions.create'),
];

/**
 * Segments that wrap a method without changing what it bills: `client.beta.chat...`,
 * `client.chat.completions.with_raw_response.create(...)`.
 */
export const transparentSegments: ReadonlySet<string> = new Set([
  'beta',
  'with_raw_response',
  'with_streaming_response',
]);

/** Client classes, by the module they are imported from. */
export const aiClientClasses: readonly {
  readonly modules: readonly string[];
  readonly names: readonly string[];
  readonly client: 'openai' | 'azure-openai' | 'anthropic' | 'anthropic-bedrock';
}[] = [
  {
    modules: ['openai'],
    names: ['OpenAI', 'AsyncOpenAI', 'default'],
    client: 'openai',
  },
  // Azure OpenAI is billed to the Azure resource that hosts the deployment: its tags are
  // checked where that resource is declared, so calls through these clients are not judged.
  { modules: ['openai'], names: ['AzureOpenAI', 'AsyncAzureOpenAI'], client: 'azure-openai' },
  {
    modules: ['anthropic', '@anthropic-ai/sdk'],
    names: ['Anthropic', 'AsyncAnthropic', 'default'],
    client: 'anthropic',
  },
  {
    modules: ['anthropic', '@anthropic-ai/bedrock-sdk'],
    names: ['AnthropicBedrock', 'AsyncAnthropicBedrock', 'default'],
    client: 'anthropic-bedrock',
  },
];
