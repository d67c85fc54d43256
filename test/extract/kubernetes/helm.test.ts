import { describe, expect, test } from 'vitest';
import { extractFixture, extractInline } from './helpers.js';

const NOTICE = (chart: string) =>
  `Helm chart ${chart}: templates are not rendered; run helm template and scan the output`;

describe('Helm charts', () => {
  test('templates are skipped with one notice per chart, never a parse error', async () => {
    const extraction = await extractFixture('helm');
    expect(extraction.errors).toEqual([]);
    expect(extraction.notices).toEqual([
      { file: 'charts/db/templates/pv.yaml', message: NOTICE('db') },
      { file: 'charts/web/Chart.yaml', message: NOTICE('web-frontend') },
    ]);
  });

  test('a file of a chart without template syntax is read as a manifest', async () => {
    const extraction = await extractFixture('helm');
    expect(extraction.resources.map((resource) => resource.address)).toEqual([
      'PersistentVolumeClaim/default/static',
      'PersistentVolumeClaim/default/outside',
    ]);
  });

  test('templates of one chart in memory give one notice, named after the folder', async () => {
    const template = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.n }}\n';
    const extraction = await extractInline({
      'deploy/mychart/templates/a.yaml': template,
      'deploy/mychart/templates/b.yaml': template,
    });
    expect(extraction.notices).toEqual([
      { file: 'deploy/mychart/templates/a.yaml', message: NOTICE('mychart') },
    ]);
    expect(extraction.resources).toEqual([]);
    expect(extraction.errors).toEqual([]);
  });
});
