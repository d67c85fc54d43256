import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { Notice } from '../../model.js';
import type { ClaimedFile, ExtractContext } from '../types.js';

/**
 * Helm chart templates are Go templates, not YAML: they are recognised, never parsed, and each
 * chart gets one notice telling the user to render it first. What the user sees instead of
 * findings for those objects is that notice; nothing in a template is checked.
 */

/** Folder -> nearest folder at or above it holding a `Chart.yaml` (`null` for none). */
const chartRootCache = new Map<string, string | null>();

/** Whether a file is a Helm template: it holds `{{` and sits in a chart or a `templates/`. */
export function isHelmTemplate(absPath: string, text: string): boolean {
  if (!text.includes('{{')) return false;
  return inTemplatesFolder(absPath) || chartRoot(dirname(absPath)) !== null;
}

function inTemplatesFolder(absPath: string): boolean {
  return dirname(absPath).split(sep).includes('templates');
}

/** The nearest folder at or above `dir` that holds a `Chart.yaml`, or `null`. */
function chartRoot(dir: string): string | null {
  const cached = chartRootCache.get(dir);
  if (cached !== undefined) return cached;
  const parent = dirname(dir);
  let root: string | null;
  if (existsSync(join(dir, 'Chart.yaml'))) root = dir;
  else root = parent === dir ? null : chartRoot(parent);
  chartRootCache.set(dir, root);
  return root;
}

/** The chart folder of a template: its `Chart.yaml` folder, else the folder above `templates`. */
function chartFolder(absPath: string): string {
  const root = chartRoot(dirname(absPath));
  if (root !== null) return root;
  const parts = dirname(absPath).split(sep);
  const templates = parts.lastIndexOf('templates');
  return parts.slice(0, Math.max(templates, 1)).join(sep) || sep;
}

/**
 * One notice per chart for the given Helm templates, named by the chart's `name:` when its
 * `Chart.yaml` can be read, else by its folder.
 */
export async function helmNotices(
  templates: readonly ClaimedFile[],
  context: ExtractContext,
): Promise<Notice[]> {
  const charts = new Map<string, ClaimedFile[]>();
  for (const template of templates) {
    const folder = chartFolder(template.absPath);
    charts.set(folder, [...(charts.get(folder) ?? []), template]);
  }

  const notices: Notice[] = [];
  for (const [folder, files] of charts) {
    const chartFile = join(folder, 'Chart.yaml');
    const relChartFile = relativeFile(context.cwd, chartFile);
    const name = await chartName(chartFile, relChartFile, context);
    notices.push({
      file: name === undefined ? (files[0]?.file ?? relChartFile) : relChartFile,
      message:
        `Helm chart ${name ?? basename(folder)}: templates are not rendered; ` +
        'run helm template and scan the output',
    });
  }
  return notices;
}

async function chartName(
  absPath: string,
  file: string,
  context: ExtractContext,
): Promise<string | undefined> {
  if (!existsSync(absPath)) return undefined;
  const text = await context.readText(absPath, file).catch(() => undefined);
  const match = text?.match(/^name:[ \t]*["']?([^"'\s#]+)/m);
  return match?.[1];
}

/** A path relative to the working directory, `/`-separated. */
export function relativeFile(cwd: string, absPath: string): string {
  return relative(cwd, absPath).split(sep).join('/') || absPath;
}
