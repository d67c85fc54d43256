import { isSeq } from 'yaml';
import { scalarText, stringEntries, valueOf, type ParsedTemplate } from './parse.js';

/** A template parameter as far as tag values are concerned. */
export interface ParameterValue {
  /** The value the stack gets when nobody overrides it; null when that is not known. */
  readonly value: string | null;
  /** `CommaDelimitedList` and `List<...>` parameters resolve to lists. */
  readonly list: boolean;
}

/**
 * What intrinsic functions are resolved against: parameter values, `Mappings`, the truth value
 * assumed for each condition in the variant being read, and `Fn::ForEach` loop variables.
 */
export interface ResolveScope {
  readonly template: ParsedTemplate;
  readonly parameters: ReadonlyMap<string, ParameterValue>;
  readonly mappings: unknown;
  readonly conditions: ReadonlyMap<string, boolean>;
  /**
   * When set, an `Fn::If` on a condition missing from `conditions` takes its true branch and
   * adds the condition here, so one reading finds which conditions the tags depend on.
   */
  readonly discovered?: Set<string>;
  readonly bindings: ReadonlyMap<string, string>;
  /**
   * Resolution steps left. Aliases let a small template describe an exponentially large value
   * (a `Fn::Join` of two aliases of a `Fn::Join` of two aliases...); once the steps run out,
   * what is left resolves to an unknown value instead of hanging the check.
   */
  readonly budget: { remaining: number };
}

/** Resolution steps allowed per resource: far more than any real tag set needs. */
export const RESOLVE_STEPS_PER_RESOURCE = 20_000;

/**
 * Parameters whose `Default` is not the value the stack sees: SSM-backed parameters hold the
 * name of an SSM parameter, and its value is only read at deploy time.
 */
function defaultIsIndirect(type: string | undefined): boolean {
  return type !== undefined && type.startsWith('AWS::SSM::Parameter::Value');
}

function isListType(type: string | undefined): boolean {
  return type !== undefined && (type === 'CommaDelimitedList' || type.includes('List<'));
}

/** The text of a parameter's `Default`: a scalar, or a YAML list joined with commas. */
function defaultText(node: unknown): string | null {
  if (isSeq(node)) {
    const items = node.items.map(scalarText);
    return items.every((item) => item !== undefined) ? items.join(',') : null;
  }
  return scalarText(node) ?? null;
}

/**
 * Reads the `Parameters` section. A parameter with a `Default` resolves to it unless
 * `overrides` (from `samconfig.toml`'s `parameter_overrides`) gives another value; one without
 * either resolves to an unknown value.
 */
export function readParameters(
  template: ParsedTemplate,
  overrides: ReadonlyMap<string, string>,
): Map<string, ParameterValue> {
  const parameters = new Map<string, ParameterValue>();
  for (const { key, value: declaration } of stringEntries(valueOf(template.root, 'Parameters'))) {
    const type = scalarText(template.deref(valueOf(declaration, 'Type')));
    const list = isListType(type);
    const override = overrides.get(key);
    if (override !== undefined) {
      parameters.set(key, { value: override, list });
      continue;
    }
    const defaultNode = template.deref(valueOf(declaration, 'Default'));
    const value =
      defaultNode === undefined || defaultIsIndirect(type) ? null : defaultText(defaultNode);
    parameters.set(key, { value, list });
  }
  return parameters;
}

/** A scope with no condition assumed and no loop variable bound. */
export function templateScope(
  template: ParsedTemplate,
  parameters: ReadonlyMap<string, ParameterValue>,
): ResolveScope {
  return {
    template,
    parameters,
    mappings: template.deref(valueOf(template.root, 'Mappings')),
    conditions: new Map(),
    bindings: new Map(),
    budget: { remaining: RESOLVE_STEPS_PER_RESOURCE },
  };
}
