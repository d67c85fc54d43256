import { describe, expect, test } from 'vitest';
import { FileFacts } from '../../../src/extract/sdk/facts.js';
import { parseSource, type Grammar } from '../../../src/extract/sdk/parser.js';
import { keyTextAt } from '../../../src/extract/sdk/syntax.js';
import { wordOccurrences } from '../../../src/extract/sdk/words.js';

/** What `read` finds in the facts of `source`, parsed as `grammar`; the tree is freed after. */
async function withFacts<T>(
  grammar: Grammar,
  source: string,
  read: (facts: FileFacts) => T,
): Promise<T> {
  const tree = await parseSource(source, grammar);
  try {
    return read(new FileFacts(grammar, source, tree));
  } finally {
    tree.delete();
  }
}

/**
 * The callee texts of the calls `callsNamed` finds for `name` (a `*` before it: any name
 * ending with it), in source order.
 */
function callsNamed(grammar: Grammar, source: string, name: string): Promise<string[]> {
  const suffix = name.startsWith('*') ? name.slice(1) : undefined;
  return withFacts(grammar, source, (facts) =>
    facts
      .callsNamed(new Set(suffix === undefined ? [name] : []), suffix)
      .map((call) => call.callee),
  );
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
    ['a name of the same length and last letter', 'python', 'crEate(x)\n', 'create', []],
    [
      'names ending with a suffix',
      'typescript',
      'new RunCommand({}); new Command({}); runCommand(); Commander();\n',
      '*Command',
      ['RunCommand', 'Command', 'runCommand'],
    ],
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

/**
 * The scope `scopeOf` gives the node of each `MARK<n>` word, asked in the order of `order`
 * (all in one file's facts, so that answers found earlier shape later searches): the name of
 * the function, `<anonymous>` for a nameless one, `<module>` at the top level.
 */
function scopesOf(grammar: Grammar, source: string, order: readonly number[]) {
  return withFacts(grammar, source, (facts) =>
    order.map((mark) => {
      const word = `MARK${mark}`;
      const start = source.indexOf(word);
      const node = facts.root.descendantForIndex(start, start + word.length);
      const scope = node ? facts.scope(facts.scopeOf(node)) : undefined;
      if (!scope || scope.id === facts.moduleScope) return '<module>';
      return scope.name || '<anonymous>';
    }),
  );
}

describe('FileFacts.scopeOf', () => {
  const python = `MARK1 = 1

def outer(x=MARK2):
    def inner():
        return MARK3
    handler = lambda event: MARK4
    return MARK5

class Launcher:
    size = MARK6

    def launch(self):
        return [MARK7 for _ in range(2)]

MARK8()
`;
  const typescript = `const MARK1 = 1;
export function outer(x = MARK2) {
  const inner = () => MARK3;
  const named = function () { return MARK4; };
  return { method() { return MARK5; }, value: MARK6 };
}
class Launcher {
  size = MARK7;
  launch(y = MARK8) { return (z = MARK9) => z; }
}
`;
  const pythonScopes = [
    '<module>',
    'outer',
    'inner',
    '<anonymous>',
    'outer',
    '<module>',
    'launch',
    '<module>',
  ];
  const typescriptScopes = [
    '<module>',
    'outer',
    'inner',
    'named',
    'method',
    'outer',
    '<module>',
    'launch',
    '<anonymous>',
  ];
  test.each([
    ['Python, in source order', 'python', python, [1, 2, 3, 4, 5, 6, 7, 8], pythonScopes],
    [
      'Python, innermost first',
      'python',
      python,
      [8, 7, 5, 4, 3, 2, 1, 6],
      [8, 7, 5, 4, 3, 2, 1, 6].map((mark) => pythonScopes[mark - 1]),
    ],
    [
      'TypeScript, in source order',
      'typescript',
      typescript,
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
      typescriptScopes,
    ],
    [
      'TypeScript, innermost first',
      'typescript',
      typescript,
      [9, 5, 3, 4, 8, 7, 6, 2, 1],
      [9, 5, 3, 4, 8, 7, 6, 2, 1].map((mark) => typescriptScopes[mark - 1]),
    ],
  ] as const)('%s', async (_name, grammar, source, order, expected) => {
    expect(await scopesOf(grammar, source, order)).toEqual(expected);
  });

  test('a statement spanning exactly a lambda is in the scope around the lambda', async () => {
    const source = 'def outer():\n    lambda: MARK1\n';
    await withFacts('python', source, (facts) => {
      const mark = source.indexOf('MARK1');
      const name = facts.root.descendantForIndex(mark, mark + 5);
      const lambda = name?.parent;
      const statement = lambda?.parent;
      expect(lambda?.type).toBe('lambda');
      expect(statement?.type).toBe('expression_statement');
      expect(statement?.text).toBe(lambda?.text);
      // The lambda's scope is found first, so that its span is known when the statement,
      // which spans exactly the same text, is asked about.
      expect(facts.scope(facts.scopeOf(name!))?.name).toBe('');
      expect(facts.scope(facts.scopeOf(statement!))?.name).toBe('outer');
      expect(facts.scope(facts.scopeOf(lambda!))?.name).toBe('outer');
    });
  });
});

describe('wordOccurrences', () => {
  test.each([
    [
      'a word found by a rare letter in it',
      'x = require("a"); requires(); required',
      'require',
      [[4, 11]],
    ],
    [
      'a word of common letters',
      'cost = os.path; os',
      'os',
      [
        [7, 9],
        [16, 18],
      ],
    ],
    [
      'a word at both ends of the text',
      'tags + tags',
      'tags',
      [
        [0, 4],
        [7, 11],
      ],
    ],
    [
      'a chain, not inside a longer one',
      'self.sm2 = self.sm; self.sm.x',
      'self.sm',
      [
        [11, 18],
        [20, 27],
      ],
    ],
    [
      'occurrences overlapping through a dot',
      'a.a.a',
      'a.a',
      [
        [0, 3],
        [2, 5],
      ],
    ],
    [
      'a word starting with a rare letter',
      'Q = Qx + Q',
      'Q',
      [
        [0, 1],
        [9, 10],
      ],
    ],
  ] as const)('%s', (_name, text, word, expected) => {
    expect(wordOccurrences(text, word)).toEqual(expected);
  });
});

/** What `assignmentsOf(name)` finds: each binding's value text, or `null` when destructured. */
function assignmentsOf(grammar: Grammar, source: string, name: string) {
  return withFacts(grammar, source, (facts) =>
    facts.assignmentsOf(name).map((assignment) => assignment.value?.text ?? null),
  );
}

describe('FileFacts.assignmentsOf', () => {
  test.each([
    ['a plain assignment', 'python', 'x = 1\n', 'x', ['1']],
    ['a chained assignment binds both names', 'python', 'x = y = 2\n', 'y', ['2']],
    ['the first name of a chained assignment', 'python', 'x = y = 2\n', 'x', ['2']],
    ['a keyword argument is no binding', 'python', 'f(x=1)\n', 'x', []],
    ['a default parameter is no binding', 'python', 'def f(x=1):\n    pass\n', 'x', []],
    ['a comparison is no binding', 'python', 'x == 1\n', 'x', []],
    ['an annotated assignment', 'python', 'x: int = 3\n', 'x', ['3']],
    ['a tuple target is destructured', 'python', 'x, y = 1, 2\n', 'y', [null]],
    ['a name in a dict is no binding', 'python', 'd = {"k": x}\n', 'x', []],
    ['an attribute of self', 'python', 'self.sm = make()\n', 'self.sm', ['make()']],
    ['a declaration', 'typescript', 'const x = 1;\n', 'x', ['1']],
    ['a second declarator', 'typescript', 'let a = 1, x = 2;\n', 'x', ['2']],
    ['a require is an import, not a binding', 'javascript', "const x = require('m');\n", 'x', []],
    ['a destructured name', 'typescript', 'const { x } = o;\n', 'x', [null]],
    [
      'a default in a pattern is no binding of it',
      'typescript',
      'const { x = 1 } = o;\n',
      'x',
      [null],
    ],
    ['a default in an array pattern', 'javascript', 'const [a, x = 1] = list;\n', 'x', [null]],
    ['the default itself is a use', 'typescript', 'const { a = x } = o;\n', 'x', []],
    ['a class field is no binding', 'typescript', 'class A { x = 1; }\n', 'x', []],
    ['a loop variable', 'python', 'for x in items:\n    pass\n', 'x', [null]],
    ['a comment before the =', 'typescript', 'let x;\nx /* the size */ = 4;\n', 'x', ['4']],
    [
      'a comment too long to look past before the =',
      'typescript',
      `let x;\nx /* ${'c'.repeat(300)} */ = 4;\n`,
      'x',
      [],
    ],
    ['a line comment before the =', 'javascript', 'let x;\nx // the size\n  = 5;\n', 'x', ['5']],
    ['a Python line continuation before the =', 'python', 'x \\\n    = 6\n', 'x', ['6']],
    ['an imported name is no assignment', 'python', 'from m import (x, y)\nx = 2\n', 'x', ['2']],
    [
      'a name in a JavaScript import list',
      'typescript',
      "import { x, y } from 'm';\nx = 3;\n",
      'x',
      ['3'],
    ],
  ] as const)('%s', async (_name, grammar, source, name, expected) => {
    expect(await assignmentsOf(grammar, source, name)).toEqual(expected);
  });
});

/** The bindings `imports()` reads, as `local: module name` (`-` for the module itself). */
function importsIn(grammar: Grammar, source: string): Promise<string[]> {
  return withFacts(grammar, source, (facts) =>
    [...facts.imports()].map(
      ([local, binding]) => `${local}: ${binding.module} ${binding.name ?? '-'}`,
    ),
  );
}

describe('FileFacts.imports', () => {
  test.each([
    ['Python modules', 'python', 'import os, boto3\n', ['os: os -', 'boto3: boto3 -']],
    ['a Python package path binds its top name', 'python', 'import a.b.c\n', ['a: a -']],
    ['a Python module alias', 'python', 'import numpy as np\n', ['np: numpy -']],
    [
      'names from a Python module',
      'python',
      'from openai import OpenAI, AsyncOpenAI\n',
      ['OpenAI: openai OpenAI', 'AsyncOpenAI: openai AsyncOpenAI'],
    ],
    [
      'names from a dotted and a relative module',
      'python',
      'from sagemaker.estimator import Estimator\nfrom .local import helper\n',
      ['Estimator: sagemaker.estimator Estimator', 'helper: .local helper'],
    ],
    [
      'aliases, parentheses and comments in a Python import',
      'python',
      'from m import (\n    a as b,  # first\n    c,\n)\n',
      ['b: m a', 'c: m c'],
    ],
    ['a Python wildcard import binds nothing', 'python', 'from m import *\n', []],
    [
      'a Python import continued over lines',
      'python',
      'from m import a, \\\n    b\n',
      ['a: m a', 'b: m b'],
    ],
    ['an import word in a string', 'python', 'x = "import os"\n', []],
    [
      'JavaScript named imports, one aliased',
      'typescript',
      "import { EC2Client, RunInstancesCommand as Run } from '@aws-sdk/client-ec2';\n",
      ['EC2Client: @aws-sdk/client-ec2 EC2Client', 'Run: @aws-sdk/client-ec2 RunInstancesCommand'],
    ],
    [
      'JavaScript default and namespace imports',
      'typescript',
      "import Anthropic from '@anthropic-ai/sdk';\nimport * as ec2 from '@aws-sdk/client-ec2';\n",
      ['Anthropic: @anthropic-ai/sdk default', 'ec2: @aws-sdk/client-ec2 -'],
    ],
    [
      'a comment inside a JavaScript specifier',
      'typescript',
      "import { A /* the client */ as B } from 'm';\n",
      ['B: m A'],
    ],
    [
      'require, whole and destructured',
      'javascript',
      "const sdk = require('m');\nconst { A, B: C } = require('n');\n",
      ['sdk: m -', 'A: n A', 'C: n B'],
    ],
  ] as const)('%s', async (_name, grammar, source, expected) => {
    expect(await importsIn(grammar, source)).toEqual(expected);
  });
});

test('a change after a comment (t /* more */ .push(x)) is seen', async () => {
  const source = 'const t = [];\nt /* more */ .push(1);\n';
  const mutations = await withFacts('typescript', source, (facts) =>
    facts.mutationsOf('t').map(({ kind, line }) => [kind, line]),
  );
  expect(mutations).toEqual([['append', 2]]);
});
