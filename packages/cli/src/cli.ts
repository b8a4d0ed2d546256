/**
 * The `lockstep` dispatcher: picks the command, handles `--help` and `--version`, and turns every error
 * into a message and an exit code.
 */
import { wantsHelp } from './args.js';
import type { Command } from './command.js';
import { runCommand } from './commands/run.js';
import { serveCommand } from './commands/serve.js';
import { testStateCommand } from './commands/test-state.js';
import { validateCommand } from './commands/validate.js';
import { describeError, type EngineLoader, loadEngine } from './engine.js';
import { CliError, ExitCode, usageError } from './exit.js';
import type { CliIO } from './io.js';
import { readCliVersion } from './version.js';

const COMMANDS: readonly Command[] = [serveCommand, runCommand, validateCommand, testStateCommand];

const usage = `lockstep: run AWS Step Functions state machines locally, with AWS's exact semantics.

Usage: lockstep <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Options:
  -h, --help     Show this help; 'lockstep <command> --help' shows a command's
  -V, --version  Print the version
`;

/**
 * Runs `lockstep` with `argv` (the arguments after the program name) and returns the exit code.
 * Never throws: every failure is reported on `io.stderr`.
 *
 * @param engine - Where the engine comes from; defaults to loading the real `@lockstep/engine`.
 */
export async function runCli(argv: readonly string[], io: CliIO, engine: EngineLoader = loadEngine): Promise<number> {
  try {
    return await dispatch([...argv], io, engine);
  } catch (err) {
    if (!(err instanceof CliError)) {
      io.stderr.write(`lockstep: internal error: ${describeError(err)}\n`);
      return ExitCode.Internal;
    }
    io.stderr.write(`lockstep: ${err.message}\n${err.hint === undefined ? '' : `${err.hint}\n`}`);
    return err.exitCode;
  }
}

async function dispatch(argv: string[], io: CliIO, engine: EngineLoader): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(usage);
    return ExitCode.BadRequest;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' && rest[0] !== undefined ? findCommand(rest[0]) : undefined;
    io.stdout.write(topic?.usage ?? usage);
    return ExitCode.Ok;
  }
  if (first === '--version' || first === '-V') {
    io.stdout.write(`${readCliVersion()}\n`);
    return ExitCode.Ok;
  }
  const command = findCommand(first);
  if (wantsHelp(rest)) {
    io.stdout.write(command.usage);
    return ExitCode.Ok;
  }
  return command.execute(rest, io, engine);
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command;
  throw usageError(name.startsWith('-') ? `unknown option '${name}'` : `unknown command '${name}'`);
}
