import type { ErrorObject } from 'ajv';
import { nearest } from './nearest.js';
import type { NodePart, PathSegment } from './source.js';

/** One schema violation, turned into words and a place in the policy. */
export interface SchemaProblem {
  readonly path: readonly PathSegment[];
  readonly part: NodePart;
  /** `what is wrong; what is allowed`. */
  readonly reason: string;
}

/**
 * Explains an ajv error in the policy's own terms: the property named as users write it
 * (`tags.CostCenter.required`), the value found, the values allowed and the nearest allowed one.
 * `root` is the whole schema, for following `$ref`s.
 */
export function describeSchemaError(
  error: ErrorObject,
  data: unknown,
  root: unknown,
): SchemaProblem {
  const path = pointerSegments(error.instancePath);
  const name = displayName(path, data);
  const found = valueAt(data, path);
  const got = `got ${describeValue(found)}`;

  switch (error.keyword) {
    case 'additionalProperties': {
      const property = String(error.params['additionalProperty']);
      const allowed = Object.keys(propertiesOf(error.parentSchema));
      const where = path.length === 0 ? 'at the top level' : `in ${name}`;
      const reason =
        `unknown property ${property} ${where}${didYouMean(property, allowed)}; ` +
        `allowed: ${allowed.join(', ')}`;
      return { path: [...path, property], part: 'key', reason };
    }
    case 'required': {
      const missing = String(error.params['missingProperty']);
      const owner = path.length === 0 ? 'the policy' : name;
      const example = missing === 'version' ? 'version: 1' : `${missing}: ...`;
      return { path, part: 'value', reason: `${owner} is missing ${missing}; add ${example}` };
    }
    case 'type':
      return { path, part: 'value', reason: typeReason(name, path, found, error) };
    case 'enum':
    case 'anyOf': {
      const allowed = describeSchemaNode(error.parentSchema, root);
      const hint = typeof found === 'string' ? didYouMean(found, enumValues(error, root)) : '';
      return { path, part: 'value', reason: `${name} must be ${allowed}; ${got}${hint}` };
    }
    case 'uniqueItems': {
      const later = Math.max(Number(error.params['i']), Number(error.params['j']));
      const item = Array.isArray(found) ? found[later] : undefined;
      return {
        path: [...path, later],
        part: 'value',
        reason: `${name} lists ${describeValue(item)} twice; write each value once`,
      };
    }
    case 'const':
      return {
        path,
        part: 'value',
        reason: `${name} must be ${JSON.stringify(error.params['allowedValue'])}; ${got}`,
      };
    default:
      return { path, part: 'value', reason: otherReason(name, found, error) };
  }
}

function typeReason(
  name: string,
  path: readonly PathSegment[],
  found: unknown,
  error: ErrorObject,
): string {
  const expected = String(error.params['type']);
  if (path.length === 0) {
    return `the policy must be a mapping that starts with version: 1; got ${describeValue(found)}`;
  }
  const quote =
    expected === 'string' && (typeof found === 'number' || typeof found === 'boolean')
      ? ` (quote it: "${String(found)}")`
      : '';
  return `${name} must be ${typeWords(expected)}; got ${describeValue(found)}${quote}`;
}

function otherReason(name: string, found: unknown, error: ErrorObject): string {
  const limit = Number(error.params['limit']);
  switch (error.keyword) {
    case 'minItems':
      return `${name} must list at least ${limit} value; got an empty list`;
    case 'minLength':
      return `${name} must not be empty; write at least one character`;
    case 'maxItems': {
      const count = Array.isArray(found) ? found.length : 0;
      return `${name} may list at most ${limit} values; got ${count}: use a pattern instead`;
    }
    case 'maxLength': {
      const length = typeof found === 'string' ? found.length : 0;
      return `${name} may be at most ${limit} characters long; got ${length}`;
    }
    case 'maxProperties': {
      const count = found !== null && typeof found === 'object' ? Object.keys(found).length : 0;
      return `${name} may name at most ${limit} parent key; got ${count}`;
    }
    default:
      return `${name} ${error.message ?? 'is not valid'}`;
  }
}

function didYouMean(word: string, candidates: readonly string[]): string {
  const suggestion = nearest(word, candidates);
  return suggestion === undefined || suggestion === word ? '' : ` (did you mean ${suggestion}?)`;
}

function enumValues(error: ErrorObject, root: unknown): string[] {
  const values: string[] = [];
  collectEnums(error.parentSchema, root, values);
  return values;
}

function collectEnums(node: unknown, root: unknown, into: string[]): void {
  const schema = resolveRef(node, root);
  if (!isRecord(schema)) return;
  if (Array.isArray(schema['enum'])) into.push(...schema['enum'].map(String));
  if (Array.isArray(schema['anyOf'])) {
    for (const branch of schema['anyOf']) collectEnums(branch, root, into);
  }
}

/** Words for what a schema node accepts: `one of: a, b`, `a list of strings`, ... */
function describeSchemaNode(node: unknown, root: unknown): string {
  const schema = resolveRef(node, root);
  if (!isRecord(schema)) return 'a valid value';
  if (typeof schema['title'] === 'string') return schema['title'];
  if (Array.isArray(schema['enum'])) return `one of: ${schema['enum'].map(String).join(', ')}`;
  if (Array.isArray(schema['anyOf'])) {
    return schema['anyOf'].map((branch) => describeSchemaNode(branch, root)).join(', or ');
  }
  const type = schema['type'];
  if (type === 'array') return `a list of ${plural(describeSchemaNode(schema['items'], root))}`;
  return typeof type === 'string' ? typeWords(type) : 'a valid value';
}

function plural(words: string): string {
  return words.startsWith('a ') ? `${words.slice(2)}s` : words;
}

function resolveRef(node: unknown, root: unknown): unknown {
  if (!isRecord(node) || typeof node['$ref'] !== 'string') return node;
  const segments = pointerSegments(node['$ref'].replace(/^#/, ''));
  return valueAt(root, segments);
}

function propertiesOf(schema: unknown): Record<string, unknown> {
  if (!isRecord(schema)) return {};
  const properties = schema['properties'];
  return isRecord(properties) ? properties : {};
}

function typeWords(type: string): string {
  const words: Record<string, string> = {
    boolean: 'true or false',
    string: 'a string',
    array: 'a list',
    object: 'a mapping',
    integer: 'a whole number',
    number: 'a number',
  };
  return words[type] ?? `of type ${type}`;
}

/** How a found value is shown in a message. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** A JSON pointer (`/tags/a~1b/required`) as path segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `tags.CostCenter.requires[0]`, `tags["app.kubernetes.io/name"]`: a path as users read it. */
export function displayName(path: readonly PathSegment[], data: unknown): string {
  let name = '';
  let node: unknown = data;
  for (const segment of path) {
    if (Array.isArray(node)) {
      name += `[${segment}]`;
    } else {
      const text = String(segment);
      const plain = /^[A-Za-z_$][\w$-]*$/.test(text);
      name += plain ? `${name === '' ? '' : '.'}${text}` : `[${JSON.stringify(text)}]`;
    }
    node = valueAt(node, [segment]);
  }
  return name === '' ? 'the policy' : name;
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let node = data;
  for (const segment of path) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isRecord(node)) node = node[String(segment)];
    else return undefined;
  }
  return node;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
