import { isSeq, type Node } from 'yaml';
import { scalarText, stringEntries } from './parse.js';
import type { ResolveScope } from './scope.js';
import { describeExpression, resolveList } from './values.js';

/**
 * The resource declarations of a template, with `Fn::ForEach` loops (the
 * `AWS::LanguageExtensions` transform) expanded where their collection is fixed by the template
 * (a literal list, a list parameter with a default, a mapping entry with known keys). A loop
 * over a collection only the deployment knows is not expanded: the user gets a notice saying
 * which loop's resources were not checked.
 */

const FOR_EACH_PREFIX = 'Fn::ForEach::';

/** One resource as declared: its logical id, the key node it is written at, and its body. */
export interface ResourceDeclaration {
  readonly logicalId: string;
  readonly keyNode: Node;
  readonly body: unknown;
  /** The scope to resolve this resource's values in (loop variables bound). */
  readonly scope: ResolveScope;
}

/** Lists the resources under `Resources`, expanding `Fn::ForEach` loops where possible. */
export function declaredResources(
  resources: unknown,
  scope: ResolveScope,
  notices: string[],
): ResourceDeclaration[] {
  const declarations: ResourceDeclaration[] = [];
  for (const { key, keyNode, value } of stringEntries(scope.template.deref(resources))) {
    if (key.startsWith(FOR_EACH_PREFIX)) {
      expandLoop(key, keyNode, value, scope, notices, declarations);
    } else {
      declarations.push({
        logicalId: substitute(key, scope.bindings),
        keyNode,
        body: value,
        scope,
      });
    }
  }
  return declarations;
}

function expandLoop(
  loopKey: string,
  keyNode: Node,
  value: unknown,
  scope: ResolveScope,
  notices: string[],
  into: ResourceDeclaration[],
): void {
  const template = scope.template;
  const line = template.lineOf(keyNode);
  const loop = template.deref(value);
  const identifier = isSeq(loop) ? scalarText(template.deref(loop.items[0])) : undefined;
  if (!isSeq(loop) || loop.items.length !== 3 || !identifier) {
    notices.push(`${loopKey} at line ${line} is not [identifier, collection, resources]; skipped`);
    return;
  }

  const collection = resolveList(loop.items[1], scope);
  if (!collection || collection.some((item) => item === null)) {
    const expression = describeExpression(template.deref(loop.items[1]));
    notices.push(
      `${loopKey} at line ${line} loops over ${expression}, which is only known when the ` +
        'stack is deployed; the resources it creates are not checked',
    );
    return;
  }
  for (const item of collection) {
    const bindings = new Map(scope.bindings).set(identifier, item ?? '');
    into.push(...declaredResources(loop.items[2], { ...scope, bindings }, notices));
  }
}

/** Replaces `${Name}` with a loop value and `&{Name}` with its letters and digits only. */
function substitute(logicalId: string, bindings: ReadonlyMap<string, string>): string {
  if (bindings.size === 0) return logicalId;
  return logicalId.replace(/([$&])\{([^}]+)\}/g, (whole, sign: string, name: string) => {
    const value = bindings.get(name);
    if (value === undefined) return whole;
    return sign === '$' ? value : value.replace(/[^A-Za-z0-9]/g, '');
  });
}
