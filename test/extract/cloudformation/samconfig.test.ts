import { describe, expect, test } from 'vitest';
import { parseSamConfig } from '../../../src/extract/cloudformation/samconfig.js';

describe('samconfig.toml', () => {
  test.each<[string, string, Record<string, string>, Record<string, string>]>([
    [
      'quoted tags and simple overrides under deploy',
      '[default.deploy.parameters]\ntags = "A=\\"x y\\" B=z"\nparameter_overrides = "Env=prod"\n',
      { A: 'x y', B: 'z' },
      { Env: 'prod' },
    ],
    [
      'tags as a TOML array',
      '[default.deploy.parameters]\ntags = ["A=1", "B=\\"two words\\""]\n',
      { A: '1', B: 'two words' },
      {},
    ],
    [
      'settings under global when deploy has none',
      '[default.global.parameters]\ntags = "A=g"\n[default.deploy.parameters]\nstack_name = "s"\n',
      { A: 'g' },
      {},
    ],
    [
      'deploy wins over global',
      '[default.global.parameters]\ntags = "A=g"\n[default.deploy.parameters]\ntags = "A=d"\n',
      { A: 'd' },
      {},
    ],
    [
      'the CloudFormation CLI form of overrides',
      '[default.deploy.parameters]\n' +
        'parameter_overrides = "ParameterKey=Env,ParameterValue=prod ' +
        'ParameterKey=Team,ParameterValue=x"\n',
      {},
      { Env: 'prod', Team: 'x' },
    ],
    ['another environment is not read', '[staging.deploy.parameters]\ntags = "A=s"\n', {}, {}],
  ])('%s', (_name, text, tags, overrides) => {
    const config = parseSamConfig(text, 'samconfig.toml');
    if ('message' in config) throw new Error(config.message);

    expect(Object.fromEntries(config.tags)).toEqual(tags);
    expect(Object.fromEntries(config.parameterOverrides)).toEqual(overrides);
  });

  test('invalid TOML gives the line of the problem', () => {
    const result = parseSamConfig('version = 0.1\n[default\n', 'app/samconfig.toml');

    expect(result).toMatchObject({ file: 'app/samconfig.toml', line: 2 });
  });
});
