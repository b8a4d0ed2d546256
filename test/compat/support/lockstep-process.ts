/**
 * `lockstep serve` as a user runs it: the built CLI in a child process, on a free port, over a SQLite store in a
 * scratch directory. Needs `npm run build` first (`npm test` does it).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(repoRoot, 'packages/cli/dist/main.js');

/** A running `lockstep serve`. */
export interface LockstepProcess {
  /** The endpoint it printed (`http://127.0.0.1:<port>`). */
  url: string;
  port: number;
  /** Everything it wrote so far (stdout and stderr). */
  output(): string;
  /** Stops it (SIGTERM, then SIGKILL if it lingers) and removes its store. */
  stop(): Promise<void>;
}

/**
 * Starts `lockstep serve --port 0` over a new scratch store. Account and region are given explicitly so that ARNs
 * do not depend on the `AWS_*` variables of the machine running the tests.
 */
export function startLockstep(): Promise<LockstepProcess> {
  const data = mkdtempSync(join(tmpdir(), 'lockstep-compat-'));
  const args = [cli, 'serve', '--port', '0', '--data', data, '--account', '123456789012', '--region', 'us-east-1'];
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const stop = async () => {
    await terminate(child);
    rmSync(data, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /serving the Step Functions API at (http:\/\/\S+) /.exec(output);
      if (match) {
        const url = match[1];
        resolve({ url, port: Number(new URL(url).port), output: () => output, stop });
      }
    });
    child.once('exit', (code, signal) => {
      rmSync(data, { recursive: true, force: true });
      reject(new Error(`lockstep serve exited (${code ?? signal}) before serving: ${output}`));
    });
  });
}

/** Ends `child`: SIGTERM lets it close its store; SIGKILL after 5 s in case it does not. */
function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
