/**
 * Runs the benchmark suites under bench/suites/ and prints one table. Each suite module
 * default-exports `run(): Promise<BenchResult[]>`. Usage: `npm run bench [-- --only NAME]`,
 * where NAME is a suite's file name without `.ts`. Prints; writes nothing else.
 */
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** One measured comparison: the product against the floor it cannot beat. */
export interface BenchResult {
  readonly name: string;
  /** productMs / floorMs. */
  readonly ratio: number;
  readonly floorMs: number;
  readonly productMs: number;
  /** Peak resident memory of the process when the suite finished, in MiB. */
  readonly peakMB: number;
  /** The ratio the product must stay at or under. */
  readonly target: number;
  readonly note: string;
}

type Suite = () => Promise<readonly BenchResult[]>;

const suitesDir = fileURLToPath(new URL('./suites/', import.meta.url));

function onlyArgument(argv: readonly string[]): string | undefined {
  const index = argv.indexOf('--only');
  if (index < 0) return undefined;
  const name = argv[index + 1];
  if (!name) throw new Error('--only needs a suite name');
  return name;
}

async function suiteFiles(only: string | undefined): Promise<string[]> {
  const names = (await readdir(suitesDir)).filter((name) => name.endsWith('.ts')).sort();
  const chosen = only ? names.filter((name) => basename(name, '.ts') === only) : names;
  if (only && chosen.length === 0) {
    throw new Error(
      `no suite named ${only}; suites: ${names.map((n) => basename(n, '.ts')).join(', ')}`,
    );
  }
  return chosen.map((name) => join(suitesDir, name));
}

function format(results: readonly (BenchResult & { suite: string })[]): string {
  const header = [
    'suite',
    'name',
    'floor ms',
    'product ms',
    'ratio',
    'target',
    'peak MiB',
    'ok',
    'note',
  ];
  const rows = results.map((result) => [
    result.suite,
    result.name,
    result.floorMs.toFixed(0),
    result.productMs.toFixed(0),
    result.ratio.toFixed(3),
    `<= ${result.target}`,
    result.peakMB.toFixed(0),
    result.ratio <= result.target ? 'yes' : 'NO',
    result.note,
  ]);
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}

async function main(): Promise<void> {
  const results: (BenchResult & { suite: string })[] = [];
  for (const file of await suiteFiles(onlyArgument(process.argv.slice(2)))) {
    const suite = basename(file, '.ts');
    const module = (await import(pathToFileURL(file).href)) as { default: Suite };
    for (const result of await module.default()) results.push({ ...result, suite });
  }
  console.log(format(results));
  process.exitCode = results.every((result) => result.ratio <= result.target) ? 0 : 1;
}

await main();
