import { describe, expect, test } from 'vitest';
import {
  bodyWithoutRun,
  buildCommentBody,
  commentMarker,
  fitMarkdown,
  GITHUB_COMMENT_LIMIT,
  isCommentFor,
  readRunStamp,
} from '../../src/github/comment-body.js';

const RUN = { runId: 987654321, runAttempt: 2, at: '2030-01-02T03:04:05.000Z' };

describe('commentMarker', () => {
  test.each([
    ['default', '<!-- openclaw-tags:default -->'],
    ['aws/prod', '<!-- openclaw-tags:aws%2Fprod -->'],
    ['node 20, ubuntu', '<!-- openclaw-tags:node%2020%2C%20ubuntu -->'],
    ['x --> <img src=x>', '<!-- openclaw-tags:x%20--%3E%20%3Cimg%20src%3Dx%3E -->'],
    ['a%20b', '<!-- openclaw-tags:a%2520b -->'],
  ])('tag %j gives %s', (tag, marker) => {
    expect(commentMarker(tag)).toBe(marker);
  });

  test.each([
    ['its own marker on the first line', '<!-- openclaw-tags:prod -->\nbody', 'prod', true],
    ['CRLF line ends', '<!-- openclaw-tags:prod -->\r\nbody', 'prod', true],
    ['a longer tag', '<!-- openclaw-tags:prod-eu -->\nbody', 'prod', false],
    ['a shorter tag', '<!-- openclaw-tags:prod -->\nbody', 'prod-eu', false],
    ['the marker quoted later in a reply', '> quoted\n<!-- openclaw-tags:prod -->', 'prod', false],
    ['an encoded tag', '<!-- openclaw-tags:a%20b -->\n', 'a b', true],
    ['the encoded form given as a tag', '<!-- openclaw-tags:a%20b -->\n', 'a%20b', false],
  ])('isCommentFor: %s', (_name, body, tag, expected) => {
    expect(isCommentFor(body, tag)).toBe(expected);
  });
});

describe('run stamp', () => {
  test('a built body records the run, and two runs of one report compare equal', () => {
    const first = buildCommentBody({ tag: 't', run: RUN, report: 'R' });
    const second = buildCommentBody({
      tag: 't',
      run: { runId: 1, runAttempt: 1, at: '2031-01-01T00:00:00.000Z' },
      report: 'R',
    });
    expect(first).toBe(
      '<!-- openclaw-tags:t -->\n' +
        '<!-- openclaw-tags-run: run=987654321 attempt=2 at=2030-01-02T03:04:05.000Z -->\nR',
    );
    expect(readRunStamp(first)).toEqual(RUN);
    expect(bodyWithoutRun(first)).toBe(bodyWithoutRun(second));
    expect(bodyWithoutRun(first)).not.toBe(
      bodyWithoutRun(buildCommentBody({ tag: 't', run: RUN, report: 'R2' })),
    );
  });

  test.each([
    ['no marker', 'just text'],
    ['a marker with words for numbers', '<!-- openclaw-tags-run: run=x attempt=1 at=z -->'],
  ])('readRunStamp: %s gives nothing', (_name, body) => {
    expect(readRunStamp(body)).toBeUndefined();
  });
});

describe('truncation', () => {
  const row = (index: number) => `| finding ${index} | ${'x'.repeat(80)} |`;
  const table = ['| a | b |', '| --- | --- |', ...Array.from({ length: 2000 }, (_, i) => row(i))];

  test('a report that fits is kept as it is', () => {
    const report = table.slice(0, 10).join('\n');
    expect(buildCommentBody({ tag: 't', run: RUN, report })).toContain(report);
  });

  test('a report over the limit is cut at a line, with a visible note, under the limit', () => {
    const report = table.join('\n');
    const body = buildCommentBody({ tag: 't', run: RUN, report });
    expect(report.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT);
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(body.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT - 400);
    expect(body).toMatch(/\| finding \d+ \| x+ \|\n\n> \[!WARNING\]\n> This report was cut/);
    expect(body).toMatch(/characters are not shown\. The job summary and the JSON report hold/);
    expect(readRunStamp(body)).toEqual(RUN);
  });

  test.each([
    ['a code fence', '```\n' + 'line\n'.repeat(500), '\n```\n\n> [!WARNING]'],
    [
      'a details block',
      '<details><summary>s</summary>\n\n' + 'row\n'.repeat(500),
      '\n\n</details>\n\n> [!WARNING]',
    ],
  ])('a cut inside %s closes it before the note', (_name, markdown, closing) => {
    const fitted = fitMarkdown(markdown, 600);
    expect(fitted.length).toBeLessThanOrEqual(600);
    expect(fitted).toContain(closing);
  });

  test('the cost section is kept whole when the report is cut', () => {
    const cost =
      '#### Cost of the touched tags\n\n| Project | Cost |\n| --- | --- |\n| a | 1.00 USD |';
    const body = buildCommentBody({
      tag: 't',
      run: RUN,
      report: table.join('\n'),
      costSection: cost,
    });
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(body.endsWith(`\n\n${cost}`)).toBe(true);
    expect(body).toContain('This report was cut');
  });

  test('a cost section longer than half the limit is cut too', () => {
    const cost = 'cost row\n'.repeat(10_000);
    const body = buildCommentBody({
      tag: 't',
      run: RUN,
      report: table.join('\n'),
      costSection: cost,
    });
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(body.match(/This report was cut/g)).toHaveLength(2);
  });

  test('a single line longer than the room still gives a body within the limit', () => {
    const body = buildCommentBody({ tag: 't', run: RUN, report: 'y'.repeat(100_000), limit: 5000 });
    expect(body.length).toBeLessThanOrEqual(5000);
    expect(body).toContain('100,000 of 100,000 characters are not shown');
  });
});
