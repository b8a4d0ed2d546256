/**
 * The CLI's view of its surroundings: where it writes, where relative paths start, and how it reads files.
 */
import { access, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError, ExitCode } from './exit.js';

/** Anything text can be written to: `process.stdout`, or a buffer in tests. */
export interface TextSink {
  write(text: string): unknown;
}

/** What a command needs from the process, passed in so that commands run in tests without one. */
export interface CliIO {
  /** Results: execution output, history, diagnostics. */
  stdout: TextSink;
  /** Failure summaries and error messages. */
  stderr: TextSink;
  /** The directory relative paths on the command line are resolved against. */
  cwd: string;
}

// Node's own messages name the syscall ("ENOENT: no such file or directory, open '/abs/path'"); users
// want to know what about *their* path is wrong.
const READ_FAILURES: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/**
 * Reads a UTF-8 text file named on the command line.
 *
 * @param what - What the file is for, used in the error message (e.g. `definition file`).
 * @throws {@link CliError} with {@link ExitCode.BadRequest} when the file cannot be read.
 */
export async function readTextFile(io: CliIO, path: string, what: string): Promise<string> {
  try {
    return await readFile(resolve(io.cwd, path), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const reason = READ_FAILURES[code] ?? (err as Error).message;
    throw new CliError(`cannot read ${what} '${path}': ${reason}`, ExitCode.BadRequest);
  }
}

/**
 * Resolves a `--input` value: `@path` reads the file at `path`, anything else is the JSON text itself.
 * The text is returned unparsed so that the engine reports bad JSON with AWS's exact message.
 */
export async function readInputArgument(io: CliIO, value: string): Promise<string> {
  return value.startsWith('@') ? readTextFile(io, value.slice(1), 'input file') : value;
}

/** True when something exists at `path` (an optional file, such as a configuration read when present). */
export async function fileExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
