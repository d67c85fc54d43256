import type { Node } from 'web-tree-sitter';
import {
  boto3ResourceMethods,
  boto3ResourceObjects,
  findCommand,
  findCreateOperation,
  findSageMakerClass,
  findTaggingOperation,
  sdkCallNames,
  serviceOfPackage,
  type AwsCreateOperation,
  type AwsTaggingOperation,
  type SageMakerClass,
} from '../../catalog/sdk/index.js';
import { callArguments, type CallArguments } from './arguments.js';
import { findAiCall, type AiCallSite } from './ai-calls.js';
import type { CallSite, FileFacts } from './facts.js';
import { guessService, usesAwsSdk, operationName } from './receivers.js';
import type { Located, SdkObject } from './static-value.js';
import { memberChain, typeOf } from './syntax.js';
import { evaluate, type EvalContext } from './values.js';

/** A call that creates an AWS resource, with its request as far as it is known. */
export interface CreateCall {
  readonly kind: 'create';
  readonly site: CallSite;
  readonly operation: AwsCreateOperation;
  readonly args: CallArguments;
  /** The name given outside the request (`s3.Bucket(name).create()`), for tagging calls. */
  readonly identity?: Located;
}

/** A call that tags something an earlier call created. */
export interface TaggingCall {
  readonly kind: 'tagging';
  readonly site: CallSite;
  readonly operation: AwsTaggingOperation;
  readonly args: CallArguments;
}

/** A SageMaker Python SDK estimator/processor construction or a `deploy()`. */
export interface SageMakerCall {
  readonly kind: 'sagemaker';
  readonly site: CallSite;
  readonly entry: SageMakerClass;
  /** `deploy` for a model's deploy(), else the class is being constructed. */
  readonly usage: 'construct' | 'deploy';
  readonly args: CallArguments;
}

/** Every call the SDK extractor understands. */
export type SdkCall = CreateCall | TaggingCall | SageMakerCall | AiCallSite;

const DEPLOY_HINTS = [
  'instance_type',
  'initial_instance_count',
  'serverless_inference_config',
  'endpoint_name',
];

/** Recognises the SDK calls among a file's calls, in source order. */
export function classifyCalls(facts: FileFacts): SdkCall[] {
  const found: SdkCall[] = [];
  const awsFile = usesAwsSdk(facts);
  for (const site of candidateCalls(facts)) {
    const context: EvalContext = {
      facts,
      scope: site.scope,
      index: site.node.startIndex,
      depth: 0,
    };
    const call = site.constructs
      ? classifyCommand(site, context)
      : classifyCall(site, context, awsFile);
    if (call) found.push(call);
  }
  return found;
}

/**
 * The calls that may be SDK calls, found from the text: a callee ending with a name the
 * catalog knows (`run_instances`, `create`, `Estimator`) or a `...Command` class.
 */
function candidateCalls(facts: FileFacts): CallSite[] {
  return facts.callsNamed(sdkCallNames, 'Command');
}

function classifyCommand(site: CallSite, context: EvalContext): SdkCall | undefined {
  const constructor = site.constructs ? site.calleeNode : null;
  if (!constructor || !constructor.text.endsWith('Command')) return undefined;
  const target = evaluate(constructor, context);
  const service = target.kind === 'module' ? serviceOfPackage(target.module) : undefined;
  const name = target.kind === 'module' ? (target.path.at(-1) ?? '') : constructor.text;
  const command = findCommand(name, service);
  if (!command) return undefined;
  const args = callArguments(site.node, context);
  if (command.kind === 'tagging')
    return { kind: 'tagging', site, operation: command.operation, args };
  if (command.operation.invocation) {
    return {
      kind: 'ai',
      site,
      family: 'bedrock',
      path: snakeApi(command.operation),
      args,
      client: undefined,
      operation: command.operation,
    };
  }
  return { kind: 'create', site, operation: command.operation, args };
}

function snakeApi(operation: AwsCreateOperation): string {
  return operationName(operation.api);
}

function classifyCall(site: CallSite, context: EvalContext, awsFile: boolean): SdkCall | undefined {
  const callee = site.calleeNode;
  if (!callee) return undefined;
  const ai = findAiCall(site, callee, context);
  if (ai) return ai;
  if (
    typeOf(callee) === 'identifier' ||
    (typeOf(callee) === 'attribute' && context.facts.grammar === 'python')
  ) {
    const constructed = sageMakerConstruction(site, callee, context);
    if (constructed) return constructed;
  }
  // The chain was split by the classifiers above: its last name is the method.
  const { base, segments, nodes } = memberChain(callee);
  const method = segments.at(-1);
  const receiver = nodes.length > 1 ? nodes[nodes.length - 2] : base;
  if (method === undefined || !receiver) return undefined;
  const owner = evaluate(receiver, context);
  if (owner.kind === 'object') return onObject(site, owner.object, method, context);
  if (owner.kind !== 'unknown' || !awsFile) return undefined;
  return onUnknownReceiver(site, receiver, method, context);
}

function sageMakerConstruction(
  site: CallSite,
  callee: Node,
  context: EvalContext,
): SdkCall | undefined {
  const { segments, base } = memberChain(callee);
  const name = segments.at(-1) ?? base.text;
  const entry = findSageMakerClass(name);
  if (!entry || entry.role === 'model') return undefined;
  const target = evaluate(callee, context);
  if (target.kind !== 'module' || !target.module.startsWith('sagemaker')) return undefined;
  return {
    kind: 'sagemaker',
    site,
    entry,
    usage: 'construct',
    args: callArguments(site.node, context),
  };
}

function onObject(
  site: CallSite,
  object: SdkObject,
  method: string,
  context: EvalContext,
): SdkCall | undefined {
  switch (object.kind) {
    case 'aws-client':
      return onClient(site, object.service, operationName(method), context);
    case 'aws-resource': {
      const api = boto3ResourceMethods[object.service]?.[method];
      const operation = api ? findCreateOperation(object.service, operationName(api)) : undefined;
      return operation
        ? { kind: 'create', site, operation, args: callArguments(site.node, context) }
        : undefined;
    }
    case 'aws-resource-object': {
      const api =
        method === 'create' ? boto3ResourceObjects[object.service]?.[object.api] : undefined;
      const operation = api ? findCreateOperation(object.service, operationName(api)) : undefined;
      if (!operation) return undefined;
      const args = callArguments(site.node, context);
      return object.identity
        ? { kind: 'create', site, operation, args, identity: object.identity }
        : { kind: 'create', site, operation, args };
    }
    case 'sagemaker': {
      if (method !== 'deploy') return undefined;
      const entry = { name: object.className, role: 'model' as const };
      return {
        kind: 'sagemaker',
        site,
        entry,
        usage: 'deploy',
        args: callArguments(site.node, context),
      };
    }
    default:
      return undefined;
  }
}

function onClient(
  site: CallSite,
  service: string,
  method: string,
  context: EvalContext,
): SdkCall | undefined {
  const create = findCreateOperation(service, method);
  if (create?.invocation) {
    const args = callArguments(site.node, context);
    return {
      kind: 'ai',
      site,
      family: 'bedrock',
      path: method,
      args,
      client: undefined,
      operation: create,
    };
  }
  if (create)
    return { kind: 'create', site, operation: create, args: callArguments(site.node, context) };
  const tagging = findTaggingOperation(service, method);
  return tagging
    ? { kind: 'tagging', site, operation: tagging, args: callArguments(site.node, context) }
    : undefined;
}

function onUnknownReceiver(
  site: CallSite,
  receiver: Node,
  method: string,
  context: EvalContext,
): SdkCall | undefined {
  if (method === 'deploy') return unseenDeploy(site, context);
  const operation = operationName(method);
  const service = guessService(receiver, operation);
  return service ? onClient(site, service, operation, context) : undefined;
}

/** `estimator.deploy(1, "ml.m5.xlarge")` on an object from elsewhere, in a SageMaker file. */
function unseenDeploy(site: CallSite, context: EvalContext): SdkCall | undefined {
  const usesSageMaker = [...context.facts.imports().values()].some((binding) =>
    binding.module.startsWith('sagemaker'),
  );
  if (!usesSageMaker) return undefined;
  const args = callArguments(site.node, context);
  const keywords = args.keywords.kind === 'map' ? args.keywords.entries : new Map();
  const shaped =
    args.positional.length >= 2 ||
    DEPLOY_HINTS.some((hint) => keywords.has(hint)) ||
    keywords.has('tags');
  if (!shaped) return undefined;
  return { kind: 'sagemaker', site, entry: { name: '', role: 'model' }, usage: 'deploy', args };
}
