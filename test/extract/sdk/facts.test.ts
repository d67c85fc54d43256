import { describe, expect, test } from 'vitest';
import { FileFacts } from '../../../src/extract/sdk/facts.js';
import { parseSource, type Grammar } from '../../../src/extract/sdk/parser.js';
import { keyTextAt } from '../../../src/extract/sdk/syntax.js';

/** The callee texts of the calls `callsNamed` finds for `name`, in source order. */
async function callsNamed(grammar: Grammar, source: string, name: string): Promise<string[]> {
  const tree = await parseSource(source, grammar);
  try {
    return new FileFacts(grammar, source, tree)
      .callsNamed((called) => called === name)
      .map((call) => call.callee);
  } finally {
    tree.delete();
  }
}

describe('FileFacts.callsNamed', () => {
  test.each([
    ['a plain call', 'python', 'create(x)\n', 'create', ['create']],
    [
      'a method call, a space before the parenthesis',
      'python',
      'a.b.create (x)\n',
      'create',
      ['a.b.create'],
    ],
    ['a callee split over lines', 'python', 'x = (a.b\n  .create(y))\n', 'create', ['a.b.create']],
    ['a definition is not a call', 'python', 'def create(self):\n    pass\n', 'create', []],
    ['a word in a string is not a call', 'python', 'x = "create(y)"\n', 'create', []],
    ['a word in a comment is not a call', 'python', '# create(y)\nx = 1\n', 'create', []],
    ['the name as a receiver is not the call', 'python', 'create.other(x)\n', 'create', []],
    ['a longer name ending in the word', 'python', 'recreate(x)\n', 'create', []],
    ['a call of a call result', 'python', 'create(a)(b)\n', 'create', ['create']],
    ['a constructor', 'typescript', 'new Create({});\n', 'Create', ['Create']],
    [
      'a constructor from a namespace',
      'typescript',
      'new sdk.Create({});\n',
      'Create',
      ['sdk.Create'],
    ],
    [
      'a private method',
      'typescript',
      'class A { #create() {} run() { this.#create(); } }\n',
      'create',
      ['this.#create'],
    ],
    ['a method definition is not a call', 'typescript', 'class A { create() {} }\n', 'create', []],
    ['an optional call is not found', 'typescript', 'a.create?.(x);\n', 'create', []],
  ] as const)('%s', async (_name, grammar, source, name, expected) => {
    expect(await callsNamed(grammar, source, name)).toEqual(expected);
  });
});

describe('keyTextAt', () => {
  test.each([
    ['a quoted key', '{"Key": 1}', 1, ':', false, '"Key"'],
    ['a quoted key with spaces before the colon', "{'Key' \n : 1}", 1, ':', false, "'Key'"],
    ['a name key where names are keys', '{ Key: 1 }', 2, ':', true, 'Key'],
    ['a name key where names are not keys', '{Key: 1}', 1, ':', false, undefined],
    ['a keyword argument', 'f(Tags=x)', 2, '=', true, 'Tags'],
    ['a key with an escape', '{"K\\"y": 1}', 1, ':', false, undefined],
    ['a computed key', '{ [k]: 1 }', 2, ':', true, undefined],
    ['a number key', '{ 1: 2 }', 2, ':', true, undefined],
    ['a comment before the separator', '{"K" # c\n: 1}', 1, ':', false, undefined],
    ['adjacent literals', '{"a" "b": 1}', 1, ':', false, undefined],
    ['a prefixed literal', '{r"K": 1}', 1, ':', false, 'r"K"'],
  ] as const)('%s', (_name, source, start, separator, names, expected) => {
    expect(keyTextAt(source, start, separator, names)).toBe(expected);
  });
});
