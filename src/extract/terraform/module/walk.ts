import { relative, resolve, sep } from 'node:path';
import type { Notice, Resource } from '../../../model.js';
import { blocksOf, literalString, type Block } from '../hcl/ast.js';
import { evaluate } from '../eval/evaluate.js';
import { unknown, type Value } from '../eval/value.js';
import type { ParsedFile } from '../parse-file.js';
import { resourcesOf } from '../resource.js';
import type { FolderReader, ModuleFolder } from './folder.js';
import { ModuleInstance } from './instance.js';
import { calledModuleProviders, declaredProviders, type ProviderTable } from './providers.js';

/** Arguments of a `module` block that are Terraform's, not the module's input variables. */
const META_ARGUMENTS = new Set([
  'source',
  'version',
  'providers',
  'count',
  'for_each',
  'depends_on',
]);

/** Deeper module nesting than this is not followed. */
const MAX_DEPTH = 16;

/** What a walk produces, shared by every module it enters. */
export interface WalkOutput {
  readonly resources: Resource[];
  readonly notices: Notice[];
}

/**
 * Walks a module instance: its resources, then the local modules it calls, recursively, each
 * with the inputs and provider configurations its call gives it. In a root folder only the
 * claimed files' resources are emitted (and only their calls followed); a called module's
 * files are all read, scanned or not.
 */
export class ModuleWalker {
  constructor(
    private readonly reader: FolderReader,
    private readonly claimed: ReadonlySet<string>,
    private readonly cwd: string,
    private readonly output: WalkOutput,
  ) {}

  /** Walks a folder as a root module. */
  async walkRoot(folder: ModuleFolder): Promise<void> {
    const instance = new ModuleInstance(folder, '', undefined, new Map(), [folder.dir]);
    await this.walk(instance, declaredProviders(instance), false);
  }

  private async walk(
    instance: ModuleInstance,
    providers: ProviderTable,
    all: boolean,
  ): Promise<void> {
    for (const file of instance.folder.files) {
      if (!all && !this.claimed.has(file.absPath)) continue;
      for (const block of blocksOf(file.body, 'resource')) {
        this.output.resources.push(...resourcesOf({ instance, file, block, providers }));
      }
      for (const call of blocksOf(file.body, 'module')) {
        await this.call(instance, providers, file, call);
      }
    }
  }

  private async call(
    caller: ModuleInstance,
    providers: ProviderTable,
    file: ParsedFile,
    call: Block,
  ): Promise<void> {
    const name = call.labels[0] ?? '';
    const sourceAttribute = call.body.attributes.get('source');
    const source = sourceAttribute ? literalString(sourceAttribute.expr) : undefined;
    if (source === undefined) return;
    const where = `module "${name}" (line ${call.line})`;
    if (!isLocalSource(source)) {
      this.notice(
        file,
        `${where} uses "${source}", which is not a local folder: ` +
          'the resources inside it are not checked',
      );
      return;
    }
    const dir = resolve(caller.folder.dir, source);
    if (caller.chain.includes(dir) || caller.chain.length > MAX_DEPTH) {
      this.notice(
        file,
        `${where} calls a module already on its own call chain; it is not followed`,
      );
      return;
    }
    const folder = await this.reader.read(dir);
    if (folder.files.length === 0) {
      const shown = relative(this.cwd, dir).split(sep).join('/') || '.';
      this.notice(
        file,
        `${where} points at ${shown}, which holds no Terraform files: ` +
          'the resources inside it are not checked',
      );
      return;
    }
    const inputs = moduleInputs(caller, file, call, name);
    const address = `${caller.address}module.${name}.`;
    const child = new ModuleInstance(folder, address, name, inputs, [...caller.chain, dir]);
    const childProviders = calledModuleProviders(providers, call.body, declaredProviders(child));
    await this.walk(child, childProviders, true);
  }

  private notice(file: ParsedFile, message: string): void {
    this.output.notices.push({ file: file.file, message });
  }
}

/** Whether a module source is a local folder (`./x`, `../x`), which Terraform reads in place. */
export function isLocalSource(source: string): boolean {
  return /^\.\.?[\\/]/.test(source) || source === '.' || source === '..';
}

function moduleInputs(
  caller: ModuleInstance,
  file: ParsedFile,
  call: Block,
  name: string,
): Map<string, Value> {
  const bindings = new Map(caller.env(file, '').bindings);
  for (const meta of ['count', 'for_each'] as const) {
    if (!call.body.attributes.has(meta)) continue;
    const reason = `module "${name}" has ${meta}; its instances are judged together`;
    bindings.set(meta === 'count' ? 'count' : 'each', unknown(reason));
  }
  const env = caller.env(file, `module "${name}" input`, bindings);
  const inputs = new Map<string, Value>();
  for (const [argument, attribute] of call.body.attributes) {
    if (!META_ARGUMENTS.has(argument)) inputs.set(argument, evaluate(attribute.expr, env));
  }
  return inputs;
}
