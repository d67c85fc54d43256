import { resolve } from 'node:path';
import { describeType } from '../catalog/index.js';
import { extractors as defaultExtractors } from '../extract/index.js';
import type { ClaimedFile, ExtractContext, Extractor } from '../extract/types.js';
import type {
  CheckReport,
  Finding,
  InputError,
  JudgedResource,
  Notice,
  Resource,
  Severity,
} from '../model.js';
import { applyExemptions } from '../exemptions/index.js';
import { withReplacements } from '../fix/index.js';
import { resourceInScope } from '../policy/scope.js';
import type { Policy } from '../policy/types.js';
import { evaluate } from '../rules/index.js';
import { extractIsolated } from './isolate.js';
import { discoverSources, type DiscoveredFile } from '../sources/discover.js';
import {
  confinedReader,
  readBoundary,
  readSourceText,
  UnreadableFileError,
} from '../sources/read.js';

/** The severity from which a finding blocks: `never` blocks nothing. */
export type FailOn = 'error' | 'warning' | 'never';

export interface CheckOptions {
  readonly paths: readonly string[];
  /** Absolute working directory; reported paths are relative to it. */
  readonly cwd: string;
  readonly policy: Policy;
  readonly failOn: FailOn;
  readonly stackTags?: Readonly<Record<string, string>>;
  /** Restricts the scan to these files (relative paths), for pull-request checks. */
  readonly onlyFiles?: ReadonlySet<string>;
  readonly extractors?: readonly Extractor[];
  /** The day exemption expiry is judged against, `YYYY-MM-DD`; default: today (UTC). */
  readonly today?: string;
}

/**
 * Runs the whole check: discovers files, extracts resources, judges each against the catalog
 * and the policy, and returns findings in a stable order. Unreadable or unparsable files become
 * `parse-error` findings; the rest of the scan goes on.
 */
export async function check(options: CheckOptions): Promise<CheckReport> {
  const extractors = options.extractors ?? defaultExtractors;
  const { files: discovered, errors: unlisted } = await discoverSources(options.paths, options.cwd);
  const context: ExtractContext = {
    cwd: options.cwd,
    policy: options.policy,
    stackTags: options.stackTags ?? {},
    readText: confinedReader(readBoundary(options.cwd)),
  };

  const { claims, errors: readErrors } = await claimFiles(discovered, extractors);
  const resources: Resource[] = [];
  const errors: InputError[] = [...unlisted, ...readErrors];
  const notices: Notice[] = [];
  for (const extractor of extractors) {
    const files = claims.get(extractor) ?? [];
    if (files.length === 0) continue;
    const extraction = await extractIsolated(extractor, files, context);
    resources.push(...extraction.resources);
    // An extractor that reads a file's neighbours (a Terraform module folder) may meet a file
    // whose read already failed here; it is reported once.
    errors.push(...extraction.errors.filter((error) => !errors.some((e) => sameError(e, error))));
    notices.push(...extraction.notices);
  }

  const judged = resources.map((resource) => judge(resource, options.policy));
  const visible = options.onlyFiles
    ? judged.filter((resource) => options.onlyFiles?.has(resource.file))
    : judged;
  const readLines = sourceLines(options.cwd, claims);
  const evaluated = await withReplacements(
    [...evaluate(options.policy, visible), ...errors.map(parseErrorFinding)],
    visible,
    options.policy,
    readLines,
  );
  const exempted = await applyExemptions({
    findings: evaluated,
    resources: visible,
    policy: options.policy,
    today: options.today ?? new Date().toISOString().slice(0, 10),
    readLines,
  });
  const findings = sortFindings([...exempted.findings]);
  return {
    files: discovered.length,
    resources: visible,
    findings,
    errors: sortErrors(errors),
    notices,
    blocking: findings.filter((finding) => blocks(finding.severity, options.failOn)).length,
    ...(exempted.exemptions.length === 0 ? {} : { exemptions: exempted.exemptions }),
    ...(exempted.suppressed.length === 0 ? {} : { suppressed: exempted.suppressed }),
  };
}

/**
 * Lines of a file by its path relative to `cwd`: the claimed text when the file was scanned,
 * else read from disk (a module's file); undefined when unreadable. Inline exemptions and fixes
 * read the source around a resource through it, so they work for every format.
 */
function sourceLines(
  cwd: string,
  claims: ReadonlyMap<Extractor, readonly ClaimedFile[]>,
): (file: string) => Promise<readonly string[] | undefined> {
  const texts = new Map<string, string>();
  for (const files of claims.values()) for (const file of files) texts.set(file.file, file.text);
  return async (file) => {
    let text = texts.get(file);
    if (text === undefined) {
      text = await readSourceText(resolve(cwd, file), file).catch(() => undefined);
      if (text === undefined) return undefined;
      texts.set(file, text);
    }
    return text.split('\n');
  };
}

/** Whether a finding of `severity` blocks under `failOn`. */
export function blocks(severity: Severity, failOn: FailOn): boolean {
  if (failOn === 'never' || severity === 'notice') return false;
  return failOn === 'warning' || severity === 'error';
}

async function claimFiles(
  discovered: readonly DiscoveredFile[],
  extractors: readonly Extractor[],
): Promise<{ claims: Map<Extractor, ClaimedFile[]>; errors: InputError[] }> {
  const claims = new Map<Extractor, ClaimedFile[]>();
  const errors: InputError[] = [];
  for (const file of discovered) {
    let text: string;
    try {
      text = await readSourceText(file.absPath, file.file);
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      errors.push({ file: file.file, line: 1, message: error.message });
      continue;
    }
    const extractor = extractors.find((candidate) => candidate.claim(file, text));
    if (!extractor) continue;
    const list = claims.get(extractor) ?? [];
    list.push({ ...file, text });
    claims.set(extractor, list);
  }
  return { claims, errors };
}

function judge(resource: Resource, policy: Policy): JudgedResource {
  const facts = describeType(resource.format, resource.provider, resource.type);
  const judged = { ...resource, costBearing: facts.costBearing, taggable: facts.taggable };
  return { ...judged, checked: facts.taggable && resourceInScope(policy.scope, judged) };
}

function parseErrorFinding(error: InputError): Finding {
  return {
    rule: 'parse-error',
    severity: 'error',
    resource: error.file,
    file: error.file,
    line: error.line,
    key: null,
    message: error.message,
    fix: null,
  };
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      compare(a.file, b.file) ||
      a.line - b.line ||
      compare(a.resource, b.resource) ||
      compare(a.rule, b.rule) ||
      compare(a.key ?? '', b.key ?? ''),
  );
}

function sameError(a: InputError, b: InputError): boolean {
  return a.file === b.file && a.line === b.line && a.message === b.message;
}

function sortErrors(errors: InputError[]): InputError[] {
  return errors.sort((a, b) => compare(a.file, b.file) || a.line - b.line);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
