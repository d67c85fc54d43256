import { describe, expect, test } from 'vitest';
import type { Finding } from '../../../src/model.js';
import { evaluate } from '../../../src/rules/index.js';
import { checkFixture, extractInline, policyOf } from './helpers.js';

/** The fields of a finding a row spells out. */
function brief(finding: Finding) {
  return `${finding.rule} ${finding.severity} ${finding.file}:${finding.line} ${finding.key}`;
}

describe('check over call sites, end to end', () => {
  test('findings of every SDK rule, at the call line', async () => {
    const report = await checkFixture(
      'app',
      policyOf(`version: 1
exclude_paths: ['app/legacy/**']
attribution:
  openai: [project, user]
tags:
  CostCenter: { required: true }
`),
    );
    expect(report.errors).toEqual([]);
    expect(report.resources.map((resource) => resource.address)).toEqual([
      'app/service/ask.js:7:openai.chat.completions.create',
      'app/service/ask.js:8:openai.chat.completions.create',
      'app/service/ask.js:12:openai.responses.create',
      'app/train/launch.py:9:sagemaker.create_training_job',
      'app/train/launch.py:10:sagemaker.create_training_job',
      'app/train/launch.py:11:sagemaker.create_training_job',
      'app/train/launch.py:12:sagemaker.Estimator',
    ]);
    expect(report.findings.map(brief)).toEqual([
      'missing-attribution error app/service/ask.js:8 null',
      'missing-tag error app/train/launch.py:10 CostCenter',
      'unresolved-tags warning app/train/launch.py:11 null',
      'wrong-case-key error app/train/launch.py:12 costcenter',
    ]);
  });

  test('the missing-attribution message names the accepted mechanisms and the fix', async () => {
    const report = await checkFixture(
      'app/service',
      policyOf(`version: 1
attribution:
  openai: [project, user]
  severity: warning
`),
    );
    expect(report.findings).toEqual([
      {
        rule: 'missing-attribution',
        severity: 'warning',
        resource: 'app/service/ask.js:8:openai.chat.completions.create',
        file: 'app/service/ask.js',
        line: 8,
        key: null,
        message:
          'app/service/ask.js:8:openai.chat.completions.create calls OpenAI without cost ' +
          'attribution; the policy accepts an OpenAI project (the client `project` option or ' +
          'an `OpenAI-Project` header) or a request `user` (or `safety_identifier`)',
        fix: 'pass `project` to the OpenAI client, or add `user` to the request',
      },
    ]);
  });

  test('an unknown attribution is an unresolved-tags warning even when no key applies', async () => {
    const report = await checkFixture(
      'app',
      policyOf(`version: 1
paths: ['app/service/**']
attribution:
  openai: [user]
`),
    );
    expect(report.findings.map(brief)).toEqual([
      'missing-attribution error app/service/ask.js:7 null',
      'missing-attribution error app/service/ask.js:8 null',
      'unresolved-tags warning app/service/ask.js:12 null',
    ]);
    expect(report.findings.at(-1)?.message).toBe(
      'app/service/ask.js:12:openai.responses.create: its tags could not be determined (its ' +
        'attribution is not known statically: `...options`); the required keys were not ' +
        'checked, so write them where the checker can read them',
    );
  });

  test('a file whose syntax errors cover most of it is a parse-error; the scan goes on', async () => {
    const report = await checkFixture('app', policyOf());
    expect(report.errors).toEqual([
      {
        file: 'app/legacy/broken.py',
        line: 2,
        message:
          'app/legacy/broken.py:2: cannot parse this python file (syntax errors cover most of ' +
          'it); its SDK calls were not checked',
      },
    ]);
    expect(report.resources.length).toBe(7);
  });
});

describe('policy keys and AI calls', () => {
  const source = `from openai import OpenAI

client = OpenAI(project="proj_nutri")
client.chat.completions.create(model="m", messages=[], metadata={"feature": "meal-plan"})
client.chat.completions.create(model="m", messages=[])
`;

  test.each([
    [
      'a key scoped by kind (cost-bearing) does not apply to AI calls',
      'version: 1\ntags:\n  CostCenter: { required: true }\n',
      [],
    ],
    [
      'a key whose resources name AI call types applies to their request metadata',
      "version: 1\ntags:\n  feature: { required: true, resources: ['openai:*'] }\n",
      ['svc.py:5:openai.chat.completions.create feature'],
    ],
  ])('%s', async (_name, yaml, expected) => {
    const extraction = await extractInline({ 'svc.py': source }, policyOf(yaml));
    const policy = policyOf(yaml);
    const judged = extraction.resources.map((resource) => ({
      ...resource,
      costBearing: true,
      taggable: true,
      checked: true,
    }));
    const findings = evaluate(policy, judged);
    expect(findings.map((finding) => `${finding.resource} ${finding.key}`)).toEqual(expected);
  });
});

describe('only files the policy covers are parsed', () => {
  const broken = { 'legacy/broken.py': 'import boto3\n)))) ((( def :: class\n' };
  const launch = {
    'train/launch.py': 'import boto3\nboto3.client("ec2").run_instances(ImageId="x")\n',
  };

  test.each([
    ['paths leaves the file out', "paths: ['train/**']"],
    ['exclude_paths takes the file out', "exclude_paths: ['legacy/**']"],
    ['a base-name glob in exclude_paths', "exclude_paths: ['broken.py']"],
  ])('%s: no parse error for it', async (_name, scope) => {
    const extraction = await extractInline(
      { ...broken, ...launch },
      policyOf(`version: 1\n${scope}\n`),
    );
    expect(extraction.errors).toEqual([]);
    expect(extraction.resources.map((resource) => resource.address)).toEqual([
      'train/launch.py:2:ec2.run_instances',
    ]);
  });

  test.each([
    ['providers without any SDK provider', 'providers: [google, kubernetes]'],
    ['a list of resource types none of which is a call site', 'resources: [aws_s3_bucket]'],
  ])('%s: nothing is parsed', async (_name, scope) => {
    const extraction = await extractInline(
      { ...broken, ...launch },
      policyOf(`version: 1\n${scope}\n`),
    );
    expect(extraction).toEqual({ resources: [], errors: [], notices: [] });
  });

  test('providers: [openai] keeps only OpenAI calls', async () => {
    const extraction = await extractInline(
      {
        ...launch,
        'svc.py': 'from openai import OpenAI\nOpenAI().embeddings.create(model="m", input="x")\n',
      },
      policyOf('version: 1\nproviders: [openai]\n'),
    );
    expect(extraction.resources.map((resource) => resource.address)).toEqual([
      'svc.py:2:openai.embeddings.create',
    ]);
  });
});
