import type { Attribute, Block, Expr } from '../hcl/ast.js';
import { blocksOf } from '../hcl/ast.js';
import { discovery, type Assumptions } from '../eval/assumptions.js';
import { evaluate, type Env, type ModuleValues } from '../eval/evaluate.js';
import { unknown, type Value } from '../eval/value.js';
import type { ModuleFolder } from './folder.js';
import type { ParsedFile } from '../parse-file.js';

const NO_BINDINGS: ReadonlyMap<string, Value> = new Map();

/** A declaration found in one of the module's files. */
interface Declared<T> {
  readonly item: T;
  readonly file: ParsedFile;
}

/**
 * One instance of a module: the root folder, or a local module called from another. It
 * answers `var.*` from the caller's arguments or the defaults, and `local.*` once each; its
 * address prefix is `''` for a root and `module.NAME.` (nested as needed) for a call.
 */
export class ModuleInstance implements ModuleValues {
  private readonly variables = new Map<string, Declared<Block>>();
  private readonly locals = new Map<string, Declared<Attribute>>();
  private readonly variableValues = new Map<string, Value>();
  private readonly localValues = new Map<string, Value>();
  /** The unknown conditions each evaluated local depends on, directly or through others. */
  private readonly localConditions = new Map<string, ReadonlySet<string>>();
  private readonly evaluating = new Set<string>();

  constructor(
    readonly folder: ModuleFolder,
    readonly address: string,
    /** The innermost module call's name; undefined for a root. */
    readonly callName: string | undefined,
    private readonly inputs: ReadonlyMap<string, Value>,
    /** Folders on the call chain, to refuse a module that calls itself. */
    readonly chain: readonly string[],
  ) {
    for (const file of folder.files) {
      for (const block of blocksOf(file.body, 'variable')) {
        const name = block.labels[0];
        if (name !== undefined) this.variables.set(name, { item: block, file });
      }
      for (const block of blocksOf(file.body, 'locals')) {
        for (const attribute of block.body.attributes.values()) {
          this.locals.set(attribute.name, { item: attribute, file });
        }
      }
    }
  }

  /** An environment for expressions written in `file`, labelling the keys they write. */
  env(file: ParsedFile, label: string, bindings: ReadonlyMap<string, Value> = NO_BINDINGS): Env {
    return { module: this, file: file.file, label, bindings };
  }

  variable(name: string): Value {
    const cached = this.variableValues.get(name);
    if (cached) return cached;
    const value = this.resolveVariable(name);
    this.variableValues.set(name, value);
    return value;
  }

  local(name: string, assume?: Assumptions): Value {
    const value = this.cachedLocal(name);
    const conditions = this.localConditions.get(name);
    if (assume === undefined || conditions === undefined || conditions.size === 0) return value;
    for (const condition of conditions) assume.seen.add(condition);
    if (![...conditions].some((condition) => assume.truths.has(condition))) return value;
    return this.evaluateLocal(name, assume);
  }

  private cachedLocal(name: string): Value {
    const cached = this.localValues.get(name);
    if (cached) return cached;
    const met = discovery();
    const value = this.evaluateLocal(name, met);
    this.localValues.set(name, value);
    this.localConditions.set(name, met.seen);
    return value;
  }

  private evaluateLocal(name: string, assume: Assumptions): Value {
    const declared = this.locals.get(name);
    if (!declared) return unknown(`local.${name} is not declared`);
    if (this.evaluating.has(name)) return unknown(`local.${name} refers to itself`);
    this.evaluating.add(name);
    const env = this.env(declared.file, `local.${name}`);
    const value = evaluate(declared.item.expr, { ...env, assume });
    this.evaluating.delete(name);
    return value;
  }

  private resolveVariable(name: string): Value {
    const input = this.inputs.get(name);
    if (input) return input;
    const declared = this.variables.get(name);
    if (!declared) return unknown(`variable ${name} is not declared`);
    const fallback: Expr | undefined = declared.item.body.attributes.get('default')?.expr;
    if (!fallback) {
      const where = this.callName ? ` and module "${this.callName}" does not set it` : '';
      return unknown(`variable ${name} has no default${where}`);
    }
    return evaluate(fallback, this.env(declared.file, `var.${name}`));
  }
}
