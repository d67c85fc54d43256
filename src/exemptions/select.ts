import { minimatch } from 'minimatch';
import type { Finding, Resource } from '../model.js';
import { normalizeKey } from '../policy/forms.js';
import type { PolicyExemption } from '../policy/types.js';

/** Whether a policy exemption's selectors (all that are given) match `resource`. */
export function selects(exemption: PolicyExemption, resource: Resource): boolean {
  return (
    (exemption.resource === undefined || wildcard(resource.address, exemption.resource)) &&
    (exemption.type === undefined || wildcard(resource.type, exemption.type)) &&
    (exemption.path === undefined || pathMatches(resource.file, exemption.path)) &&
    (exemption.module === undefined || inModule(resource, exemption.module))
  );
}

/** Whether an exemption listing `keys` covers `finding`; `*` covers every finding. */
export function coversKey(keys: readonly string[], finding: Finding): boolean {
  if (keys.includes('*')) return true;
  const key = finding.key;
  if (key === null) return false;
  return keys.some(
    (candidate) => candidate === key || normalizeKey(candidate) === normalizeKey(key),
  );
}

/** `*` matches any run of characters and `?` one; everything else matches itself. */
function wildcard(text: string, pattern: string): boolean {
  if (!/[*?]/.test(pattern)) return text === pattern;
  const source = pattern
    .split('')
    .map((char) =>
      char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`, 's').test(text);
}

function pathMatches(file: string, glob: string): boolean {
  const pattern = glob.startsWith('./') ? glob.slice(2) : glob;
  return minimatch(file, pattern, { dot: true, matchBase: !pattern.includes('/') });
}

/** A resource of the module call `name`, directly or through calls nested inside it. */
function inModule(resource: Resource, name: string): boolean {
  if (resource.module === name) return true;
  const prefix = `module.${name}.`;
  return resource.address.startsWith(prefix) || resource.address.includes(`.${prefix}`);
}
