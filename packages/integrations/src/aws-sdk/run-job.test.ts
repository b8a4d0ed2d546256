import type { Json } from '@lockstep/asl';
import { runExecution } from '@lockstep/engine';
import { describe, expect, it, vi } from 'vitest';
import { invokeOnce, jsonAnswer, jsonError } from './fake-aws-service.test-support.js';
import { inTurn, JSON_1_1, useJobHarness } from './sync-job.test-support.js';

const harness = useJobHarness();
const { start: startJob, answer: answering, sent } = harness;

const jobRun = (state: string) => ({
  JobRun: {
    Id: 'jr_1',
    Attempt: 0,
    JobName: 'etl',
    StartedOn: 1_700_000_000.5,
    JobRunState: state,
    Arguments: { '--day': '2024-01-01' },
    ...(state === 'FAILED' ? { ErrorMessage: 'Out of memory' } : {}),
  },
});

describe('glue:startJobRun.sync', () => {
  it('reports the started run (with the JobName AWS adds), polls GetJobRun, and succeeds with the JobRun', async () => {
    answering({
      StartJobRun: jsonAnswer({ JobRunId: 'jr_1' }, 'req-start', JSON_1_1),
      GetJobRun: inTurn(
        jsonAnswer(jobRun('STARTING'), 'req-d1', JSON_1_1),
        jsonAnswer(jobRun('RUNNING'), 'req-d2', JSON_1_1),
        jsonAnswer(jobRun('SUCCEEDED'), 'req-d3', JSON_1_1),
      ),
    });
    const task = startJob('arn:aws:states:::glue:startJobRun.sync', { JobName: 'etl', Arguments: { '--day': 'x' } });
    expect(await task.ended).toEqual({
      kind: 'succeed',
      output: {
        Arguments: { '--day': '2024-01-01' },
        Attempt: 0,
        Id: 'jr_1',
        JobName: 'etl',
        JobRunState: 'SUCCEEDED',
        StartedOn: 1_700_000_000_500,
      },
    });
    expect(task.reports).toHaveLength(2);
    const submitted = task.reports[0];
    expect(submitted.kind).toBe('submitted');
    expect(Object.keys((submitted as { output: object }).output)).toEqual([
      'JobName',
      'JobRunId',
      'SdkHttpMetadata',
      'SdkResponseMetadata',
    ]);
    expect(sent('StartJobRun')).toEqual([{ JobName: 'etl', Arguments: { '--day': 'x' } }]);
    expect(sent('GetJobRun')).toEqual([
      { JobName: 'etl', RunId: 'jr_1' },
      { JobName: 'etl', RunId: 'jr_1' },
      { JobName: 'etl', RunId: 'jr_1' },
    ]);
  });

  it('fails with States.TaskFailed and the JobRun as cause when the run fails', async () => {
    answering({
      StartJobRun: jsonAnswer({ JobRunId: 'jr_1' }, 'req-start', JSON_1_1),
      GetJobRun: jsonAnswer(jobRun('FAILED'), 'req-d1', JSON_1_1),
    });
    const ended = await startJob('arn:aws:states:::glue:startJobRun.sync', { JobName: 'etl' }).ended;
    expect(ended).toEqual({
      kind: 'fail',
      error: 'States.TaskFailed',
      cause:
        '{"Arguments":{"--day":"2024-01-01"},"Attempt":0,"ErrorMessage":"Out of memory","Id":"jr_1",' +
        '"JobName":"etl","JobRunState":"FAILED","StartedOn":1700000000500}',
    });
  });

  it('fails with the service error of a run that does not start, without polling', async () => {
    answering({
      StartJobRun: jsonError('EntityNotFoundException', 'Job not found', 'req-start', { contentType: JSON_1_1 }),
    });
    const task = startJob('arn:aws:states:::glue:startJobRun.sync', { JobName: 'missing' });
    expect(await task.ended).toEqual({
      kind: 'fail',
      error: 'Glue.EntityNotFoundException',
      cause:
        'Job not found (Service: AWSGlue; Status Code: 400; Error Code: EntityNotFoundException; ' +
        'Request ID: req-start; Proxy: null)',
    });
    expect(task.reports).toHaveLength(1);
    expect(sent('GetJobRun')).toEqual([]);
  });

  it('adds the JobName to a request-response answer', async () => {
    answering({ StartJobRun: jsonAnswer({ JobRunId: 'jr_9' }, 'req-start', JSON_1_1) });
    const reported = await invokeOnce(harness.integration, 'arn:aws:states:::glue:startJobRun', { JobName: 'etl' });
    expect(reported.kind).toBe('succeed');
    expect((reported as { output: Record<string, Json> }).output).toMatchObject({ JobName: 'etl', JobRunId: 'jr_9' });
    expect(sent('GetJobRun')).toEqual([]);
  });

  it('runs in an execution: TaskSubmitted with the start answer, then TaskSucceeded with the run', async () => {
    answering({
      StartJobRun: jsonAnswer({ JobRunId: 'jr_1' }, 'req-start', JSON_1_1),
      GetJobRun: jsonAnswer(jobRun('SUCCEEDED'), 'req-d1', JSON_1_1),
    });
    const result = await runExecution({
      definition: {
        StartAt: 'Etl',
        States: {
          Etl: {
            Type: 'Task',
            Resource: 'arn:aws:states:::glue:startJobRun.sync',
            Parameters: { JobName: 'etl' },
            ResultSelector: { 'state.$': '$.JobRunState' },
            End: true,
          },
        },
      },
      input: {},
      integrations: [harness.integration],
    });
    expect([result.status, result.output]).toEqual(['SUCCEEDED', { state: 'SUCCEEDED' }]);
    const types = result.history.map((event) => event.type);
    expect(types).toContain('TaskSubmitted');
    expect(types.indexOf('TaskSubmitted')).toBeLessThan(types.indexOf('TaskSucceeded'));
  });
});

describe('athena:startQueryExecution.sync', () => {
  const running = jsonAnswer(
    { QueryExecution: { QueryExecutionId: 'q-1', Status: { State: 'RUNNING' } } },
    'req-d',
    JSON_1_1,
  );

  it('succeeds with the GetQueryExecution answer, HTTP metadata included', async () => {
    answering({
      StartQueryExecution: jsonAnswer({ QueryExecutionId: 'q-1' }, 'req-start', JSON_1_1),
      GetQueryExecution: inTurn(
        running,
        jsonAnswer({ QueryExecution: { QueryExecutionId: 'q-1', Status: { State: 'SUCCEEDED' } } }, 'req-d2', JSON_1_1),
      ),
    });
    const ended = await startJob('arn:aws:states:::athena:startQueryExecution.sync', { QueryString: 'SELECT 1' }).ended;
    expect(ended.kind).toBe('succeed');
    const output = (ended as { output: Record<string, Json> }).output;
    expect(Object.keys(output)).toEqual(['QueryExecution', 'SdkHttpMetadata', 'SdkResponseMetadata']);
    expect(output.QueryExecution).toEqual({ QueryExecutionId: 'q-1', Status: { State: 'SUCCEEDED' } });
    expect(output.SdkResponseMetadata).toEqual({ RequestId: 'req-d2' });
  });

  it('stops the query when the task is cancelled (timed out, execution stopped), and reports nothing more', async () => {
    answering({
      StartQueryExecution: jsonAnswer({ QueryExecutionId: 'q-1' }, 'req-start', JSON_1_1),
      GetQueryExecution: running,
      StopQueryExecution: jsonAnswer({}, 'req-stop', JSON_1_1),
    });
    const task = startJob('arn:aws:states:::athena:startQueryExecution.sync', { QueryString: 'SELECT 1' });
    await vi.waitFor(() => expect(sent('GetQueryExecution').length).toBeGreaterThanOrEqual(2));
    task.cancel();
    await vi.waitFor(() => expect(sent('StopQueryExecution')).toEqual([{ QueryExecutionId: 'q-1' }]));
    expect(task.reports.map((report) => report.kind)).toEqual(['submitted']);
  });

  it('offers no callback pattern', async () => {
    const reported = await invokeOnce(
      harness.integration,
      'arn:aws:states:::athena:startQueryExecution.waitForTaskToken',
      {
        QueryString: 'SELECT 1',
      },
    );
    expect(reported).toEqual({
      kind: 'fail',
      error: 'States.Runtime',
      cause:
        "The resource 'arn:aws:states:::athena:startQueryExecution.waitForTaskToken' does not support the " +
        'waitForTaskToken integration pattern.',
    });
  });
});

describe('.sync where no job starts', () => {
  it('fails the task with States.Runtime', async () => {
    const reported = await invokeOnce(harness.integration, 'arn:aws:states:::sqs:sendMessage.sync', { QueueUrl: 'q' });
    expect(reported).toEqual({
      kind: 'fail',
      error: 'States.Runtime',
      cause: "The resource 'arn:aws:states:::sqs:sendMessage.sync' does not support the sync integration pattern.",
    });
    expect(harness.fake.requests).toEqual([]);
  });
});
