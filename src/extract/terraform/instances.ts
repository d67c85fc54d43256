import type { Body } from './hcl/ast.js';
import { evaluate, type Env } from './eval/evaluate.js';
import { elementsOf } from './eval/for-expression.js';
import { asText, mapValue, unknown, type Entry, type Value } from './eval/value.js';
import type { ParsedFile } from './parse-file.js';
import { writtenAs } from './tags.js';

/** One instance of a resource block: its address suffix and the `each` / `count` it sees. */
export interface Instance {
  /** `''` for the block as a whole, `[0]` or `["key"]` for one instance. */
  readonly suffix: string;
  readonly bindings: ReadonlyMap<string, Value>;
}

/** Beyond this many instances a block is judged once, as a whole. */
const MAX_INSTANCES = 256;

/**
 * The instances of a resource block whose `count` or `for_each` is known, with Terraform's
 * instance keys. A block without either, with an unknown collection, or with too many
 * instances is one whole instance, where `each` / `count` are unknown with the reason. A
 * known zero or empty collection gives no instance when `skipEmpty` is set (inside a called
 * module, whose inputs decide it); in a root module it comes from variable defaults that
 * `.tfvars` files commonly change, so the block is judged as a whole.
 */
export function resourceInstances(
  body: Body,
  env: Env,
  file: ParsedFile,
  skipEmpty: boolean,
): readonly Instance[] {
  const count = body.attributes.get('count');
  const forEach = body.attributes.get('for_each');
  const meta = count ?? forEach;
  if (!meta) return [{ suffix: '', bindings: env.bindings }];
  const value = evaluate(meta.expr, env);
  const instances = meta === count ? countInstances(value, env) : forEachInstances(value, env);
  if (instances && (instances.length > 0 || skipEmpty)) return instances;
  const written = writtenAs(meta.name, meta.expr, file);
  const reason = value.kind === 'unknown' ? value.reason : emptyOrLarge(value);
  const bindings = new Map(env.bindings);
  bindings.set(meta === count ? 'count' : 'each', unknown(`${written}: ${reason}`));
  return [{ suffix: '', bindings }];
}

function emptyOrLarge(value: Value): string {
  if ((value.kind === 'map' || value.kind === 'list') && value.partial) return value.partial;
  return 'no single instance is known';
}

function countInstances(count: Value, env: Env): Instance[] | undefined {
  if (count.kind !== 'number' || count.value > MAX_INSTANCES) return undefined;
  return Array.from({ length: Math.max(0, Math.floor(count.value)) }, (_, position) => {
    const bindings = new Map(env.bindings);
    const index = new Map<string, Entry>([
      ['index', { value: { kind: 'number', value: position } }],
    ]);
    bindings.set('count', mapValue(index));
    return { suffix: `[${position}]`, bindings };
  });
}

function forEachInstances(collection: Value, env: Env): Instance[] | undefined {
  if ((collection.kind === 'map' || collection.kind === 'list') && collection.partial) {
    return undefined;
  }
  const elements = elementsOf(collection);
  if (!elements || elements.length > MAX_INSTANCES) return undefined;
  const instances: Instance[] = [];
  for (const element of elements) {
    // A set's elements are their own keys.
    const key = collection.kind === 'list' ? asText(element.value) : asText(element.key);
    if (key === undefined) return undefined;
    const each = new Map<string, Entry>([
      ['key', { value: { kind: 'string', value: key } }],
      ['value', { value: element.value }],
    ]);
    const bindings = new Map(env.bindings);
    bindings.set('each', mapValue(each));
    instances.push({ suffix: `[${JSON.stringify(key)}]`, bindings });
  }
  return instances;
}
