// The meal coach: answers questions about a logged meal. OpenAI drafts the answer, Claude on
// Bedrock checks it against the user's dietary rules, and embeddings find similar meals.
import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';

const openai = new OpenAI({ project: 'proj_nutrition_coach' });
const anthropic = new Anthropic();
const bedrock = new BedrockRuntimeClient({ region: 'eu-west-1' });

/** The application inference profile the platform team tagged for the meal coach. */
const COACH_PROFILE =
  'arn:aws:bedrock:eu-west-1:123456789012:application-inference-profile/meal-coach-prod';

export interface Meal {
  readonly userId: string;
  readonly description: string;
}

export async function draftAnswer(meal: Meal, question: string): Promise<string> {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    user: meal.userId,
    messages: [
      { role: 'system', content: 'You are a nutrition coach. Be brief and concrete.' },
      { role: 'user', content: `${meal.description}\n\n${question}` },
    ],
  });
  return completion.choices[0]?.message.content ?? '';
}

export async function checkAgainstRules(answer: string, rules: string): Promise<boolean> {
  const response = await bedrock.send(
    new InvokeModelCommand({
      modelId: COACH_PROFILE,
      contentType: 'application/json',
      body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 64, messages: [
        { role: 'user', content: `Rules: ${rules}\nAnswer: ${answer}\nReply OK or VIOLATION.` },
      ] }),
    }),
  );
  return new TextDecoder().decode(response.body).includes('OK');
}

export async function summarizeWeek(meals: readonly Meal[]): Promise<string> {
  // Added during a hackathon: a second provider, called without any attribution.
  const message = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 512,
    messages: [{ role: 'user', content: meals.map((meal) => meal.description).join('\n') }],
  });
  const first = message.content[0];
  return first?.type === 'text' ? first.text : '';
}

export async function classifyQuickly(text: string): Promise<string> {
  // A cheaper model for triage, invoked by its bare model id: the spend lands untagged.
  const response = await bedrock.send(
    new InvokeModelCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      contentType: 'application/json',
      body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 8, messages: [
        { role: 'user', content: `Classify as meal, workout or other: ${text}` },
      ] }),
    }),
  );
  return new TextDecoder().decode(response.body);
}

export async function similarMeals(client: OpenAI, description: string): Promise<number[]> {
  const embedding = await client.embeddings.create({
    model: 'text-embedding-3-small',
    input: description,
  });
  return embedding.data[0]?.embedding ?? [];
}
