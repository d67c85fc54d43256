import { cloudFormationRows } from './data/cloudformation.js';
import type {
  CloudFormationTagForm,
  CloudFormationTagProperty,
  CloudFormationTypeFacts,
  CostClass,
} from './types.js';

/**
 * CloudFormation resource types, read from the generated table (see scripts/build-catalog.mjs
 * for the row layout), plus the namespaces that need a rule of their own: SAM types missing
 * from the table, custom resources, and third-party registry types.
 */

const FORMS: Readonly<Record<string, CloudFormationTagForm | undefined>> = {
  l: 'list',
  m: 'map',
  a: 'asg-list',
  o: 'other',
  '-': undefined,
};

const COST_LETTERS: Readonly<Record<string, CostClass>> = { y: 'yes', n: 'no', u: 'unknown' };

/** The form every type outside the table is assumed to use, as most of the registry does. */
export const DEFAULT_TAG_PROPERTY: CloudFormationTagProperty = { property: 'Tags', form: 'list' };

/** SAM resources take `Tags` as a `{key: value}` map. */
export const SAM_TAG_PROPERTY: CloudFormationTagProperty = { property: 'Tags', form: 'map' };

let table: ReadonlyMap<string, CloudFormationTypeFacts> | undefined;

/** The table's facts for a CloudFormation type, or undefined when the table does not list it. */
export function cloudFormationTypeFacts(type: string): CloudFormationTypeFacts | undefined {
  table ??= buildTable();
  return table.get(type);
}

/** Every CloudFormation type the table lists, for tests and documentation checks. */
export function cloudFormationTypes(): readonly string[] {
  table ??= buildTable();
  return [...table.keys()];
}

/** Whether a type is a SAM resource (`AWS::Serverless::Function`, ...). */
export function isSamType(type: string): boolean {
  return type.startsWith('AWS::Serverless::');
}

/**
 * Whether a type is a custom resource (`Custom::Anything`): its properties go to the handler
 * that backs it, so `Tags` there tags nothing that is billed. (`AWS::CloudFormation::
 * CustomResource` is in the table, as not taggable.)
 */
export function isCustomResource(type: string): boolean {
  return type.startsWith('Custom::');
}

function buildTable(): ReadonlyMap<string, CloudFormationTypeFacts> {
  const facts = new Map<string, CloudFormationTypeFacts>();
  for (const row of cloudFormationRows.join(' ').split(' ')) {
    const parsed = parseRow(row);
    facts.set(parsed.type, parsed);
  }
  return facts;
}

function parseRow(row: string): CloudFormationTypeFacts {
  const [name = '', property = '', flags = ''] = row.split(',');
  const formLetter = flags.charAt(0);
  const cost = COST_LETTERS[flags.charAt(1)];
  if (name === '' || cost === undefined || !Object.hasOwn(FORMS, formLetter)) {
    throw new Error(`openclaw-tags catalog: malformed CloudFormation row "${row}"; rebuild it`);
  }
  const form = FORMS[formLetter];
  // A name of two segments had its `AWS::` prefix dropped by the generator.
  const type = name.split('::').length === 2 ? `AWS::${name}` : name;
  const tagProperty =
    form === undefined || property === ''
      ? undefined
      : { property: property === '=' ? 'Tags' : property, form };
  return { type, tagProperty, cost };
}
