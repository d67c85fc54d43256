import { parse as parseToml, TomlError } from 'smol-toml';

/**
 * `samconfig.toml`, the SAM CLI's deploy settings kept beside a template: its `tags` reach every
 * resource of the stack, like stack tags, and its `parameter_overrides` replace parameter
 * defaults. Only the `default` environment is read, `deploy` first and then `global`, because
 * that is what `sam deploy` uses when no `--config-env` is given.
 */

/** The parts of `samconfig.toml` that decide tags. */
export interface SamConfig {
  /** Path of the config file, relative to the working directory. */
  readonly file: string;
  readonly tags: ReadonlyMap<string, string>;
  readonly parameterOverrides: ReadonlyMap<string, string>;
}

/** A `samconfig.toml` that is not valid TOML, with the line of the problem. */
export interface SamConfigError {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

const COMMANDS = ['deploy', 'global'] as const;

/** Reads the tag-relevant settings of a `samconfig.toml`. */
export function parseSamConfig(text: string, file: string): SamConfig | SamConfigError {
  let document: Record<string, unknown>;
  try {
    document = parseToml(text) as Record<string, unknown>;
  } catch (error) {
    const line = error instanceof TomlError ? error.line : 1;
    const reason = error instanceof Error ? error.message.split('\n', 1)[0] : String(error);
    return { file, line, message: `samconfig.toml is not valid TOML: ${reason}` };
  }
  return {
    file,
    tags: new Map(keyValuePairs(setting(document, 'tags'))),
    parameterOverrides: parameterOverrides(setting(document, 'parameter_overrides')),
  };
}

/** `default.<command>.parameters.<name>`, for the first command that sets it. */
function setting(document: Record<string, unknown>, name: string): unknown {
  const environment = objectOf(document['default']);
  for (const command of COMMANDS) {
    const value = objectOf(objectOf(environment?.[command])?.['parameters'])?.[name];
    if (value !== undefined) return value;
  }
  return undefined;
}

function objectOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** `Key1="v 1" Key2=v2` as one string, or a TOML array of such strings. */
function keyValuePairs(value: unknown): [string, string][] {
  const pairs: [string, string][] = [];
  const texts = Array.isArray(value) ? value : [value];
  for (const text of texts) {
    if (typeof text !== 'string') continue;
    for (const token of splitTokens(text)) {
      const equals = token.indexOf('=');
      if (equals <= 0) continue;
      pairs.push([unquote(token.slice(0, equals)), unquote(token.slice(equals + 1))]);
    }
  }
  return pairs;
}

/** Also accepts the CloudFormation CLI form `ParameterKey=Name,ParameterValue=value`. */
function parameterOverrides(value: unknown): Map<string, string> {
  const overrides = new Map<string, string>();
  for (const [key, text] of keyValuePairs(value)) {
    const cliForm = /^ParameterKey=([^,]+),ParameterValue=(.*)$/.exec(`${key}=${text}`);
    if (cliForm?.[1] !== undefined && cliForm[2] !== undefined) {
      overrides.set(cliForm[1], unquote(cliForm[2]));
    } else {
      overrides.set(key, text);
    }
  }
  return overrides;
}

/** Splits on whitespace outside single or double quotes, keeping the quotes in the tokens. */
function splitTokens(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = null;
      current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      current += char;
    } else if (/\s/.test(char)) {
      if (current) tokens.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (current) tokens.push(current);
  return tokens;
}

function unquote(text: string): string {
  const first = text[0];
  if (text.length >= 2 && (first === '"' || first === "'") && text.endsWith(first)) {
    return text.slice(1, -1);
  }
  return text;
}
