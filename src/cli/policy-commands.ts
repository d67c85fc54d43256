import type { Command } from 'commander';
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import { importAwsOrgPolicies } from '../policy/aws-org/index.js';
import { loadEffectivePolicy, loadPolicy } from '../policy/load.js';
import { EXIT, writeOutputFile, type CliIo } from './io.js';

/** `openclaw-tags policy ...`: commands for the people who write policies. */
export function registerPolicyCommands(
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void,
): void {
  const policy = program.command('policy').description('validate and inspect tag policies');

  policy
    .command('validate')
    .description('check a policy file against the schema; exit 2 with file:line:column if wrong')
    .argument('<file>', 'policy file')
    .action(async (file: string) => {
      const loaded = await loadPolicy(file, io.cwd);
      io.stdout.write(`${file}: valid policy with ${loaded.tags.length} tag keys\n`);
      setExitCode(EXIT.ok);
    });

  policy
    .command('show')
    .description('print the effective policy as YAML, with every base of extends merged in')
    .option('--policy <file>', 'tag policy (default: the embedded policies/default.yaml)')
    .action(async (options: { policy?: string }) => {
      const effective = await loadEffectivePolicy(options.policy, io.cwd);
      const header = [
        `# Effective policy of ${effective.files[effective.files.length - 1] ?? ''}`,
        ...(effective.files.length > 1
          ? [`# merged from (bases first): ${effective.files.join(' -> ')}`]
          : []),
      ];
      io.stdout.write(`${header.join('\n')}\n${stringify(effective.raw, { lineWidth: 100 })}`);
      setExitCode(EXIT.ok);
    });

  policy
    .command('import-aws-org')
    .description(
      'turn AWS Organizations tag policies (JSON; several files are levels, root first) into ' +
        'an openclaw-tags policy; what cannot be expressed is listed as comments',
    )
    .argument('<files...>', 'AWS tag policy files: root, then each OU, then the account')
    .option('--out <file>', 'write the policy to a file instead of standard output')
    .action(async (files: string[], options: { out?: string }) => {
      const imported = await importAwsOrgPolicies(files, io.cwd);
      if (options.out) {
        await writeOutputFile(resolve(io.cwd, options.out), imported.yaml);
        io.stderr.write(`openclaw-tags: wrote ${options.out}\n`);
      } else {
        io.stdout.write(imported.yaml);
      }
      for (const note of imported.notes) io.stderr.write(`openclaw-tags: note: ${note}\n`);
      setExitCode(EXIT.ok);
    });
}
