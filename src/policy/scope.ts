import { minimatch } from 'minimatch';
import type { Scope } from './types.js';

/** The facts about a resource that decide whether a scope covers it. */
export interface ScopedResource {
  readonly type: string;
  readonly provider: string;
  /** Path relative to the working directory, `/`-separated. */
  readonly file: string;
  readonly costBearing: boolean;
  readonly taggable: boolean;
}

/**
 * Whether `scope` covers the resource: its kind (`cost-bearing`, `taggable` or a listed type),
 * not an excluded type, one of the listed providers, inside `paths` and outside
 * `exclude_paths`. Types and paths are minimatch globs; an empty list restricts nothing.
 */
export function resourceInScope(scope: Scope, resource: ScopedResource): boolean {
  return (
    coversKind(scope, resource) &&
    !scope.excludeTypes.some((pattern) => typeMatches(resource.type, pattern)) &&
    (scope.providers.length === 0 || scope.providers.includes(resource.provider)) &&
    (scope.paths.length === 0 || scope.paths.some((glob) => pathMatches(resource.file, glob))) &&
    !scope.excludePaths.some((glob) => pathMatches(resource.file, glob))
  );
}

/**
 * Whether `scope`'s `paths` and `exclude_paths` let a file's resources be checked at all, with
 * the same matching as `resourceInScope`; extractors use it to skip reading other files.
 */
export function fileInScope(scope: Scope, file: string): boolean {
  return (
    (scope.paths.length === 0 || scope.paths.some((glob) => pathMatches(file, glob))) &&
    !scope.excludePaths.some((glob) => pathMatches(file, glob))
  );
}

function coversKind(scope: Scope, resource: ScopedResource): boolean {
  if (scope.resources === 'cost-bearing') return resource.costBearing;
  if (scope.resources === 'taggable') return resource.taggable;
  return scope.resources.some((pattern) => typeMatches(resource.type, pattern));
}

/** Types match exactly, or by glob when the pattern has `*`, `?` or `[`. */
function typeMatches(type: string, pattern: string): boolean {
  if (!/[*?[]/.test(pattern)) return type === pattern;
  return minimatch(type, pattern, { noglobstar: true, nobrace: true, noext: true });
}

function pathMatches(file: string, glob: string): boolean {
  const pattern = glob.startsWith('./') ? glob.slice(2) : glob;
  return minimatch(file, pattern, { dot: true, matchBase: !pattern.includes('/') });
}
