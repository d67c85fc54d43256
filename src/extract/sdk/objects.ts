import type { Node } from 'web-tree-sitter';
import {
  aiClientClasses,
  findSageMakerClass,
  sageMakerModelFactories,
  serviceOfPackage,
} from '../../catalog/sdk/index.js';
import { callArguments } from './arguments.js';
import { usesAwsSdk } from './receivers.js';
import type { Scope } from './facts.js';
import { excerpt, unknown, type SdkObject, type StaticValue } from './static-value.js';
import {
  calleeOf,
  memberChain,
  namedChildrenOf,
  objectOf,
  stringLiteral,
  typeOf,
} from './syntax.js';
import { deeper, evaluate, type EvalContext } from './values.js';

/**
 * What a call evaluates to: an SDK client or object when the call constructs one
 * (`boto3.client("ec2")`, `OpenAI(project=...)`, `new EC2Client({})`, `Estimator(...)`), an
 * environment lookup, a `dict(...)`, or the client a helper function in the same file returns.
 */
export function interpretCall(call: Node, context: EvalContext): StaticValue {
  const callee = calleeOf(call);
  if (!callee) return unknown(`\`${excerpt(call)}\``);
  const { segments } = memberChain(callee);
  const method = segments.at(-1);

  if (method === 'client' || method === 'resource') {
    const service = serviceArgument(call);
    if (service && usesAwsSdk(context.facts)) {
      const object: SdkObject =
        method === 'client' ? { kind: 'aws-client', service } : { kind: 'aws-resource', service };
      return { kind: 'object', object };
    }
  }

  const target = evaluate(callee, context);
  if (target.kind === 'module') return fromModule(target, call, context);
  if (method && typeOf(callee) !== 'identifier') {
    const receiver = objectOf(callee);
    const owner = receiver ? evaluate(receiver, context) : undefined;
    const fromObject =
      owner?.kind === 'object' ? fromObjectMethod(owner.object, method, call, context) : undefined;
    if (fromObject) return fromObject;
  }
  return fromHelper(callee, call, context);
}

function serviceArgument(call: Node): string | null {
  const args = namedChildrenOf(call.childForFieldName('arguments') ?? call);
  const keyword = args.find(
    (arg) =>
      typeOf(arg) === 'keyword_argument' && arg.childForFieldName('name')?.text === 'service_name',
  );
  const node = keyword ? keyword.childForFieldName('value') : args[0];
  return node ? stringLiteral(node) : null;
}

function fromModule(
  target: Extract<StaticValue, { kind: 'module' }>,
  call: Node,
  context: EvalContext,
): StaticValue {
  const { module, path } = target;
  const name = path.at(-1) ?? 'default';
  const client = aiClientClasses.find(
    (entry) => entry.modules.includes(module) && entry.names.includes(name),
  );
  if (client) {
    const { keywords } = callArguments(call, context);
    return {
      kind: 'object',
      object: { kind: 'ai-client', client: client.client, options: keywords },
    };
  }
  const service = serviceOfPackage(module);
  if (service && !name.endsWith('Command')) {
    return { kind: 'object', object: { kind: 'aws-client', service } };
  }
  if (module.startsWith('sagemaker')) {
    const className = name === 'attach' ? (path.at(-2) ?? '') : name;
    const entry = findSageMakerClass(className);
    if (entry && (name === className || name === 'attach')) {
      return { kind: 'object', object: { kind: 'sagemaker', className, role: entry.role } };
    }
  }
  if (module === 'os' && (name === 'getenv' || (name === 'get' && path.at(-2) === 'environ'))) {
    const variable = callArguments(call, context).positional[0];
    const label = variable?.value.kind === 'text' ? variable.value.value : '?';
    return unknown(`the environment variable \`${label}\``);
  }
  return unknown(`the result of \`${excerpt(call)}\``);
}

function fromObjectMethod(
  object: SdkObject,
  method: string,
  call: Node,
  context: EvalContext,
): StaticValue | undefined {
  if (object.kind === 'sagemaker' && sageMakerModelFactories.includes(method)) {
    return { kind: 'object', object: { kind: 'sagemaker', className: 'Model', role: 'model' } };
  }
  if (object.kind === 'aws-resource') {
    const identity = callArguments(call, context).positional[0];
    return {
      kind: 'object',
      object: { kind: 'aws-resource-object', service: object.service, api: method, identity },
    };
  }
  return undefined;
}

/** A client built by a function of the same file with a single `return` (or arrow body). */
function fromHelper(callee: Node, call: Node, context: EvalContext): StaticValue {
  if (
    typeOf(callee) === 'identifier' &&
    callee.text === 'dict' &&
    context.facts.grammar === 'python'
  ) {
    return callArguments(call, context).keywords;
  }
  const { segments, base } = memberChain(callee);
  const name = segments.length === 0 ? base.text : segments.at(-1);
  const candidates = name ? context.facts.functionsNamed(name) : [];
  for (const scope of candidates) {
    const value = helperResult(scope, context);
    if (value?.kind === 'object') return value;
  }
  return unknown(`the result of \`${excerpt(call)}\``);
}

/**
 * What a helper returns, evaluated once per file: the returned expression is read in the
 * helper's own scope, whoever calls it. A helper reached again while its own value is being
 * worked out (two helpers calling each other) gives nothing.
 */
function helperResult(scope: Scope, context: EvalContext): StaticValue | undefined {
  const { helperResults } = context.facts;
  const known = helperResults.get(scope.id);
  if (known !== undefined) return known === 'pending' ? undefined : known;
  const returned = returnedExpression(scope);
  if (!returned) return undefined;
  helperResults.set(scope.id, 'pending');
  const value = evaluate(returned, deeper(context, scope.id, returned.startIndex));
  helperResults.set(scope.id, value);
  return value;
}

function returnedExpression(scope: Scope): Node | null {
  const body = scope.node.childForFieldName('body');
  if (!body) return null;
  if (typeOf(body) !== 'block' && typeOf(body) !== 'statement_block') return body;
  const returns = namedChildrenOf(body).filter(
    (statement) => typeOf(statement) === 'return_statement',
  );
  return returns.length === 1 ? (returns[0]?.namedChildren[0] ?? null) : null;
}
