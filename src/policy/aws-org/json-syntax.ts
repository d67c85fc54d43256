/** The first JSON syntax error in a text: where it is (0-based offset) and what was expected. */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly reason: string;
}

/**
 * Checks that `text` is one JSON value (RFC 8259), answering the first syntax error or
 * undefined. Used for its position only: `JSON.parse` does not say where it stopped on every
 * Node version.
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let at = 0;
  const fail = (reason: string): never => {
    throw { offset: at, reason } satisfies JsonSyntaxError;
  };
  const found = () => (at < text.length ? JSON.stringify(text[at]) : 'the end of the file');
  const space = () => {
    while (at < text.length && ' \t\r\n'.includes(text[at] ?? '')) at += 1;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, at)) at += word.length;
    else fail(`expected a value, found ${found()}`);
  };
  const string = () => {
    at += 1;
    for (;;) {
      const char = text[at];
      if (char === undefined) fail('a string is not closed with "');
      if (char === '"') break;
      if (char !== undefined && char < ' ') fail('a control character inside a string');
      if (char === '\\') {
        at += 1;
        if (text[at] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail('a bad \\u escape');
          at += 4;
        } else if (!'"\\/bfnrt'.includes(text[at] ?? 'x')) fail('a bad escape in a string');
      }
      at += 1;
    }
    at += 1;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(at));
    if (!match) fail(`expected a value, found ${found()}`);
    at += match?.[0].length ?? 0;
  };
  const list = (close: string, item: () => void, what: string) => {
    at += 1;
    space();
    if (text[at] === close) {
      at += 1;
      return;
    }
    for (;;) {
      item();
      space();
      if (text[at] === close) {
        at += 1;
        return;
      }
      if (text[at] !== ',') fail(`expected , or ${close} after ${what}, found ${found()}`);
      at += 1;
      space();
      if (text[at] === close) fail(`a comma before ${close} (JSON allows no trailing comma)`);
    }
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === '{') {
      list(
        '}',
        () => {
          if (text[at] !== '"') fail(`expected a "quoted" property name, found ${found()}`);
          string();
          space();
          if (text[at] !== ':') fail(`expected : after the property name, found ${found()}`);
          at += 1;
          value();
        },
        'a property',
      );
    } else if (char === '[') list(']', value, 'an item');
    else if (char === '"') string();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else number();
  };
  try {
    value();
    space();
    if (at < text.length) fail(`unexpected ${found()} after the JSON value`);
    return undefined;
  } catch (error) {
    return error as JsonSyntaxError;
  }
}
