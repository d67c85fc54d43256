import { escapeMarkdown } from '../escape.js';
import { renderDailyChart } from './chart.js';
import { formatMoney, formatShare, formatUnitPrice } from './money-format.js';
import type { CostReport, GroupTable, TouchedValue } from './types.js';

/** What a missing tag value reads as in a table. */
const UNTAGGED = '_(untagged)_';

/**
 * The cost section of the pull-request comment, in GitHub Markdown: freshness warning, the
 * touched tag values with their 30-day trend, spend grouped with subtotals per currency,
 * untagged share and coverage, a daily chart, unit costs, spelling drift and bad rows. Every
 * string that came from billing data or a file name is escaped.
 */
export function renderCostMarkdown(report: CostReport): string {
  const sections = [
    header(report),
    touchedSection(report),
    ...report.groups.map((table) => groupSection(report, table)),
    coverageSection(report),
    chartSection(report),
    unitSection(report),
    driftSection(report),
    problemSection(report),
  ];
  return `${sections.filter((section) => section.length > 0).join('\n\n')}\n`;
}

function header(report: CostReport): string {
  const lines = ['### Cost'];
  if (report.stale) {
    lines.push(
      '',
      `> [!WARNING]\n> The billing snapshot is ${report.ageHours} hours old ` +
        `(generated ${report.snapshotGeneratedAt}); run \`openclaw-tags ingest\` again ` +
        'for current spend.',
    );
  }
  if (report.period === null) {
    lines.push('', 'The billing snapshot holds no spend.');
    return lines.join('\n');
  }
  const totals = report.totals.map((total) => formatMoney(total.amount, total.currency));
  lines.push(
    '',
    `Billing data from ${report.period.start} to ${report.period.end}: ${totals.join(', ')} ` +
      `(snapshot of ${report.snapshotGeneratedAt}).`,
  );
  return lines.join('\n');
}

function touchedSection(report: CostReport): string {
  if (report.touched.length === 0 || report.windows === null) return '';
  const { last, previous, previousHasData } = report.windows;
  const lines = [
    '#### Tag values this pull request touches',
    '',
    `Last 30 days: ${last.start} to ${last.end}; previous 30 days: ${previous.start} to ` +
      `${previous.end}${previousHasData ? '' : ' (the snapshot has no data for them)'}.`,
    '',
    '| Tag | Value | Last 30 days | Previous 30 days | Change | Share |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const entry of report.touched) lines.push(touchedRow(entry, previousHasData));
  return lines.join('\n');
}

function touchedRow(entry: TouchedValue, previousHasData: boolean): string {
  const cells = [escapeMarkdown(entry.key), escapeMarkdown(entry.value)];
  if (!entry.found) return `| ${cells.join(' | ')} | no spend in the snapshot | | | |`;
  if (!previousHasData) {
    cells.push(formatMoney(entry.last30, entry.currency), 'no data', '', formatShare(entry.share));
    return `| ${cells.join(' | ')} |`;
  }
  const change = formatMoney(entry.change, entry.currency);
  const signed = entry.change.startsWith('-') || entry.change === '0' ? change : `+${change}`;
  const ratio =
    entry.changeRatio === null
      ? ''
      : ` (${entry.changeRatio >= 0 ? '+' : ''}${formatShare(entry.changeRatio)})`;
  cells.push(
    formatMoney(entry.last30, entry.currency),
    formatMoney(entry.previous30, entry.currency),
    `${signed}${ratio}`,
    formatShare(entry.share),
  );
  return `| ${cells.join(' | ')} |`;
}

function groupSection(report: CostReport, table: GroupTable): string {
  const keys = report.groupBy;
  const title = keys.map(escapeMarkdown).join(', ');
  const lines = [
    `#### Spend by ${title} (${table.currency})`,
    '',
    `| ${keys.map(escapeMarkdown).join(' | ')} | Cost | Share |`,
    `| ${keys.map(() => '---').join(' | ')} | ---: | ---: |`,
  ];
  for (const row of table.rows) {
    const cells = keys.map((key) => {
      if (!(key in row.values)) return '';
      const value = row.values[key];
      const text = value === null || value === undefined ? UNTAGGED : escapeMarkdown(value);
      return row.subtotal ? `**${text} subtotal**` : text;
    });
    const amount = formatMoney(row.amount, table.currency);
    const money = row.subtotal ? `**${amount}**` : amount;
    lines.push(`| ${cells.join(' | ')} | ${money} | ${formatShare(row.share)} |`);
  }
  const blanks = keys
    .slice(1)
    .map(() => ' |')
    .join('');
  lines.push(`| **Total** |${blanks} **${formatMoney(table.total, table.currency)}** | 100.0% |`);
  return lines.join('\n');
}

function coverageSection(report: CostReport): string {
  if (report.period === null) return '';
  const lines = ['#### Tag coverage', ''];
  for (const entry of report.untagged) {
    lines.push(
      `- Spend without any tag: ${formatMoney(entry.amount, entry.currency)} ` +
        `(${formatShare(entry.share)} of ${entry.currency} spend)`,
    );
  }
  for (const entry of report.coverage) {
    lines.push(
      `- ${escapeMarkdown(entry.key)}: ${formatShare(entry.share)} of ${entry.currency} spend ` +
        `tagged; ${formatMoney(entry.untagged, entry.currency)} without it`,
    );
  }
  return lines.join('\n');
}

function chartSection(report: CostReport): string {
  const charts = report.daily.filter((series) => series.days.length > 1).map(renderDailyChart);
  return charts.length === 0 ? '' : ['#### Daily cost, last 30 days', '', ...charts].join('\n');
}

function unitSection(report: CostReport): string {
  if (report.unitCosts.length === 0) return '';
  const lines = [
    '#### Cost per unit',
    '',
    'Usage cost is the cost of the rows that state a quantity; credits and fees without one ' +
      'are left out.',
    '',
    '| Tag | Value | Service | Unit | Quantity | Usage cost | Per unit |',
    '| --- | --- | --- | --- | ---: | ---: | ---: |',
  ];
  for (const unit of report.unitCosts) {
    const cells = [unit.key ?? '', unit.value ?? '', unit.service, unit.unit].map(escapeMarkdown);
    cells.push(
      unit.quantity,
      formatMoney(unit.amount, unit.currency),
      formatUnitPrice(unit.perUnit, unit.currency),
    );
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function driftSection(report: CostReport): string {
  if (report.drift.length === 0) return '';
  const lines = ['#### Spellings that differ only by case or separators', ''];
  for (const group of report.drift) {
    const spellings = group.spellings.map((entry) => {
      const spend = entry.spend.map((money) => formatMoney(money.amount, money.currency));
      return `${escapeMarkdown(JSON.stringify(entry.spelling))} ${spend.join(', ')}`;
    });
    const what = group.key === undefined ? 'key' : `${escapeMarkdown(group.key)} value`;
    lines.push(`- ${what}: ${spellings.join(' · ')}`);
  }
  return lines.join('\n');
}

function problemSection(report: CostReport): string {
  const lines: string[] = [];
  if (report.badRows.count > 0) {
    lines.push(`- ${report.badRows.count} billing row(s) could not be read and are not counted:`);
    for (const sample of report.badRows.samples) {
      lines.push(`  - ${escapeMarkdown(`${sample.file}:${sample.line}: ${sample.reason}`)}`);
    }
  }
  for (const warning of report.warnings) lines.push(`- ${escapeMarkdown(warning)}`);
  return lines.length === 0 ? '' : ['#### Data notes', '', ...lines].join('\n');
}
