import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CsvTokenizer, UnterminatedQuoteError } from '../../src/billing/csv/tokenizer.js';

interface Tokenized {
  readonly records: string[][];
  readonly lines: number[];
}

/** Tokenizes `text` fed in chunks of `size` characters. */
function tokenize(text: string, size = text.length || 1): Tokenized {
  const records: string[][] = [];
  const lines: number[] = [];
  const tokenizer = new CsvTokenizer((fields, line) => {
    records.push(fields);
    lines.push(line);
  });
  for (let index = 0; index < text.length; index += size) {
    tokenizer.push(text.slice(index, index + size));
  }
  tokenizer.end();
  return { records, lines };
}

describe('CsvTokenizer', () => {
  test.each([
    [
      'plain lines',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
      [1, 2],
    ],
    [
      'no final newline',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
      [1, 2],
    ],
    [
      'CRLF line ends',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
      [1, 2],
    ],
    [
      'a byte-order mark',
      '\uFEFFa,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
      [1, 2],
    ],
    [
      'blank lines between rows',
      'a,b\n\n1,2\r\n\r\n3,4\n',
      [
        ['a', 'b'],
        ['1', '2'],
        ['3', '4'],
      ],
      [1, 3, 5],
    ],
    [
      'empty fields',
      ',\n,x,\n',
      [
        ['', ''],
        ['', 'x', ''],
      ],
      [1, 2],
    ],
    ['a quoted comma', '"a,b",c\n', [['a,b', 'c']], [1]],
    ['doubled quotes (FOCUS Tags)', '"{""k"": ""v""}",x\n', [['{"k": "v"}', 'x']], [1]],
    [
      'a quoted line break',
      '"a\nb",c\nd,e\n',
      [
        ['a\nb', 'c'],
        ['d', 'e'],
      ],
      [1, 3],
    ],
    ['a quoted CRLF kept inside', '"a\r\nb",c\r\n', [['a\r\nb', 'c']], [1]],
    ['an empty quoted field last', 'a,""\n', [['a', '']], [1]],
  ])('reads %s', (_name, text, records, lines) => {
    expect(tokenize(text)).toEqual({ records, lines });
  });

  test('gives the same records whatever the chunk size', () => {
    const text = 'h1,h2,h3\r\n"x,""y""",2,\r\n\r\n"multi\nline",5,6\n7,8,9';
    const whole = tokenize(text);
    for (let size = 1; size <= text.length; size++) expect(tokenize(text, size)).toEqual(whole);
  });

  test('reports an unterminated quote with the line it starts on', () => {
    expect(() => tokenize('a\nb\n"never closed,1\n2\n')).toThrow(UnterminatedQuoteError);
    try {
      tokenize('a\nb\n"never closed,1\n2\n');
    } catch (error) {
      expect((error as UnterminatedQuoteError).line).toBe(3);
    }
  });

  test('agrees with csv-parse on any well-formed CSV, in any chunking', () => {
    const field = fc.stringMatching(/^[a-z0-9 ",\n{}:]{0,8}$/);
    const row = fc.array(field, { minLength: 2, maxLength: 2 });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (rows, size) => {
          const text = rows.map((cells) => cells.map(quote).join(',')).join('\r\n') + '\r\n';
          const expected = parse(text, {
            skip_empty_lines: true,
            relax_column_count: true,
          }) as string[][];
          const nonBlank = expected.filter((cells) => !(cells.length === 1 && cells[0] === ''));
          expect(tokenize(text, size).records).toEqual(nonBlank);
        },
      ),
      { numRuns: 300 },
    );
  });
});

function quote(cell: string): string {
  return `"${cell.replaceAll('"', '""')}"`;
}
