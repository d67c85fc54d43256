import { awsRows, azurermRows, googleRows } from './data/terraform.js';
import type { CostClass, TerraformTypeFacts } from './types.js';

/**
 * Terraform resource types of the three catalogued providers, read from the generated table
 * (see scripts/build-catalog.mjs for the row layout), plus the utility providers whose
 * resources exist only inside Terraform and are never billed.
 */

/** The providers the catalog lists type by type, with the name of their usual tag attribute. */
const CATALOGUED_PROVIDERS: Readonly<Record<string, { rows: readonly string[]; usual: string }>> = {
  aws: { rows: awsRows, usual: 'tags' },
  google: { rows: googleRows, usual: 'labels' },
  azurerm: { rows: azurermRows, usual: 'tags' },
};

/**
 * Providers whose resources live only in Terraform state (random ids, waits, local files,
 * generated keys): they carry no tags and create no spend.
 */
const UTILITY_PROVIDERS: ReadonlySet<string> = new Set([
  'archive',
  'cloudinit',
  'external',
  'http',
  'local',
  'null',
  'random',
  'template',
  'terraform',
  'time',
  'tls',
]);

const COST_LETTERS: Readonly<Record<string, CostClass>> = { y: 'yes', n: 'no', u: 'unknown' };

let table: ReadonlyMap<string, TerraformTypeFacts> | undefined;

/** The provider a Terraform type belongs to: the part of its name before the first `_`. */
export function terraformProviderOf(type: string): string {
  const underscore = type.indexOf('_');
  return underscore < 0 ? type : type.slice(0, underscore);
}

/** Whether the catalog lists this provider's types one by one (`aws`, `google`, `azurerm`). */
export function isCataloguedProvider(provider: string): boolean {
  return Object.hasOwn(CATALOGUED_PROVIDERS, provider);
}

/** Whether the provider only manages things inside Terraform (`random`, `null`, `time`...). */
export function isUtilityProvider(provider: string): boolean {
  return UTILITY_PROVIDERS.has(provider);
}

/** The usual tag attribute of a catalogued provider: `labels` for google, `tags` otherwise. */
export function usualTagAttribute(provider: string): string | undefined {
  return CATALOGUED_PROVIDERS[provider]?.usual;
}

/** The table's facts for a Terraform type, or undefined when the table does not list it. */
export function terraformTypeFacts(type: string): TerraformTypeFacts | undefined {
  table ??= buildTable();
  return table.get(type);
}

/** Every Terraform type the table lists, for tests and documentation checks. */
export function terraformTypes(): readonly string[] {
  table ??= buildTable();
  return [...table.keys()];
}

function buildTable(): ReadonlyMap<string, TerraformTypeFacts> {
  const facts = new Map<string, TerraformTypeFacts>();
  for (const [provider, { rows, usual }] of Object.entries(CATALOGUED_PROVIDERS)) {
    for (const row of rows.join(' ').split(' ')) {
      const parsed = parseRow(provider, usual, row);
      facts.set(parsed.type, parsed);
    }
  }
  return facts;
}

function parseRow(provider: string, usual: string, row: string): TerraformTypeFacts {
  const [name = '', attribute = '', flags = ''] = row.split(',');
  const cost = COST_LETTERS[flags.charAt(1)];
  if (name === '' || cost === undefined) {
    throw new Error(`openclaw-tags catalog: malformed Terraform row "${row}"; rebuild the catalog`);
  }
  return {
    type: `${provider}_${name}`,
    provider,
    tagAttribute: attribute === '' ? undefined : attribute === '=' ? usual : attribute,
    defaultTags: flags.charAt(0) === 'd',
    cost,
  };
}
