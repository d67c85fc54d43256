#!/usr/bin/env node
/**
 * Writes the AI nutrition app's billing for November 2026 to examples/ai-nutrition-app/billing/,
 * once as FOCUS 1.0 CSV and once as AWS legacy CUR CSV. Both hold the same charges: prod
 * inference endpoints of the three models ($7,000.00, $4,000.00, $2,500.00; the food
 * recognition endpoint's usage is $7,100.00 less a $100.00 credit) and the staging endpoint
 * that serves all models ($1,500.00), $15,000.00 in all: the endpoints, accounts and tags of
 * examples/ai-nutrition-app/terraform. Deterministic: run it again and the files do not
 * change.
 *
 *   node scripts/generate-example-billing.mjs [output-directory]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const outDir =
  process.argv[2] ?? join(import.meta.dirname, '..', 'examples/ai-nutrition-app/billing');
const DAYS = 30;
const MONTH = '2026-11';
const PROD_ACCOUNT = '123456789012';
const STAGING_ACCOUNT = '210987654321';
const REGION = 'eu-west-1';

/** What the provider default tags of examples/ai-nutrition-app/terraform give every endpoint. */
const DEFAULT_TAGS = {
  Project: 'nutrition-ai',
  CostCenter: 'CC-4120',
  Owner: 'ml-platform@nutrition.example',
};

/**
 * Each endpoint of the Terraform example: its tags as the bill sees them and the month's usage
 * in cents (credits come separately). The energy prediction module writes its model tag as
 * `model`, so the bill carries both spellings of the key: the report's drift section shows it,
 * and ingestion still counts it under `Model`.
 */
const endpoints = [
  endpoint('food-recognition', PROD_ACCOUNT, 710_000, 'ml.g5.2xlarge', {
    Environment: 'prod',
    Model: 'food-recognition',
    ModelVersion: 'v3.2',
  }),
  endpoint('workout-recommendation', PROD_ACCOUNT, 400_000, 'ml.m5.xlarge', {
    Environment: 'prod',
    Model: 'workout-recommendation',
    ModelVersion: 'v1.8',
  }),
  endpoint('energy-prediction', PROD_ACCOUNT, 250_000, 'ml.c5.xlarge', {
    Environment: 'prod',
    model: 'energy-prediction',
    ModelVersion: 'v0.9',
  }),
  // Staging runs all three models on one multi-model endpoint, in its own account.
  endpoint('nutrition-staging-all-models', STAGING_ACCOUNT, 150_000, 'ml.m5.large', {
    Environment: 'staging',
    Model: 'all-models',
  }),
];

/** Credits: one line on the last day, negative. */
const credits = [{ endpoint: endpoints[0], cents: -10_000, description: 'Promotional credit' }];

function endpoint(name, account, monthCents, instance, tags) {
  return {
    name,
    account,
    instance,
    monthCents,
    resourceId: `arn:aws:sagemaker:${REGION}:${account}:endpoint/${name}`,
    tags: { ...DEFAULT_TAGS, ...tags },
  };
}

/** Splits cents over the days exactly: the first days take the remainder, one cent each. */
function dailyCents(total) {
  const base = Math.floor(total / DAYS);
  const remainder = total - base * DAYS;
  return Array.from({ length: DAYS }, (_, index) => base + (index < remainder ? 1 : 0));
}

function money(cents) {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function day(index) {
  return `${MONTH}-${String(index + 1).padStart(2, '0')}`;
}

function csvField(text) {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function charges() {
  const list = [];
  for (const point of endpoints) {
    dailyCents(point.monthCents).forEach((cents, index) => {
      list.push({ point, day: day(index), cents, kind: 'Usage', hours: 24 });
    });
  }
  for (const credit of credits) {
    list.push({
      point: credit.endpoint,
      day: day(DAYS - 1),
      cents: credit.cents,
      kind: 'Credit',
      hours: 0,
    });
  }
  return list;
}

function focusCsv(list) {
  const header = [
    'BilledCost',
    'EffectiveCost',
    'BillingCurrency',
    'BillingAccountId',
    'SubAccountId',
    'BillingPeriodStart',
    'BillingPeriodEnd',
    'ChargeCategory',
    'ChargeDescription',
    'ChargePeriodStart',
    'ChargePeriodEnd',
    'ConsumedQuantity',
    'ConsumedUnit',
    'ProviderName',
    'ServiceName',
    'ResourceId',
    'ResourceName',
    'RegionId',
    'Tags',
  ];
  const rows = list.map((charge) => {
    const usage = charge.kind === 'Usage';
    return [
      money(charge.cents),
      money(charge.cents),
      'USD',
      PROD_ACCOUNT,
      charge.point.account,
      `${MONTH}-01T00:00:00Z`,
      '2026-12-01T00:00:00Z',
      usage ? 'Usage' : 'Credit',
      usage ? `SageMaker real-time inference on ${charge.point.instance}` : 'Promotional credit',
      `${charge.day}T00:00:00Z`,
      `${nextDay(charge.day)}T00:00:00Z`,
      usage ? String(charge.hours) : 'NULL',
      usage ? 'Hours' : 'NULL',
      'AWS',
      'Amazon SageMaker',
      charge.point.resourceId,
      charge.point.name,
      REGION,
      JSON.stringify(charge.point.tags),
    ].map(csvField);
  });
  return [header, ...rows].map((row) => row.join(',')).join('\n') + '\n';
}

function curCsv(list) {
  // One column per tag key any endpoint has, as CUR writes them: `model` and `Model` apart.
  const tagKeys = [...new Set(endpoints.flatMap((point) => Object.keys(point.tags)))];
  const header = [
    'identity/LineItemId',
    'bill/PayerAccountId',
    'lineItem/UsageAccountId',
    'lineItem/LineItemType',
    'lineItem/UsageStartDate',
    'lineItem/UsageEndDate',
    'lineItem/ProductCode',
    'lineItem/UsageType',
    'lineItem/ResourceId',
    'lineItem/UsageAmount',
    'lineItem/CurrencyCode',
    'lineItem/UnblendedCost',
    'product/ProductName',
    'pricing/unit',
    ...tagKeys.map((key) => `resourceTags/user:${key}`),
  ];
  const rows = list.map((charge, index) => {
    const usage = charge.kind === 'Usage';
    return [
      `li-${String(index + 1).padStart(5, '0')}`,
      PROD_ACCOUNT,
      charge.point.account,
      usage ? 'Usage' : 'Credit',
      `${charge.day}T00:00:00Z`,
      `${nextDay(charge.day)}T00:00:00Z`,
      'AmazonSageMaker',
      usage ? `EU-Host:${charge.point.instance}` : '',
      charge.point.resourceId,
      usage ? String(charge.hours) : '0',
      'USD',
      money(charge.cents),
      'Amazon SageMaker',
      usage ? 'Hrs' : '',
      ...tagKeys.map((key) => charge.point.tags[key] ?? ''),
    ].map(csvField);
  });
  return [header, ...rows].map((row) => row.join(',')).join('\n') + '\n';
}

function nextDay(text) {
  const date = new Date(`${text}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

mkdirSync(outDir, { recursive: true });
const list = charges();
writeFileSync(join(outDir, 'focus-2026-11.csv'), focusCsv(list));
writeFileSync(join(outDir, 'cur-2026-11.csv'), curCsv(list));
console.log(`wrote ${list.length} charges as FOCUS and CUR CSV to ${outDir}`);
