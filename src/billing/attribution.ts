import type { Policy } from '../policy/types.js';
import type { ProjectTags } from './formats/cells.js';

/**
 * The policy's `billing.projects` map (project or workspace id -> tags), read defensively: a
 * policy compiled without the section, or with entries of the wrong shape, yields only the
 * well-formed entries (string keys to string values).
 */
export function projectTagsOf(policy: Policy): ProjectTags {
  const section: unknown = (policy as { billing?: unknown }).billing;
  if (typeof section !== 'object' || section === null) return {};
  const projects: unknown = (section as { projects?: unknown }).projects;
  if (typeof projects !== 'object' || projects === null || Array.isArray(projects)) return {};

  const result: Record<string, Record<string, string>> = {};
  for (const [id, tags] of Object.entries(projects)) {
    if (typeof tags !== 'object' || tags === null || Array.isArray(tags)) continue;
    const clean: Record<string, string> = {};
    for (const [key, value] of Object.entries(tags)) {
      if (typeof value === 'string' || typeof value === 'number') clean[key] = String(value);
    }
    result[id] = clean;
  }
  return result;
}
