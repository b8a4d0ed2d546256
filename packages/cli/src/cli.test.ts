import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Engine, EngineLoader } from './engine.js';
import { runCaptured } from './test-support.js';

const cliPackage = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const engineNotBuilt: EngineLoader = () => Promise.reject(new Error("Cannot find package '@lockstep/engine'"));

const lockstep = (argv: string[], loadEngine: EngineLoader = engineNotBuilt) => runCaptured(argv, repoRoot, loadEngine);

describe('lockstep (dispatcher)', () => {
  it('prints the usage on stderr and exits 2 without a command', async () => {
    const r = await lockstep([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: lockstep <command> [options]');
    expect(r.stderr).toMatch(/^ {2}run {8}Run a state machine/m);
    expect(r.stderr).toMatch(/^ {2}validate {3}Check a state machine definition/m);
  });

  it.each([['--help'], ['-h'], ['help']])('prints the usage on stdout for %s', async (flag) => {
    const r = await lockstep([flag]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('Usage: lockstep <command> [options]');
  });

  it("shows a command's help with 'help <command>' and '<command> --help', without loading the engine", async () => {
    for (const argv of [
      ['help', 'run'],
      ['run', '--help'],
      ['run', 'x.json', '--bogus', '-h'],
    ]) {
      const r = await lockstep(argv);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toContain('Usage: lockstep run <definition.asl.json> [options]');
    }
    const v = await lockstep(['validate', '--help']);
    expect(v.stdout).toContain('Usage: lockstep validate <definition.asl.json> [options]');
  });

  it('prints the package version', async () => {
    for (const flag of ['--version', '-V']) {
      expect(await lockstep([flag])).toEqual({ code: 0, stdout: `${cliPackage.version}\n`, stderr: '' });
    }
  });

  it('rejects an unknown command or option with exit code 2', async () => {
    expect(await lockstep(['deploy'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "lockstep: unknown command 'deploy'\nRun 'lockstep --help' for usage.\n",
    });
    expect((await lockstep(['--verbose'])).stderr).toBe(
      "lockstep: unknown option '--verbose'\nRun 'lockstep --help' for usage.\n",
    );
  });

  it('says to build when the engine cannot be loaded, exit code 3', async () => {
    const r = await lockstep(['run', 'examples/hello-world.asl.json']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      "lockstep: cannot load @lockstep/engine: Error: Cannot find package '@lockstep/engine'\n" +
        "Build the project first: 'npm run build'.\n",
    );
  });

  it('reports an unexpected engine crash in one line, without a stack trace, exit code 3', async () => {
    const crashing = {
      runExecution: () => Promise.reject(new TypeError('boom')),
    } as unknown as Engine;
    const r = await lockstep(['run', 'examples/hello-world.asl.json'], async () => crashing);
    expect(r).toEqual({ code: 3, stdout: '', stderr: 'lockstep: internal error: TypeError: boom\n' });
  });
});
