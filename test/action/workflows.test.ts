import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
const ACTION = 'openclaw/openclaw-tags@';

interface Step {
  readonly uses?: string;
  readonly with?: Record<string, unknown>;
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
};

/** Every `openclaw/openclaw-tags` step of a workflow or a list of steps. */
function actionSteps(document: unknown): Step[] {
  const jobs = (document as { jobs?: Record<string, { steps?: Step[] }> }).jobs;
  const steps = jobs ? Object.values(jobs).flatMap((job) => job.steps ?? []) : (document as Step[]);
  return steps.filter((step) => step.uses?.startsWith(ACTION));
}

/** The YAML code blocks of a Markdown file that use the Action. */
function yamlBlocks(markdownFile: string): string[] {
  const text = readFileSync(join(ROOT, markdownFile), 'utf8');
  return [...text.matchAll(/^```yaml\n([\s\S]*?)^```/gm)]
    .map((match) => match[1] ?? '')
    .filter((block) => block.includes(ACTION));
}

const workflows = readdirSync(join(ROOT, 'examples', 'workflows')).map((name) => ({
  name: `examples/workflows/${name}`,
  text: readFileSync(join(ROOT, 'examples', 'workflows', name), 'utf8'),
}));
const documented = ['README.md', 'docs/action.md'].flatMap((file) =>
  yamlBlocks(file).map((text, index) => ({ name: `${file} block ${index + 1}`, text })),
);

describe('the workflows shown to users', () => {
  test('there is a pull-request workflow and a scheduled ingest workflow', () => {
    const events = workflows.map((workflow) => Object.keys(parse(workflow.text).on ?? {}));
    expect(events).toContainEqual(['pull_request']);
    expect(events.some((on) => on.includes('schedule'))).toBe(true);
  });

  test.each([...workflows, ...documented])('$name uses only inputs of action.yml', ({ text }) => {
    const steps = actionSteps(parse(text));
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      for (const input of Object.keys(step.with ?? {})) {
        expect(Object.keys(action.inputs)).toContain(input);
      }
    }
  });

  test.each(workflows)('$name asks for no permission it does not need', ({ text }) => {
    const workflow = parse(text) as { on: Record<string, unknown>; permissions: unknown };
    const ingest = actionSteps(workflow).some((step) => step.with?.mode === 'ingest');
    expect(workflow.permissions).toEqual(
      ingest
        ? { contents: 'write', 'id-token': 'write' }
        : { contents: 'read', 'pull-requests': 'write' },
    );
    expect(Object.keys(workflow.on)).not.toContain('pull_request_target');
  });
});
