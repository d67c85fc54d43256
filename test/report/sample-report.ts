import type { CheckReport, Finding, JudgedResource } from '../../src/model.js';

/** A string a hostile pull request could put in a path, key, value or message. */
export const HOSTILE =
  '@octocat <img src=x onerror=alert(1)> | `rm -rf /` **bold** [link](https://evil.example) ' +
  '#12 \u001b[31mred\u001b[0m \u202Eevil\nsecond line';

const web: JudgedResource = {
  address: 'aws_instance.web',
  type: 'aws_instance',
  provider: 'aws',
  format: 'terraform',
  file: 'main.tf',
  line: 3,
  tagsLine: 5,
  tags: { Environment: 'prd', Owner: null },
  tagTarget: 'tags',
  costBearing: true,
  taggable: true,
  checked: true,
};

const vpc: JudgedResource = {
  address: 'aws_vpc.main',
  type: 'aws_vpc',
  provider: 'aws',
  format: 'terraform',
  file: 'main.tf',
  line: 20,
  tags: {},
  tagTarget: 'tags',
  costBearing: false,
  taggable: true,
  checked: false,
};

const api: JudgedResource = {
  address: 'Deployment/default/api',
  type: 'Deployment',
  provider: 'kubernetes',
  format: 'kubernetes',
  file: 'k8s/deploy.yaml',
  line: 1,
  tags: { app: 'api', 'cost-center': 'cc-1' },
  tagTarget: 'labels',
  costBearing: true,
  taggable: true,
  checked: true,
};

const hostile: JudgedResource = {
  address: 'aws_s3_bucket.logs',
  type: 'aws_s3_bucket',
  provider: 'aws',
  format: 'terraform',
  file: 'modules/a b/[x](y).tf',
  line: 2,
  tags: { [HOSTILE]: HOSTILE },
  tagTarget: 'tags',
  costBearing: true,
  taggable: true,
  checked: true,
  unresolved: 'tags come from var.tags',
};

const parseError =
  'broken.yaml:7: cannot parse YAML: bad indentation of a mapping entry\n  7 |  - a\n    |  ^';

const findings: Finding[] = [
  {
    rule: 'parse-error',
    severity: 'error',
    resource: 'broken.yaml',
    file: 'broken.yaml',
    line: 7,
    key: null,
    message: parseError,
    fix: null,
  },
  {
    rule: 'missing-tag',
    severity: 'notice',
    resource: 'Deployment/default/api',
    file: 'k8s/deploy.yaml',
    line: 1,
    key: 'team',
    message: 'Deployment/default/api (k8s/deploy.yaml:1) has no label "team" on its pod template',
    fix: 'add team: <value> under spec.template.metadata.labels',
  },
  {
    rule: 'missing-tag',
    severity: 'error',
    resource: 'aws_instance.web',
    file: 'main.tf',
    line: 3,
    key: 'CostCenter',
    message: 'aws_instance.web (main.tf:3) is missing required tag "CostCenter"',
    fix: 'add CostCenter = "<value>" to tags',
  },
  {
    rule: 'invalid-value',
    severity: 'warning',
    resource: 'aws_instance.web',
    file: 'main.tf',
    line: 6,
    key: 'Environment',
    message:
      'aws_instance.web (main.tf:6): Environment = "prd" is not allowed; ' +
      'allowed values are prod, staging; nearest is "prod"',
    fix: 'set Environment = "prod"',
    replacement: {
      file: 'main.tf',
      line: 6,
      column: 19,
      endLine: 6,
      endColumn: 24,
      text: '"prod"',
    },
  },
  {
    rule: 'unresolved-tags',
    severity: 'warning',
    resource: 'aws_s3_bucket.logs',
    file: 'modules/a b/[x](y).tf',
    line: 2,
    key: null,
    message: `tags of aws_s3_bucket.logs cannot be determined: ${HOSTILE}`,
    fix: null,
  },
];

/** A report with every kind of entry: findings of each severity, errors, notices. */
export const sampleReport: CheckReport = {
  files: 5,
  resources: [web, vpc, api, hostile],
  findings,
  errors: [
    { file: 'broken.yaml', line: 7, message: parseError },
    { file: 'huge.json', line: 1, message: 'huge.json is larger than 10 MiB; it was not read' },
  ],
  notices: [
    {
      file: 'charts/app',
      message: 'Helm chart templates are not rendered; resources in them are not checked',
    },
  ],
  blocking: 2,
};

/** A report of a clean scan: resources, no findings, no errors. */
export const cleanReport: CheckReport = {
  files: 1,
  resources: [api],
  findings: [],
  errors: [],
  notices: [],
  blocking: 0,
};
