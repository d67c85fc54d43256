import { aiCalls, aiClientClasses, transparentSegments } from './ai-calls.js';
import {
  awsCreateOperations,
  awsTaggingOperations,
  boto3ResourceMethods,
  boto3ResourceObjects,
} from './aws-operations.js';
import {
  sageMakerClasses,
  sageMakerModelFactories,
  sageMakerOperationByRole,
} from './sagemaker-sdk.js';
import type {
  AiCall,
  AwsCreateOperation,
  AwsTaggingOperation,
  SageMakerClass,
  SdkTypeFacts,
} from './types.js';

export type * from './types.js';
export { aiClientClasses, boto3ResourceMethods, boto3ResourceObjects, sageMakerOperationByRole };
export { sageMakerModelFactories, transparentSegments };

/** The boto3 method name of an API operation: `CreateDBInstance` -> `create_db_instance`. */
export function snakeCase(api: string): string {
  let snake = snakeNames.get(api);
  if (snake === undefined) {
    snake = api
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
      .toLowerCase();
    snakeNames.set(api, snake);
  }
  return snake;
}

/** Names already converted: the same few operations are looked up for every call. */
const snakeNames = new Map<string, string>();

const createByKey = new Map(
  awsCreateOperations.map((operation) => [
    `${operation.service}.${snakeCase(operation.api)}`,
    operation,
  ]),
);
const taggingByKey = new Map(
  awsTaggingOperations.map((operation) => [
    `${operation.service}.${snakeCase(operation.api)}`,
    operation,
  ]),
);

/** The create operation `method` (snake_case) of `service`, if the catalog knows it. */
export function findCreateOperation(
  service: string,
  method: string,
): AwsCreateOperation | undefined {
  return createByKey.get(`${service}.${method}`);
}

/** The tagging operation `method` (snake_case) of `service`, if the catalog knows it. */
export function findTaggingOperation(
  service: string,
  method: string,
): AwsTaggingOperation | undefined {
  return taggingByKey.get(`${service}.${method}`);
}

/** The service of a distinctive create operation, for a call whose client is not visible. */
export function distinctiveService(method: string): string | undefined {
  const found = awsCreateOperations.filter(
    (operation) => operation.distinctive === true && snakeCase(operation.api) === method,
  );
  return found.length === 1 ? found[0]?.service : undefined;
}

/** The service of a distinctive tagging operation (`create_tags` is EC2's alone). */
export function distinctiveTaggingService(method: string): string | undefined {
  const found = awsTaggingOperations.filter(
    (operation) => operation.distinctive === true && snakeCase(operation.api) === method,
  );
  return found.length === 1 ? found[0]?.service : undefined;
}

/**
 * The operation behind a JS SDK v3 command class (`RunInstancesCommand`), within `service` when
 * the import says which package it came from, else only when one service has that command.
 */
export function findCommand(
  commandName: string,
  service: string | undefined,
):
  | { readonly kind: 'create'; readonly operation: AwsCreateOperation }
  | { readonly kind: 'tagging'; readonly operation: AwsTaggingOperation }
  | undefined {
  if (!commandName.endsWith('Command')) return undefined;
  const api = commandName.slice(0, -'Command'.length);
  const matches = (operation: { service: string; api: string }): boolean =>
    operation.api === api && (service === undefined || operation.service === service);
  const creates = awsCreateOperations.filter(matches);
  const taggings = awsTaggingOperations.filter(matches);
  if (creates.length + taggings.length !== 1) return undefined;
  if (creates[0]) return { kind: 'create', operation: creates[0] };
  return taggings[0] ? { kind: 'tagging', operation: taggings[0] } : undefined;
}

/** The boto3 service of a JS SDK v3 package (`@aws-sdk/client-bedrock-runtime`). */
export function serviceOfPackage(moduleName: string): string | undefined {
  const match = /^@aws-sdk\/client-([a-z0-9-]+)$/.exec(moduleName);
  return match?.[1];
}

const sageMakerByName = new Map(sageMakerClasses.map((entry) => [entry.name, entry]));

/** A SageMaker Python SDK class by name. */
export function findSageMakerClass(name: string): SageMakerClass | undefined {
  return sageMakerByName.get(name);
}

const aiCallByKey = new Map(aiCalls.map((call) => [`${call.family}:${call.path}`, call]));

/** A billable AI call of `family` at `path` (already snake_case, wrappers removed). */
export function findAiCall(family: 'openai' | 'anthropic', path: string): AiCall | undefined {
  return aiCallByKey.get(`${family}:${path}`);
}

/** The most names a billable call's path has (`fine_tuning.jobs.create` has 3). */
export const longestAiCallPath = Math.max(...aiCalls.map((call) => call.path.split('.').length));

/** Whether some family has a billable call at `path`. */
export function isAiCallPath(path: string): boolean {
  return aiCallByKey.has(`openai:${path}`) || aiCallByKey.has(`anthropic:${path}`);
}

/** Every resource type of an AI model call: the types the `attribution` key applies to. */
export const aiCallTypes: readonly string[] = [
  ...aiCalls.map((call) => `${call.family}:${call.path}`),
  ...aiCalls
    .filter((call) => call.family === 'anthropic')
    .map((call) => `aws:bedrock-runtime:${call.path}`),
  ...awsCreateOperations
    .filter((operation) => operation.invocation)
    .map((operation) => `aws:${operation.service}:${snakeCase(operation.api)}`),
];

const aiTypeSet = new Set(aiCallTypes);

/**
 * What the catalog knows about a type the SDK extractor emits (`aws:ec2:run_instances`,
 * `openai:chat.completions.create`); `undefined` for a type it never emits.
 */
export function describeSdkType(type: string): SdkTypeFacts | undefined {
  if (aiTypeSet.has(type)) return { costBearing: true, taggable: true };
  const match = /^aws:([a-z0-9-]+):([a-z0-9_]+)$/.exec(type);
  if (!match?.[1] || !match[2]) return undefined;
  const operation = findCreateOperation(match[1], match[2]);
  return operation ? { costBearing: operation.costBearing, taggable: true } : undefined;
}

function lowerCamel(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * Every method or class name a call the catalog knows ends with (`run_instances`,
 * `runInstances`, `create`, `deploy`, `Estimator`...): a cheap first filter over all calls.
 */
export const sdkCallNames: ReadonlySet<string> = new Set(
  [
    ...[...awsCreateOperations, ...awsTaggingOperations].map((operation) =>
      snakeCase(operation.api),
    ),
    ...Object.values(boto3ResourceMethods).flatMap((methods) => Object.keys(methods)),
    ...aiCalls.map((call) => call.path.split('.').at(-1) ?? ''),
    ...sageMakerClasses.map((entry) => entry.name),
    'create',
    'deploy',
  ].flatMap((name) => [name, lowerCamel(name)]),
);
