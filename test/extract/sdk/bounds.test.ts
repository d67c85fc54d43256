import { describe, expect, test } from 'vitest';
import { extractInline } from './helpers.js';

/** `copies` functions named alike that each define two helpers calling each other. */
function mutualHelpers(language: 'python' | 'javascript', copies: number): string {
  const bodies = Array.from({ length: copies }, (_, n) =>
    language === 'python'
      ? `def f${n}():\n    def e(x): return r(x).c\n    def r(y): return e(y).d\n    return e(0).create()\n`
      : `var m${n} = (function () { function e(x) { return r(x).c; } ` +
        `function r(y) { return e(y).d; } return e(${n}).create({}); })();\n`,
  );
  const head = language === 'python' ? 'import openai\n' : 'import OpenAI from "openai";\n';
  return head + bodies.join('');
}

describe('work per file stays bounded', () => {
  test.each([
    ['python', 'helpers.py'],
    ['javascript', 'helpers.js'],
  ] as const)(
    '%s helpers that call each other, many times over, are followed once each',
    async (language, file) => {
      const extraction = await extractInline({ [file]: mutualHelpers(language, 40) });
      expect(extraction.errors).toEqual([]);
      expect(extraction.resources).toEqual([]);
    },
  );

  test('a helper met from several call sites still gives its client to each', async () => {
    const text = [
      'import boto3',
      'def ec2():',
      '    return boto3.client("ec2")',
      'ec2().run_instances(ImageId="a", MinCount=1, MaxCount=1)',
      'ec2().run_instances(ImageId="b", MinCount=1, MaxCount=1)',
      '',
    ].join('\n');
    const { resources } = await extractInline({ 'launch.py': text });
    expect(resources.map((resource) => resource.address)).toEqual([
      'launch.py:4:ec2.run_instances',
      'launch.py:5:ec2.run_instances',
    ]);
  });

  test('past the file budget of evaluation steps, values are unknown and say why', async () => {
    const tags = Array.from({ length: 8_000 }, (_, n) => `{"Key": "k${n}", "Value": "v"}`);
    const text = [
      'import boto3',
      'sm = boto3.client("sagemaker")',
      `sm.create_training_job(TrainingJobName="j", Tags=[${tags.join(', ')}])`,
      '',
    ].join('\n');
    const [resource] = (await extractInline({ 'big.py': text })).resources;
    expect(resource?.unresolved).toMatch(/this file needs too many steps to read/);
  });

  test('a tagging target nested thousands of levels deep is read without running out of stack', async () => {
    const depth = 8_000;
    const text = [
      'import boto3',
      'ec2 = boto3.client("ec2")',
      'def launch():',
      '    resp = ec2.create_vpc(CidrBlock="10.0.0.0/16")',
      `    x = ${'['.repeat(depth)}resp${']'.repeat(depth)}`,
      '    ec2.create_tags(Resources=[x], Tags=[{"Key": "CostCenter", "Value": "cc"}])',
      '',
    ].join('\n');
    const extraction = await extractInline({ 'deep.py': text });
    expect(extraction.errors).toEqual([]);
    expect(extraction.resources.map((resource) => resource.tags)).toEqual([{ CostCenter: 'cc' }]);
  });

  test('a callee chain thousands of names long is split once, without copies of its prefixes', async () => {
    const text = [
      'import OpenAI from "openai";',
      'const o = new OpenAI({ project: "p" });',
      `o${'.chat'.repeat(3_000)}.completions.create({ model: "m", messages: [] });`,
      '',
    ].join('\n');
    const extraction = await extractInline({ 'chain.js': text });
    expect(extraction.errors).toEqual([]);
  });

  test('many create and tagging calls in one function each find their own tagging call', async () => {
    const pairs = Array.from(
      { length: 300 },
      (_, n) =>
        `    r${n} = ec2.create_vpc(CidrBlock="x")\n` +
        `    ec2.create_tags(Resources=[r${n}["Vpc"]["VpcId"]], Tags=[{"Key": "N", "Value": "${n}"}])\n`,
    );
    const text = `import boto3\nec2 = boto3.client("ec2")\ndef f():\n${pairs.join('')}`;
    const { resources } = await extractInline({ 'vpcs.py': text });
    expect(resources).toHaveLength(300);
    expect(resources.map((resource) => resource.tags['N'])).toEqual(
      Array.from({ length: 300 }, (_, n) => `${n}`),
    );
  });
});
