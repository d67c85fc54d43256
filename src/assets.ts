import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Finds a file the program ships beside its code: `dist/assets/NAME` in the bundles, or the
 * file at `repoPath` in a source checkout (tests and `tsx`). Throws when neither exists, which
 * means a broken build rather than bad user input.
 */
export function assetPath(name: string, repoPath: string): string {
  const candidates = [
    new URL(`./assets/${name}`, import.meta.url),
    new URL(`../assets/${name}`, import.meta.url),
    new URL(`../${repoPath}`, import.meta.url),
  ];
  for (const candidate of candidates) {
    const path = fileURLToPath(candidate);
    if (existsSync(path)) return path;
  }
  throw new Error(`openclaw-tags is missing its bundled file ${name}; rebuild with npm run build`);
}
