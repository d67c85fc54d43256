import { describe, expect, test } from 'vitest';
import { ingestFiles, type Snapshot } from '../../src/billing/index.js';
import {
  buildCostReport,
  CostReportError,
  formatMoney,
  renderCostJson,
  renderCostMarkdown,
} from '../../src/report/cost/index.js';
import { fixture, NOW, testPolicy } from './helpers.js';

async function trendSnapshot(): Promise<Snapshot> {
  return ingestFiles([fixture('focus-trend.csv')], {
    format: 'auto',
    policy: testPolicy,
    now: NOW,
  });
}

describe('formatMoney', () => {
  test.each([
    ['7000', 'USD', '$7,000.00'],
    ['-12.345', 'EUR', '-€12.35'],
    ['1200.5', 'JPY', '¥1,201'],
    ['0.004', 'USD', '$0.00'],
    ['1234567.891', 'GBP', '£1,234,567.89'],
    ['2', 'XXX', '2.00 (no currency)'],
  ])('writes %s %s as %s', (amount, currency, expected) => {
    expect(formatMoney(amount, currency)).toBe(expected);
  });
});

describe('buildCostReport', () => {
  test('compares the last 30 days of data with the 30 before, per currency', async () => {
    const report = buildCostReport(await trendSnapshot(), {
      groupBy: ['Model'],
      touched: { model: ['a', 'missing'] },
      now: new Date('2026-12-01T12:00:00Z'),
    });
    expect(report.windows).toEqual({
      last: { start: '2026-10-22', end: '2026-11-20' },
      previous: { start: '2026-09-22', end: '2026-10-21' },
      previousHasData: true,
    });
    expect(report.touched).toEqual([
      {
        key: 'Model',
        value: 'a',
        currency: 'JPY',
        last30: '1200',
        previous30: '0',
        change: '1200',
        changeRatio: null,
        share: 1,
        found: true,
      },
      {
        key: 'Model',
        value: 'a',
        currency: 'USD',
        last30: '150',
        previous30: '100',
        change: '50',
        changeRatio: 0.5,
        share: 0.75,
        found: true,
      },
      {
        key: 'Model',
        value: 'missing',
        currency: 'JPY',
        last30: '0',
        previous30: '0',
        change: '0',
        changeRatio: null,
        share: 0,
        found: false,
      },
    ]);
    expect(report.stale).toBe(false);
  });

  test('warns when the snapshot is older than 48 hours', async () => {
    const snapshot = await trendSnapshot();
    const fresh = buildCostReport(snapshot, {
      groupBy: ['Model'],
      now: new Date('2026-12-03T06:00:00Z'),
    });
    const stale = buildCostReport(snapshot, {
      groupBy: ['Model'],
      now: new Date('2026-12-03T07:00:00Z'),
    });
    expect([fresh.stale, stale.stale, stale.ageHours]).toEqual([false, true, 49]);
    expect(renderCostMarkdown(stale)).toContain('The billing snapshot is 49 hours old');
    expect(renderCostMarkdown(fresh)).not.toContain('hours old');
  });

  test('groups by a key outside the policy, with the rest as untagged', async () => {
    const report = buildCostReport(await trendSnapshot(), { groupBy: ['team'], now: NOW });
    const usd = report.groups.find((table) => table.currency === 'USD');
    expect(usd?.rows.map((row) => [row.values.team, row.amount, row.share])).toEqual([
      ['x', '250', 0.8333],
      [null, '50', 0.1667],
    ]);
  });

  test.each([
    [
      'an unknown key',
      ['Nope'],
      /group-by key `Nope` is not in the snapshot; keys: Project, Environment/,
    ],
    ['a non-policy key among several', ['Model', 'team'], /`team` is not a policy key/],
  ])('refuses %s', async (_name, groupBy, message) => {
    const snapshot = await trendSnapshot();
    expect(() => buildCostReport(snapshot, { groupBy, now: NOW })).toThrow(CostReportError);
    expect(() => buildCostReport(snapshot, { groupBy, now: NOW })).toThrow(message);
  });
});

describe('renderers', () => {
  test('escape tag values from billing data in Markdown', async () => {
    const report = buildCostReport(await trendSnapshot(), {
      groupBy: ['Environment', 'Model'],
      touched: { Model: ['<img src=x> @team *b*'] },
      now: NOW,
    });
    const markdown = renderCostMarkdown(report);
    expect(markdown).not.toContain('<img');
    expect(markdown).not.toContain('*b*');
    expect(markdown).not.toMatch(/(^|[^\u200D])@team/);
    expect(markdown).toContain('&lt;img src=x&gt;');
  });

  test('keeps currencies in separate tables and renders JSON with exact amounts', async () => {
    const report = buildCostReport(await trendSnapshot(), { groupBy: ['Model'], now: NOW });
    const markdown = renderCostMarkdown(report);
    expect(markdown).toContain('#### Spend by Model (JPY)');
    expect(markdown).toContain('| **Total** | **¥1,200** | 100.0% |');
    expect(markdown).toContain('| **Total** | **$300.00** | 100.0% |');
    const parsed = JSON.parse(renderCostJson(report)) as { totals: unknown };
    expect(parsed.totals).toEqual([
      { currency: 'JPY', amount: '1200' },
      { currency: 'USD', amount: '300' },
    ]);
  });
});
