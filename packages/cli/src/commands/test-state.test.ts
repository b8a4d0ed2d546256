import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../test-support.js';

let cwd: string;

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'lockstep-cli-test-state-'));
  await writeFile(join(cwd, 'pass.json'), '{"Type":"Pass","Parameters":{"v.$":"$.x"},"ResultPath":"$.r","End":true}');
  await writeFile(
    join(cwd, 'machine.json'),
    JSON.stringify({
      StartAt: 'Check',
      States: {
        Check: { Type: 'Choice', Choices: [{ Variable: '$.x', NumericEquals: 1, Next: 'One' }], Default: 'Fail' },
        One: { Type: 'Succeed' },
        Fail: { Type: 'Fail', Error: 'NotOne', Cause: 'x is not 1' },
      },
    }),
  );
  await writeFile(
    join(cwd, 'retry.json'),
    JSON.stringify({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Retry: [{ ErrorEquals: ['Boom'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 }],
      End: true,
    }),
  );
  await writeFile(join(cwd, 'mock.json'), '{"errorOutput":{"error":"Boom","cause":"bang"}}');
  await writeFile(
    join(cwd, 'map.json'),
    '{"Type":"Parallel","Branches":[{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}],"End":true}',
  );
});

afterAll(() => rm(cwd, { recursive: true, force: true }));

const engine = async () => {
  throw new Error('test-state does not use the engine loader');
};
const lockstep = (argv: string[]) => runCaptured(['test-state', ...argv], cwd, engine);

describe('lockstep test-state', () => {
  it('prints the response with the inspection data', async () => {
    const run = await lockstep(['pass.json', '--input', '{"x":1}', '--inspection-level', 'DEBUG']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      status: 'SUCCEEDED',
      output: '{"x":1,"r":{"v":1}}',
      inspectionData: {
        input: '{"x":1}',
        afterInputPath: '{"x":1}',
        afterParameters: '{"v":1}',
        afterResultSelector: '{"v":1}',
        afterResultPath: '{"x":1,"r":{"v":1}}',
      },
    });
  });

  it('tests a state of a machine with --state-name and exits 1 when the state fails', async () => {
    const chose = await lockstep(['machine.json', '--state-name', 'Check', '--input', '{"x":1}']);
    expect(JSON.parse(chose.stdout)).toEqual({ status: 'SUCCEEDED', output: '{"x":1}', nextState: 'One' });
    const failed = await lockstep(['machine.json', '--state-name', 'Fail']);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout)).toEqual({ status: 'FAILED', error: 'NotOne', cause: 'x is not 1' });
  });

  it('reports a request AWS rejects with its error and exit code 2', async () => {
    expect(await lockstep(['map.json'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'lockstep: InvalidDefinition: TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]\n',
    });
  });

  it('takes the mock and state configuration as JSON or @file, as the AWS CLI does', async () => {
    const run = await lockstep([
      'retry.json',
      '--mock',
      '@mock.json',
      '--state-configuration',
      '{"retrierRetryCount":1}',
      '--inspection-level',
      'DEBUG',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 'RETRIABLE',
      error: 'Boom',
      cause: 'bang',
      inspectionData: { errorDetails: { retryIndex: 0, retryBackoffIntervalSeconds: 4 } },
    });
    const parallel = await lockstep(['map.json', '--mock', '{"result":"[1]"}']);
    expect(JSON.parse(parallel.stdout)).toEqual({ status: 'SUCCEEDED', output: '[1]' });
  });

  it('rejects a --mock that is not a JSON object with exit code 2', async () => {
    expect(await lockstep(['map.json', '--mock', '[1]'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'lockstep: --mock must be a JSON object\n',
    });
  });
});
