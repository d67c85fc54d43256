// Builds the resource catalog that openclaw-tags ships, from the catalog's tab-separated files.
//
//   npm run catalog -- /path/to/catalog [--out DIR]
//
// The folder must hold terraform-aws.tsv, terraform-google.tsv, terraform-azurerm.tsv,
// cloudformation.tsv and kubernetes.tsv (their columns are described in docs/catalog.md). The
// script checks every header, flag and sort order, then writes one TypeScript module per format
// under src/catalog/data/. The product imports those modules statically, so the bundles carry
// the catalog and never read the TSV files at run time. Hand-made cost decisions do not belong
// here: they live in src/catalog/overrides.ts and apply on top of the generated data.
//
// Row layouts written. Rows are separated by spaces and packed into lines of at most 100
// columns, so the modules stay small and a regenerated file still diffs line by line.
//   terraform:      `name,attribute,flags` per provider, where `name` is the type without its
//                   provider prefix (`instance` for `aws_instance`); `attribute` is empty when the
//                   type cannot be tagged and `=` for the provider's usual one (`tags`, or
//                   `labels` for google); `flags` is `d` or `-` (inherits the provider's default
//                   tags) then the cost letter.
//   cloudformation: `name,property,flags`, where `name` drops a leading `AWS::` (so a name of
//                   two segments is an AWS type); `property` is empty when the type cannot be
//                   tagged and `=` for `Tags`; `flags` is the form letter (`l` list, `m` map,
//                   `a` asg-list, `o` other, `-` none) then the cost letter.
//   cost letters:   `y` yes, `n` no, `u` unknown.
//   kubernetes:     one object per row, with the pod template paths split on `;`.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const defaultOutDir = join(root, 'src', 'catalog', 'data');

const YES_NO = ['yes', 'no'];
const COST = ['yes', 'no', 'unknown'];
const FORM_LETTERS = { list: 'l', map: 'm', 'asg-list': 'a', other: 'o', none: '-' };
const TAG_FORMS = Object.keys(FORM_LETTERS);

const TERRAFORM_PROVIDERS = [
  { provider: 'aws', file: 'terraform-aws.tsv' },
  { provider: 'google', file: 'terraform-google.tsv' },
  { provider: 'azurerm', file: 'terraform-azurerm.tsv' },
];

main(process.argv.slice(2));

function main(args) {
  const options = parseArguments(args);
  if (!options) {
    console.error(
      'usage: npm run catalog -- /path/to/catalog [--out DIR]\n' +
        '  /path/to/catalog  the folder holding the catalog *.tsv files\n' +
        '  --out DIR         where to write the modules (default: src/catalog/data)',
    );
    process.exit(2);
  }
  try {
    mkdirSync(options.outDir, { recursive: true });
    const written = [
      writeModule(options.outDir, 'terraform.ts', terraformModule(options.sourceDir)),
      writeModule(options.outDir, 'cloudformation.ts', cloudFormationModule(options.sourceDir)),
      writeModule(options.outDir, 'kubernetes.ts', kubernetesModule(options.sourceDir)),
    ];
    for (const line of written) console.log(line);
  } catch (error) {
    console.error(`build-catalog: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

function parseArguments(args) {
  const positional = [];
  let outDir = defaultOutDir;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === '--out' && index + 1 < args.length) {
      index += 1;
      outDir = resolve(args[index]);
    } else if (arg.startsWith('-')) {
      return undefined;
    } else {
      positional.push(arg);
    }
  }
  return positional.length === 1 ? { sourceDir: resolve(positional[0]), outDir } : undefined;
}

/** Reads a TSV file into records keyed by header name, checking the header and cell counts. */
function readTable(sourceDir, file, expectedColumns) {
  const path = join(sourceDir, file);
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''));
  if (lines.at(-1) === '') lines.pop();
  const header = (lines[0] ?? '').split('\t');
  if (header.join('\t') !== expectedColumns.join('\t')) {
    throw new Error(
      `${file}:1: expected columns ${expectedColumns.join(', ')}, found ${header.join(', ')}`,
    );
  }
  const rows = [];
  for (let index = 1; index < lines.length; index += 1) {
    const cells = lines[index].split('\t');
    if (cells.length !== header.length) {
      throw new Error(
        `${file}:${index + 1}: expected ${header.length} cells, found ${cells.length}`,
      );
    }
    const row = { line: index + 1 };
    header.forEach((column, position) => (row[column] = cells[position]));
    rows.push(row);
  }
  return rows;
}

function expectValue(file, row, column, allowed) {
  const value = row[column];
  if (!allowed.includes(value)) {
    throw new Error(
      `${file}:${row.line}: ${column} is "${value}"; allowed values are ${allowed.join(', ')}`,
    );
  }
  return value;
}

function expectSortedUnique(file, keys) {
  for (let index = 1; index < keys.length; index += 1) {
    if (keys[index - 1].key >= keys[index].key) {
      throw new Error(
        `${file}:${keys[index].line}: "${keys[index].key}" is out of order or repeated ` +
          `(after "${keys[index - 1].key}")`,
      );
    }
  }
}

function costLetter(cost) {
  return cost === 'unknown' ? 'u' : cost[0];
}

function terraformModule(sourceDir) {
  const columns = ['type', 'taggable', 'tag_attribute', 'default_tags', 'cost_bearing'];
  const sections = [];
  const counts = [];
  for (const { provider, file } of TERRAFORM_PROVIDERS) {
    const rows = readTable(sourceDir, file, columns);
    expectSortedUnique(
      file,
      rows.map((row) => ({ key: row.type, line: row.line })),
    );
    const encoded = rows.map((row) => encodeTerraformRow(file, provider, row));
    sections.push(stringArray(`${provider}Rows`, encoded));
    counts.push(`${file} (${rows.length} rows)`);
  }
  return {
    sources: counts,
    body: sections.join('\n'),
    doc: 'Terraform resource types per provider, as `name,attribute,flags` rows.',
  };
}

function encodeTerraformRow(file, provider, row) {
  if (!row.type.startsWith(`${provider}_`)) {
    throw new Error(`${file}:${row.line}: type "${row.type}" does not start with ${provider}_`);
  }
  const taggable = expectValue(file, row, 'taggable', YES_NO) === 'yes';
  const defaults = expectValue(file, row, 'default_tags', YES_NO) === 'yes';
  const cost = expectValue(file, row, 'cost_bearing', COST);
  if (taggable === (row.tag_attribute === '-')) {
    throw new Error(
      `${file}:${row.line}: taggable=${row.taggable} but tag_attribute=${row.tag_attribute}`,
    );
  }
  const name = row.type.slice(provider.length + 1);
  const usual = provider === 'google' ? 'labels' : 'tags';
  const attribute = !taggable ? '' : row.tag_attribute === usual ? '=' : row.tag_attribute;
  return `${name},${attribute},${defaults ? 'd' : '-'}${costLetter(cost)}`;
}

function cloudFormationModule(sourceDir) {
  const file = 'cloudformation.tsv';
  const rows = readTable(sourceDir, file, [
    'type',
    'taggable',
    'tag_property',
    'tag_form',
    'cost_bearing',
  ]);
  expectSortedUnique(
    file,
    rows.map((row) => ({ key: row.type, line: row.line })),
  );
  const encoded = rows.map((row) => {
    const taggable = expectValue(file, row, 'taggable', YES_NO) === 'yes';
    const form = expectValue(file, row, 'tag_form', TAG_FORMS);
    const cost = expectValue(file, row, 'cost_bearing', COST);
    if (taggable === (form === 'none') || taggable === (row.tag_property === '-')) {
      throw new Error(
        `${file}:${row.line}: taggable=${row.taggable} disagrees with its tag columns`,
      );
    }
    const name = row.type.startsWith('AWS::') ? row.type.slice('AWS::'.length) : row.type;
    if (name.split('::').length !== (name === row.type ? 3 : 2)) {
      throw new Error(`${file}:${row.line}: type "${row.type}" is not of the form A::B::C`);
    }
    const property = !taggable ? '' : row.tag_property === 'Tags' ? '=' : row.tag_property;
    return `${name},${property},${FORM_LETTERS[form]}${costLetter(cost)}`;
  });
  return {
    sources: [`${file} (${rows.length} rows)`],
    body: stringArray('cloudFormationRows', encoded),
    doc: 'CloudFormation resource types, as `name,property,flags` rows.',
  };
}

function kubernetesModule(sourceDir) {
  const file = 'kubernetes.tsv';
  const rows = readTable(sourceDir, file, [
    'kind',
    'api_group',
    'pod_template_path',
    'cost_bearing',
    'note',
  ]);
  const kinds = rows.map((row) => {
    const costBearing = expectValue(file, row, 'cost_bearing', ['yes', 'conditional']);
    const paths = row.pod_template_path === '-' ? [] : row.pod_template_path.split(';');
    return { kind: row.kind, apiGroup: row.api_group, podTemplatePaths: paths, costBearing };
  });
  const lines = kinds.map((kind) => {
    const paths = kind.podTemplatePaths.map((path) => `      ${quote(path)},\n`).join('');
    const list = paths === '' ? '[]' : `[\n${paths}    ]`;
    return (
      `  {\n    kind: ${quote(kind.kind)},\n    apiGroup: ${quote(kind.apiGroup)},\n` +
      `    costBearing: ${quote(kind.costBearing)},\n    podTemplatePaths: ${list},\n  },`
    );
  });
  return {
    sources: [`${file} (${rows.length} rows)`],
    body:
      'export const kubernetesKinds: readonly {\n' +
      '  readonly kind: string;\n' +
      '  readonly apiGroup: string;\n' +
      '  readonly podTemplatePaths: readonly string[];\n' +
      "  readonly costBearing: 'yes' | 'conditional';\n" +
      `}[] = [\n${lines.join('\n')}\n];\n`,
    doc: 'Kubernetes kinds that create cost, with where their pod template labels live.',
  };
}

function quote(text) {
  if (/['\\\n]/.test(text)) throw new Error(`value "${text}" holds a quote or backslash`);
  return `'${text}'`;
}

/** Packs rows, separated by spaces, into string literals that keep lines within 100 columns. */
function stringArray(name, rows) {
  const lines = [];
  let current = '';
  for (const row of rows) {
    if (/[\s"\\]/.test(row)) throw new Error(`row "${row}" holds a space, quote or backslash`);
    if (current !== '' && current.length + 1 + row.length > 92) {
      lines.push(current);
      current = '';
    }
    current = current === '' ? row : `${current} ${row}`;
  }
  if (current !== '') lines.push(current);
  const body = lines.map((line) => `  '${line}',`).join('\n');
  return `export const ${name}: readonly string[] = [\n${body}\n];\n`;
}

function writeModule(outDir, name, module) {
  const header =
    '// Generated by scripts/build-catalog.mjs from\n' +
    module.sources.map((source) => `//   ${source}\n`).join('') +
    '// Do not edit by hand: change the TSV files or src/catalog/overrides.ts, then run\n' +
    '// `npm run catalog -- /path/to/catalog`.\n' +
    `/* ${module.doc} */\n\n`;
  const path = join(outDir, name);
  writeFileSync(path, header + module.body);
  return `wrote ${relative(process.cwd(), path) || path} from ${module.sources.join(', ')}`;
}
