/**
 * `lockstep serve` as the end-to-end suites run it: the built CLI (`npm run build` first; `npm test` does it) in a
 * child process on a free port, resolved once it prints its endpoint. Every child started here is killed by
 * {@link killServers}, which suites call after their tests so that none outlives them.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The built CLI's entry point. */
export const cliPath = join(repoRoot, 'packages/cli/dist/main.js');

/** A running `lockstep serve`. */
export interface ServeProcess {
  child: ChildProcess;
  /** The endpoint it printed, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
}

/** Where and how to start it. */
export interface ServeOptions {
  /** @default the repository's root */
  cwd?: string;
  /** @default this process's environment */
  env?: NodeJS.ProcessEnv;
}

const started = new Set<ChildProcess>();

/** Spawns `lockstep serve <args>`, on a free port unless `args` name one; the child is killed by {@link killServers}. */
function spawnServe(args: readonly string[], options: ServeOptions): ChildProcess {
  const port = args.includes('--port') ? [] : ['--port', '0'];
  const child = spawn(process.execPath, [cliPath, 'serve', ...port, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: options.env ?? process.env,
  });
  started.add(child);
  child.once('exit', () => started.delete(child));
  return child;
}

/** Starts `lockstep serve <args>`; rejects with what it printed when it exits before serving. */
export function startServe(args: readonly string[], options: ServeOptions = {}): Promise<ServeProcess> {
  const child = spawnServe(args, options);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /at (http:\/\/\S+) /.exec(output);
      if (match) resolve({ child, url: match[1], output: () => output });
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) =>
      reject(Object.assign(new Error(`lockstep serve exited with ${code}: ${output}`), { code, output })),
    );
  });
}

/** Runs `lockstep serve <args>` expecting it to stop at once (bad options); resolves with its exit code and stderr. */
export function serveFailing(args: readonly string[], options: ServeOptions = {}) {
  const child = spawnServe(args, options);
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stderr })),
  );
}

/** Resolves with a child's exit code once it has exited (at once when it already has). */
export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

/** Stops a child with SIGTERM (SIGKILL after 5 s) and resolves once it has exited. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const force = setTimeout(() => child.kill('SIGKILL'), 5000);
  const exited = exitOf(child);
  child.kill('SIGTERM');
  await exited;
  clearTimeout(force);
}

/** Kills every server this module started that is still running. */
export function killServers(): void {
  for (const child of started) child.kill('SIGKILL');
  started.clear();
}
