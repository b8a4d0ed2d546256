// End-to-end: the built `lockstep` executable on the examples. Needs `npm run build` first (`npm test` does it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(repoRoot, 'packages/cli/dist/main.js');
const scratch = mkdtempSync(join(tmpdir(), 'lockstep-e2e-'));

function lockstep(...args: string[]) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, elapsedMs: Date.now() - started };
}

/** Writes a definition to a scratch file and returns its path. */
function definitionFile(name: string, definition: object): string {
  const path = join(scratch, name);
  writeFileSync(path, JSON.stringify(definition));
  return path;
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run 'npm run build' first`);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('lockstep run (built CLI)', () => {
  it('runs hello-world and prints its output; the 3 s Wait is instant on the virtual clock', () => {
    const r = lockstep('run', 'examples/hello-world.asl.json', '--input', '{"name":"Lockstep"}');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toEqual({ name: 'Lockstep', greeting: 'Hello, Lockstep!' });
    expect(r.elapsedMs).toBeLessThan(2500);
  });

  it('prints the history as JSON Lines with --history, in simulated time', () => {
    const r = lockstep('run', 'examples/hello-world.asl.json', '--input', '{"name":"Lockstep"}', '--history');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const events = r.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'ChoiceStateEntered',
      'ChoiceStateExited',
      'WaitStateEntered',
      'WaitStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const last = events[9];
    expect(JSON.parse(last.executionSucceededEventDetails.output)).toEqual({
      name: 'Lockstep',
      greeting: 'Hello, Lockstep!',
    });
    const waited = Date.parse(events[6].timestamp) - Date.parse(events[5].timestamp);
    expect(waited).toBeGreaterThanOrEqual(3000);
  });

  it('waits for real with --real-clock', () => {
    const r = lockstep('run', 'examples/hello-world.asl.json', '--input', '{"name":"Lockstep"}', '--real-clock');
    expect(r.code).toBe(0);
    expect(r.elapsedMs).toBeGreaterThanOrEqual(3000);
  });

  it('runs the inline Map example with its input file', () => {
    const r = lockstep('run', 'examples/map-inline.asl.json', '--input', '@examples/map-inline.input.json');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toEqual({
      customer: 'Ada',
      lines: [
        { item: 'tea', quantity: 2 },
        { item: 'scone', quantity: 3 },
      ],
      labels: [
        { number: 1, label: '2 x tea for Ada' },
        { number: 2, label: '3 x scone for Ada' },
      ],
    });
  });

  it('runs the Parallel example', () => {
    const r = lockstep('run', 'examples/parallel.asl.json', '--input', '@examples/parallel.input.json');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toEqual({ user: 'ada', plan: 'pro', requestCount: 3 });
  });

  it('runs the JSONata example', () => {
    const r = lockstep('run', 'examples/jsonata-order.asl.json', '--input', '@examples/jsonata-order.input.json');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toBe('Ada: 2 items, 54.70 (free shipping)');
  });

  it('retries the failing Parallel, then catches its error', () => {
    const r = lockstep('run', 'examples/retry-catch.asl.json');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toEqual({ error: 'Stock.Unavailable', message: 'Sorry: No scones left' });
    expect(r.elapsedMs).toBeLessThan(2500);
  });

  it('prints status, error and cause on stderr and exits 1 when the execution fails', () => {
    const path = definitionFile('fail.asl.json', {
      StartAt: 'Boom',
      States: { Boom: { Type: 'Fail', Error: 'Oops', Cause: 'on purpose' } },
    });
    expect(lockstep('run', path)).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'Execution FAILED\n  error: Oops\n  cause: on purpose\n',
    });
  });

  it("reports InvalidDefinition with AWS's message and exits 2", () => {
    const path = definitionFile('bad-timestamp.asl.json', {
      StartAt: 'WaitUntil',
      States: { WaitUntil: { Type: 'Wait', Timestamp: '2016-12-05T21:29:29', End: true } },
    });
    expect(lockstep('run', path)).toMatchObject({
      code: 2,
      stdout: '',
      stderr:
        'lockstep: InvalidDefinition: Invalid State Machine Definition: ' +
        "'SCHEMA_VALIDATION_FAILED: String does not match RFC3339 timestamp at /States/WaitUntil/Timestamp'\n",
    });
  });

  it("reports InvalidExecutionInput with AWS's message and exits 2", () => {
    expect(lockstep('run', 'examples/hello-world.asl.json', '--input', 'not some json')).toMatchObject({
      code: 2,
      stdout: '',
      stderr:
        "lockstep: InvalidExecutionInput: Invalid State Machine Execution Input: 'Unrecognized token 'not': " +
        "was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')'\n",
    });
  });

  it('exits 2 with a one-line message for a missing file', () => {
    expect(lockstep('run', 'examples/nope.asl.json')).toMatchObject({
      code: 2,
      stdout: '',
      stderr: "lockstep: cannot read definition file 'examples/nope.asl.json': no such file\n",
    });
  });
});

describe('lockstep validate (built CLI)', () => {
  it.each(['hello-world', 'map-inline', 'parallel', 'retry-catch', 'quote-shipping'])(
    'finds examples/%s.asl.json valid',
    (name) => {
      expect(lockstep('validate', `examples/${name}.asl.json`)).toMatchObject({ code: 0, stdout: 'OK\n', stderr: '' });
    },
  );

  it("prints AWS's diagnostics and exits 1 for an invalid definition", () => {
    const path = definitionFile('no-start.asl.json', { States: { StartState: { Type: 'Pass', End: true } } });
    expect(lockstep('validate', path)).toMatchObject({
      code: 1,
      stdout: 'ERROR SCHEMA_VALIDATION_FAILED /: These fields are required: [StartAt]\n',
      stderr: '',
    });
  });
});

describe('lockstep (built CLI)', () => {
  it('prints its version and help', () => {
    expect(lockstep('--version')).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    expect(lockstep('--help').stdout).toContain('Usage: lockstep <command> [options]');
    expect(lockstep('run', '--help').stdout).toContain('Usage: lockstep run <definition.asl.json> [options]');
  });

  it('exits 2 on usage errors', () => {
    expect(lockstep('run', 'examples/hello-world.asl.json', '--type', 'BATCH')).toMatchObject({
      code: 2,
      stderr: "lockstep: --type must be STANDARD or EXPRESS, not 'BATCH'\nRun 'lockstep run --help' for usage.\n",
    });
  });
});
