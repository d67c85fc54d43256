import type { Extraction, InputError, Notice, Resource } from '../../model.js';
import { fileInScope } from '../../policy/scope.js';
import type { Scope } from '../../policy/types.js';
import type { ClaimedFile, ExtractContext, Extractor } from '../types.js';
import { attributionPolicy, type AttributionPolicy } from './attribution-policy.js';
import { classifyCalls } from './calls.js';
import { FileFacts } from './facts.js';
import { grammarFor, parseSource } from './parser.js';
import { resourcesOf } from './resources.js';

/** A cheap textual sign that a file may call an SDK this extractor knows. */
const SDK_HINT = /boto3|botocore|sagemaker|@aws-sdk\/|openai|anthropic/i;

/** Files whose syntax errors cover more than this share of the text are reported unusable. */
const UNUSABLE_ERROR_SHARE = 0.5;

const SDK_PROVIDERS = ['aws', 'openai', 'anthropic'];

/**
 * Reads Python, JavaScript and TypeScript code for calls that create cloud resources or spend
 * on AI APIs (boto3, the SageMaker Python SDK, the AWS SDK for JavaScript v3, OpenAI,
 * Anthropic, Bedrock) and returns one resource per call site, with the tags the call sets.
 */
export const sdkExtractor: Extractor = {
  name: 'sdk',

  claim(file, text) {
    if (file.kind !== 'code' || file.file.endsWith('.d.ts')) return false;
    return grammarFor(file.file) !== undefined && SDK_HINT.test(text);
  },

  async extract(files, context) {
    const scope = context.policy.scope;
    const resources: Resource[] = [];
    const errors: InputError[] = [];
    const notices: Notice[] = [];
    if (!coversSdkProviders(scope) || !coversSdkTypes(scope)) return { resources, errors, notices };
    const attribution = attributionPolicy(context.policy);
    for (const file of files) {
      if (!fileInScope(scope, file.file)) continue;
      const extraction = await extractFile(file, attribution);
      resources.push(
        ...extraction.resources.filter((resource) => providerInScope(scope, resource)),
      );
      errors.push(...extraction.errors);
      notices.push(...extraction.notices);
    }
    return { resources, errors, notices };
  },
};

/** Extracts one file; a file that cannot be parsed becomes an input error, never a crash. */
export async function extractFile(
  file: ClaimedFile,
  attribution: AttributionPolicy,
): Promise<Extraction> {
  const grammar = grammarFor(file.file);
  if (!grammar) return { resources: [], errors: [], notices: [] };
  const tree = await parseSource(file.text, grammar);
  try {
    const facts = new FileFacts(grammar, file.text, tree);
    const unusable = unusableError(file, facts);
    if (unusable) return { resources: [], errors: [unusable], notices: [] };
    const resources = resourcesOf(file.file, classifyCalls(facts), facts, attribution);
    return { resources, errors: [], notices: partialParseNotice(file, facts) };
  } finally {
    tree.delete();
  }
}

function unusableError(file: ClaimedFile, facts: FileFacts): InputError | undefined {
  const errors = facts.errors();
  if (errors.count === 0 || errors.chars <= file.text.length * UNUSABLE_ERROR_SHARE) {
    return undefined;
  }
  return {
    file: file.file,
    line: errors.firstLine,
    message:
      `${file.file}:${errors.firstLine}: cannot parse this ${facts.grammar} file ` +
      `(syntax errors cover most of it); its SDK calls were not checked`,
  };
}

function partialParseNotice(file: ClaimedFile, facts: FileFacts): Notice[] {
  const errors = facts.errors();
  if (errors.count === 0) return [];
  return [
    {
      file: file.file,
      message:
        `${file.file}:${errors.firstLine}: syntax error; SDK calls inside the ` +
        `${errors.count} unparsable region(s) may be missed`,
    },
  ];
}

function coversSdkProviders(scope: Scope): boolean {
  return scope.providers.length === 0 || scope.providers.some((p) => SDK_PROVIDERS.includes(p));
}

/** A policy that lists resource types covers call sites only through `provider:` patterns. */
function coversSdkTypes(scope: Scope): boolean {
  if (!Array.isArray(scope.resources)) return true;
  return scope.resources.some((pattern) => pattern.includes(':') || /^[*?[]/.test(pattern));
}

function providerInScope(scope: Scope, resource: Resource): boolean {
  return scope.providers.length === 0 || scope.providers.includes(resource.provider);
}

export type { ExtractContext };
