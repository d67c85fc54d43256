import type { Node } from 'web-tree-sitter';
import {
  distinctiveService,
  distinctiveTaggingService,
  findCreateOperation,
  findTaggingOperation,
  snakeCase,
} from '../../catalog/sdk/index.js';
import type { FileFacts } from './facts.js';
import { memberChain } from './syntax.js';

/** Words in a variable name that say which AWS service its client talks to. */
const SERVICE_WORDS: Readonly<Record<string, string>> = {
  ec2: 'ec2',
  sagemaker: 'sagemaker',
  sm: 'sagemaker',
  lambda: 'lambda',
  rds: 'rds',
  s3: 's3',
  dynamodb: 'dynamodb',
  ddb: 'dynamodb',
  dynamo: 'dynamodb',
  kms: 'kms',
  bedrock: 'bedrock',
};

/** The object a method runs on: its methods are the user's own, never an SDK client's. */
const RECEIVERS = new Set(['self', 'this', 'cls']);

/** Words that mark a variable as some SDK client, of a service its name does not say. */
const CLIENT_WORDS = new Set(['client', 'boto', 'boto3', 'conn', 'connection']);

/** `ec2Client` / `sagemaker_boto_client` / `self.sm_client` -> the words of its last name. */
function nameWords(receiver: Node): string[] {
  const { base, segments } = memberChain(receiver);
  const last = segments.at(-1) ?? base.text;
  return last
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * The service of a client that is not constructed where the call can see it (a parameter, an
 * attribute set elsewhere). First the receiver's name (`kms_client`, `sm`), when that service
 * has the method; then, for create operations only one service has (`run_instances`), the
 * method alone, when the name still says it is a client (`client`, `boto_client`). Returns
 * `undefined` when neither is conclusive, so the call is not reported.
 */
export function guessService(receiver: Node, method: string): string | undefined {
  if (RECEIVERS.has(receiver.text)) return undefined;
  const words = nameWords(receiver);
  const runtime = words.includes('bedrock') && words.includes('runtime');
  for (const word of words) {
    const service = runtime ? 'bedrock-runtime' : SERVICE_WORDS[word];
    if (
      service &&
      (findCreateOperation(service, method) || findTaggingOperation(service, method))
    ) {
      return service;
    }
  }
  if (!words.some((word) => CLIENT_WORDS.has(word))) return undefined;
  return distinctiveService(method) ?? distinctiveTaggingService(method);
}

/** The snake_case operation name of a method as boto3 (as is) or the JS SDK (camelCase) has it. */
export function operationName(method: string): string {
  return /[A-Z]/.test(method) ? snakeCase(method) : method;
}

/** Modules of the AWS SDKs for Python and JavaScript. */
const AWS_SDK_MODULE = /^(boto3|botocore|aioboto3|sagemaker|@aws-sdk\/)/;

/**
 * Whether the file uses an AWS SDK: it imports one, or builds a client with `.client("svc")`
 * (a session handed in from elsewhere). Only then is a client's service guessed.
 */
export function usesAwsSdk(facts: FileFacts): boolean {
  for (const binding of facts.imports().values()) {
    if (AWS_SDK_MODULE.test(binding.module)) return true;
  }
  return facts.callsNamed(CLIENT_FACTORIES).length > 0;
}

/** The boto3 session methods that build a client or a resource. */
const CLIENT_FACTORIES: ReadonlySet<string> = new Set(['client', 'resource']);
