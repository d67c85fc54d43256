// Bundles the CLI and the Action with ncc, then copies the WebAssembly assets the bundles load
// at run time. ncc cannot relocate them itself: it rewrites `.wasm` files it copies and ESM
// bundles have no `__dirname`, which @cdktn/hcl2json uses to find its parser.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = dirname(dirname(new URL(import.meta.url).pathname));
const dist = join(root, 'dist');
const assets = join(dist, 'assets');

const entries = [
  { source: 'src/action/index.ts', out: dist, assetsFromBundle: 'assets' },
  { source: 'src/cli/index.ts', out: join(dist, 'cli'), assetsFromBundle: '../assets' },
];

rmSync(dist, { recursive: true, force: true });
for (const entry of entries) {
  execFileSync(
    join(root, 'node_modules', '.bin', 'ncc'),
    [
      'build',
      entry.source,
      '-o',
      entry.out,
      '--quiet',
      '--no-source-map-register',
      '--target',
      'es2022',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  dropEmittedWasm(entry.out);
  nativeDynamicBuiltins(join(entry.out, 'index.js'));
  prependDirnameShim(join(entry.out, 'index.js'), entry.assetsFromBundle);
}

copyAssets();

/**
 * Gives the bundle the `__dirname` that @cdktn/hcl2json expects: a folder whose parent holds
 * `main.wasm.gz`. The shim is a module-scope binding, so the bundled CommonJS code sees it.
 */
function prependDirnameShim(bundle, assetsFromBundle) {
  const code = readFileSync(bundle, 'utf8');
  const shim =
    `import { fileURLToPath as __oclawFileURLToPath } from 'node:url';\n` +
    `const __dirname = __oclawFileURLToPath(new URL('./${assetsFromBundle}/hcl2json/', import.meta.url));\n`;
  const body = code.startsWith('#!') ? code.slice(code.indexOf('\n') + 1) : code;
  const shebang = entriesShebang(bundle) ? '#!/usr/bin/env node\n' : '';
  writeFileSync(bundle, shebang + shim + body);
}

/**
 * Removes the `.wasm` files ncc emits beside a bundle. They are byte-altered copies that the code
 * never loads: every WebAssembly module is found through `assetPath` in `dist/assets/`.
 */
function dropEmittedWasm(folder) {
  for (const name of readdirSync(folder)) {
    if (name.endsWith('.wasm')) rmSync(join(folder, name));
  }
}

/**
 * Lets `await import('module')` inside bundled ES modules reach Node's own module. ncc turns
 * such an import of a built-in into a namespace object that copies only the properties of
 * objects, so a built-in whose export is a function (as `module` is) loses its named exports
 * and web-tree-sitter finds no `createRequire`. The bundle is an ES module itself, so the
 * native dynamic import works as written.
 */
function nativeDynamicBuiltins(bundle) {
  const code = readFileSync(bundle, 'utf8');
  const builtins = new Map();
  const external =
    /\/\*{3}\/ (\d+):\n\/\*{3}\/ \(\(module\) => \{\n\nmodule\.exports = __WEBPACK_EXTERNAL_createRequire\(import\.meta\.url\)\("([^"]+)"\);/g;
  for (const match of code.matchAll(external)) builtins.set(match[1], match[2]);
  const dynamic =
    /Promise\.resolve\(\/\* import\(\) \*\/\)\.then\(__nccwpck_require__\.t\.bind\(__nccwpck_require__, (\d+), \d+\)\)/g;
  const rewritten = code.replace(dynamic, (call, id) =>
    builtins.has(id) ? `import(${JSON.stringify(builtins.get(id))})` : call,
  );
  writeFileSync(bundle, rewritten);
}

function entriesShebang(bundle) {
  return bundle.endsWith(join('cli', 'index.js'));
}

function copyAssets() {
  mkdirSync(join(assets, 'hcl2json'), { recursive: true });
  const hcl = dirname(require.resolve('@cdktn/hcl2json/package.json'));
  copyFileSync(join(hcl, 'main.wasm.gz'), join(assets, 'main.wasm.gz'));
  for (const file of ['default.yaml', 'schema.json']) {
    copyFileSync(join(root, 'policies', file), join(assets, file));
  }
  copyFileSync(
    require.resolve('web-tree-sitter/tree-sitter.wasm'),
    join(assets, 'tree-sitter.wasm'),
  );
  copyGrammars(['python', 'javascript', 'typescript', 'tsx']);
}

function copyGrammars(languages) {
  const base = join(dirname(require.resolve('tree-sitter-wasms/package.json')), 'out');
  for (const language of languages) {
    copyFileSync(
      join(base, `tree-sitter-${language}.wasm`),
      join(assets, `tree-sitter-${language}.wasm`),
    );
  }
}
