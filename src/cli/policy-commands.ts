import type { Command } from 'commander';
import { loadPolicy } from '../policy/load.js';
import { EXIT, type CliIo } from './io.js';

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
}
