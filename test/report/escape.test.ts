import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { escapeMarkdown } from '../../src/report/escape.js';

const ZWJ = '\u200D';

describe('escapeMarkdown', () => {
  test.each([
    ['plain words stay', 'CostCenter', 'CostCenter'],
    ['a Terraform address', 'aws_instance.web', 'aws\\_instance.web'],
    ['emphasis', '**bold** _it_', '\\*\\*bold\\*\\* \\_it\\_'],
    ['a code span', '`rm -rf /`', '\\`rm -rf /\\`'],
    ['a table pipe', 'a|b', 'a\\|b'],
    ['a link', '[x](y)', '\\[x\\]\\(y\\)'],
    ['an image', '![x](y)', '\\!\\[x\\]\\(y\\)'],
    ['an HTML tag', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert\\(1\\)&gt;'],
    ['an entity', '&lt;', '&amp;lt;'],
    ['a quote stays', 'say "hi"', 'say "hi"'],
    ['a mention', '@octocat', `@${ZWJ}octocat`],
    ['a team mention', '@org/team', `@${ZWJ}org/team`],
    ['an email', 'a@b.example', `a@${ZWJ}b.example`],
    ['an issue reference', 'fixes #12', `fixes \\#${ZWJ}12`],
    ['a heading marker', '# title', '\\# title'],
    ['a list marker', '- item', '\\- item'],
    ['a dash inside text', 'cost-center', 'cost-center'],
    ['an ordered list marker', '1. item', '1\\. item'],
    ['strikethrough', '~~gone~~', '\\~\\~gone\\~\\~'],
    ['math', '$x$', '\\$x\\$'],
    ['a bare URL', 'https://evil.example/x', `https:${ZWJ}//evil.example/x`],
    ['a www link', 'www.evil.example', `www${ZWJ}.evil.example`],
    ['a backslash', 'C:\\path', 'C:\\\\path'],
    ['line breaks', 'a\nb\r\nc\u2028d', 'a b  c d'],
    ['a tab', 'a\tb', 'a b'],
    ['an ANSI escape', '\u001b[31m', '\uFFFD\\[31m'],
    ['NUL and DEL', 'a\u0000b\u007f', 'a\uFFFDb\uFFFD'],
    ['a bidi override', 'abc\u202Edef', 'abc\uFFFDdef'],
    ['astral characters stay whole', '😀 ok', '😀 ok'],
  ])('%s', (_name, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  test.each([['<'], ['>'], ['|'], ['\n'], ['\r'], ['\u001b']])(
    'never lets %j through unescaped',
    (dangerous) => {
      const hostile = `x${dangerous}<script>alert(1)</script>|${dangerous}`;
      const escaped = escapeMarkdown(hostile);
      expect(escaped).not.toMatch(/<|(?<!\\)\|/);
      expect(['\n', '\r', '\u001b'].filter((character) => escaped.includes(character))).toEqual([]);
    },
  );
});

describe('escapeMarkdown on any string', () => {
  test('leaves no tag opener, bare pipe, line break, control character or live mention', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const escaped = escapeMarkdown(text);
        expect(escaped).not.toMatch(/[<>\n\r\u2028\u2029]|(?<!\\)\||@(?!\u200D)/);
        const controls = Array.from(escaped).filter((character) => {
          const code = character.codePointAt(0) ?? 0;
          return code < 0x20 || (code >= 0x7f && code <= 0x9f);
        });
        expect(controls).toEqual([]);
      }),
    );
  });
});
