import { blocksOf, literalString, traversalName, type Block, type Body } from '../hcl/ast.js';
import { evaluate } from '../eval/evaluate.js';
import type { Value } from '../eval/value.js';
import type { ParsedFile } from '../parse-file.js';
import type { ModuleInstance } from './instance.js';

/** A provider configuration as resources see it: its default tags, where it was written. */
export interface ProviderConfig {
  /** `aws` or `aws.east`, as written in the module that declares it. */
  readonly name: string;
  /** The evaluated `default_tags.tags` (aws) or `default_labels` (google); undefined if none. */
  readonly defaultTags?: Value;
  /** Line of the attribute that sets the defaults, or of the provider block. */
  readonly line: number;
  readonly file: string;
}

/** Provider configurations visible in one module, by `name` or `name.alias`. */
export type ProviderTable = ReadonlyMap<string, ProviderConfig>;

/** The provider configurations a module declares with its own `provider` blocks. */
export function declaredProviders(instance: ModuleInstance): Map<string, ProviderConfig> {
  const table = new Map<string, ProviderConfig>();
  for (const file of instance.folder.files) {
    for (const block of blocksOf(file.body, 'provider')) {
      const local = block.labels[0];
      if (local === undefined) continue;
      const alias = block.body.attributes.get('alias');
      const aliasName = alias ? literalString(alias.expr) : undefined;
      const name = aliasName ? `${local}.${aliasName}` : local;
      table.set(name, providerConfig(name, block, file, instance));
    }
  }
  return table;
}

function providerConfig(
  name: string,
  block: Block,
  file: ParsedFile,
  instance: ModuleInstance,
): ProviderConfig {
  const env = instance.env(file, `provider ${name} default tags`);
  const tagsBlock = blocksOf(block.body, 'default_tags')[0];
  const attribute =
    (tagsBlock && tagsBlock.body.attributes.get('tags')) ??
    block.body.attributes.get('default_labels');
  if (!attribute) return { name, line: block.line, file: file.file };
  return {
    name,
    defaultTags: evaluate(attribute.expr, env),
    line: attribute.line,
    file: file.file,
  };
}

/**
 * The provider configurations a called module sees. Without a `providers` argument it
 * inherits the caller's default (unaliased) configurations; with one, exactly the listed
 * ones (`{ aws = aws.east, aws.west = aws }`). A module's own provider blocks come last.
 */
export function calledModuleProviders(
  caller: ProviderTable,
  call: Body,
  own: ReadonlyMap<string, ProviderConfig>,
): Map<string, ProviderConfig> {
  const table = new Map<string, ProviderConfig>();
  const mapping = call.attributes.get('providers')?.expr;
  if (mapping?.kind === 'object') {
    for (const item of mapping.items) {
      const inner = traversalName(item.key) ?? literalString(item.key);
      const outer = traversalName(item.value);
      const config = outer === undefined ? undefined : caller.get(outer);
      if (inner !== undefined && config) table.set(inner, config);
    }
  } else {
    for (const [name, config] of caller) if (!name.includes('.')) table.set(name, config);
  }
  for (const [name, config] of own) table.set(name, config);
  return table;
}

/** The provider configuration name a resource uses: its `provider` argument, else its type's. */
export function resourceProviderName(type: string, body: Body): string {
  const given = body.attributes.get('provider');
  const name = given ? (traversalName(given.expr) ?? literalString(given.expr)) : undefined;
  return name ?? type.split('_')[0] ?? type;
}
