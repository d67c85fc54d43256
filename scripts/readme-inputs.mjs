// Generates the README's table of Action inputs and outputs from action.yml, the one source of
// truth for them. `--check` exits 1 when the README's table differs from what action.yml says;
// `--write` rewrites the table in place. The table sits between the two marker comments.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const START = '<!-- action-inputs:start -->';
const END = '<!-- action-inputs:end -->';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** The Markdown tables of inputs and outputs for an action.yml text. */
export function inputsTable(actionYaml) {
  const action = parse(actionYaml);
  const inputs = Object.entries(action.inputs ?? {});
  const outputs = Object.entries(action.outputs ?? {});
  const lines = [
    '| input | default | description |',
    '| --- | --- | --- |',
    ...inputs.map(
      ([name, input]) =>
        `| \`${name}\` | ${defaultCell(input.default)} | ${cell(input.description ?? '')} |`,
    ),
    '',
    '| output | description |',
    '| --- | --- |',
    ...outputs.map(([name, output]) => `| \`${name}\` | ${cell(output.description ?? '')} |`),
  ];
  return lines.join('\n');
}

/** `readme` with the text between the markers replaced by `table`. */
export function withTable(readme, table) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) {
    throw new Error(`README.md has no ${START} ... ${END} block to hold the inputs table`);
  }
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

function defaultCell(value) {
  if (value === undefined || value === null || value === '') return '_(empty)_';
  return `\`${String(value).replace(/\|/g, '\\|')}\``;
}

function cell(text) {
  return String(text).replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
}

function main(argv) {
  const mode = argv[0];
  if (mode !== '--check' && mode !== '--write') {
    console.error('usage: node scripts/readme-inputs.mjs --check|--write');
    return 2;
  }
  const readmePath = join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const expected = withTable(readme, inputsTable(readFileSync(join(root, 'action.yml'), 'utf8')));
  if (mode === '--write') {
    if (expected !== readme) writeFileSync(readmePath, expected);
    return 0;
  }
  if (expected === readme) return 0;
  console.error(
    'README.md: the Action inputs table differs from action.yml; ' +
      'run `node scripts/readme-inputs.mjs --write`',
  );
  return 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
