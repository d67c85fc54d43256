import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingestFiles } from '../../src/billing/index.js';
import { buildCostReport, renderCostMarkdown } from '../../src/report/cost/index.js';
import { expectGolden } from '../golden.js';
import { NOW, testPolicy } from './helpers.js';

const exampleDir = join(import.meta.dirname, '..', '..', 'examples', 'ai-nutrition-app', 'billing');

/** Leaf rows of the Environment, Model table as [environment, model, amount]. */
async function storyRows(file: string) {
  const snapshot = await ingestFiles([join(exampleDir, file)], {
    format: 'auto',
    policy: testPolicy,
    now: NOW,
  });
  const report = buildCostReport(snapshot, { groupBy: ['Environment', 'Model'], now: NOW });
  const [table] = report.groups;
  return {
    snapshot,
    report,
    rows: (table?.rows ?? []).map((row) => [
      row.values.Environment,
      row.values.Model ?? '*',
      row.amount,
    ]),
    total: table?.total,
  };
}

describe('the AI nutrition app example', () => {
  test.each([
    ['FOCUS CSV', 'focus-2026-11.csv'],
    ['legacy CUR CSV', 'cur-2026-11.csv'],
  ])('gives the story spend to the cent from %s', async (_name, file) => {
    const { rows, total } = await storyRows(file);
    expect(rows).toEqual([
      ['prod', 'food-recognition', '7000'],
      ['prod', 'workout-recommendation', '4000'],
      ['prod', 'energy-prediction', '2500'],
      ['prod', '*', '13500'],
      ['staging', 'all-models', '1500'],
      ['staging', '*', '1500'],
    ]);
    expect(total).toBe('15000');
  });

  test.each([
    ['FOCUS CSV', 'focus-2026-11.csv'],
    ['legacy CUR CSV', 'cur-2026-11.csv'],
  ])(
    'counts the `model` spelling under Model and reports it as drift, from %s',
    async (_n, file) => {
      const { snapshot } = await storyRows(file);
      expect(snapshot.drift.keys).toEqual([
        {
          spellings: [
            { spelling: 'Model', spend: [{ currency: 'USD', amount: '12500' }] },
            { spelling: 'model', spend: [{ currency: 'USD', amount: '2500' }] },
          ],
        },
      ]);
      expect(snapshot.badRows.count).toBe(0);
      expect(snapshot.totals).toEqual([{ currency: 'USD', amount: '15000' }]);
    },
  );

  test('renders the pull-request cost section (golden file)', async () => {
    const { snapshot } = await storyRows('focus-2026-11.csv');
    const report = buildCostReport(snapshot, {
      groupBy: ['Environment', 'Model'],
      touched: { Model: ['food-recognition'], environment: ['prod'] },
      now: new Date('2026-12-04T12:00:00Z'),
    });
    expectGolden('billing-cost.golden.md', renderCostMarkdown(report));
  });
});
