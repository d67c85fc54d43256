import { Command, CommanderError, Option } from 'commander';
import { PolicyError } from '../policy/load.js';
import { PathNotFoundError } from '../sources/discover.js';
import { runCheck } from './check-command.js';
import { registerBillingCommands } from './billing-commands.js';
import { registerPolicyCommands } from './policy-commands.js';
import { EXIT, UsageError, type CliIo } from './io.js';
import { VERSION } from '../version.js';

/**
 * Runs the command line and returns the exit code: 0 when nothing blocks, 1 when findings
 * block, 2 for usage, policy or input errors. Never calls `process.exit`.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    return reportError(error, io);
  }
  return exitCode;
}

function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command('openclaw-tags')
    .description('Check cost-allocation tags in infrastructure code and report what tags cost.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError('(run openclaw-tags --help for usage)');

  program
    .command('check')
    .description('check resources against the tag policy')
    .argument('[paths...]', 'files or folders to scan', ['.'])
    .option('--policy <file>', 'tag policy (default: the embedded policies/default.yaml)')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json', 'sarif', 'markdown'])
        .default('text'),
    )
    .option('--output <file>', 'write the report to a file instead of standard output')
    .addOption(
      new Option('--fail-on <severity>', 'lowest severity that fails the check')
        .choices(['error', 'warning', 'never'])
        .default('error'),
    )
    .option(
      '--tags-file <file>',
      'stack tags (YAML or JSON map) for CloudFormation and SAM templates only: applied to ' +
        'every resource of each template, under its own tags (not Terraform, Kubernetes or code)',
    )
    .option(
      '--today <date>',
      'judge exemption expiry as of this day, YYYY-MM-DD (default: today, UTC)',
    )
    .option(
      '--fix',
      'apply certain fixes to HCL and YAML files (rename keys, fix value case, add keys whose ' +
        'value the policy fixes), then report what remains',
    )
    .action(async (paths: string[], options: Record<string, unknown>) => {
      setExitCode(await runCheck(paths, options, io));
    });

  registerBillingCommands(program, io, setExitCode);
  registerPolicyCommands(program, io, setExitCode);
  return program;
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    const benign = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
    return benign.includes(error.code) ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof PolicyError || error instanceof UsageError) {
    io.stderr.write(`openclaw-tags: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof PathNotFoundError) {
    io.stderr.write(`openclaw-tags: ${error.message}\n`);
    return EXIT.usage;
  }
  throw error;
}
