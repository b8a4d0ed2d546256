import { describe, expect, it, vi } from 'vitest';
import { invokeOnce, jsonAnswer } from './fake-aws-service.test-support.js';
import { ABORTED_REASON, inTurn, JSON_1_1, restJsonAnswer, useJobHarness } from './sync-job.test-support.js';

const harness = useJobHarness();
const { start: startJob, answer: answering, sent } = harness;

describe('batch:submitJob.sync', () => {
  const submitted = restJsonAnswer(
    { jobArn: 'arn:aws:batch:us-east-1:1:job/j-1', jobId: 'j-1', jobName: 'nightly' },
    'r1',
  );
  const job = (status: string) => ({ jobId: 'j-1', jobName: 'nightly', status, jobQueue: 'q', jobDefinition: 'd' });

  it('tells the container Step Functions manages it, and fails with the job when it fails', async () => {
    answering({
      submitjob: submitted,
      describejobs: inTurn(
        restJsonAnswer({ jobs: [] }, 'r2'),
        restJsonAnswer({ jobs: [job('RUNNING')] }, 'r3'),
        restJsonAnswer({ jobs: [{ ...job('FAILED'), statusReason: 'Essential container in task exited' }] }, 'r4'),
      ),
    });
    const task = startJob('arn:aws:states:::batch:submitJob.sync', {
      JobName: 'nightly',
      JobQueue: 'q',
      JobDefinition: 'd',
      ContainerOverrides: { Environment: [{ Name: 'MODE', Value: 'full' }] },
    });
    expect(await task.ended).toEqual({
      kind: 'fail',
      error: 'States.TaskFailed',
      cause:
        '{"JobDefinition":"d","JobId":"j-1","JobName":"nightly","JobQueue":"q","Status":"FAILED",' +
        '"StatusReason":"Essential container in task exited"}',
    });
    expect(sent('submitjob')[0].containerOverrides).toEqual({
      environment: [
        { name: 'MODE', value: 'full' },
        { name: 'MANAGED_BY_AWS', value: 'STARTED_BY_STEP_FUNCTIONS' },
      ],
    });
    expect(sent('describejobs')).toEqual([{ jobs: ['j-1'] }, { jobs: ['j-1'] }, { jobs: ['j-1'] }]);
    expect((task.reports[0] as { output: object }).output).toMatchObject({
      JobArn: 'arn:aws:batch:us-east-1:1:job/j-1',
      JobId: 'j-1',
      JobName: 'nightly',
    });
  });

  it('fails with the service error when describing the job fails', async () => {
    answering({
      submitjob: submitted,
      describejobs: {
        status: 400,
        headers: [
          ['x-amzn-RequestId', 'r-err'],
          ['x-amzn-ErrorType', 'ClientException'],
          ['Content-Type', 'application/json'],
        ],
        body: JSON.stringify({ message: 'Job queue not found' }),
      },
    });
    const ended = await startJob('arn:aws:states:::batch:submitJob.sync', {
      JobName: 'nightly',
      JobQueue: 'q',
      JobDefinition: 'd',
    }).ended;
    expect(ended).toEqual({
      kind: 'fail',
      error: 'Batch.ClientException',
      cause:
        'Job queue not found (Service: AWSBatch; Status Code: 400; Error Code: ClientException; ' +
        'Request ID: r-err; Proxy: null)',
    });
  });

  it('terminates the job when the task is cancelled', async () => {
    answering({
      submitjob: submitted,
      describejobs: restJsonAnswer({ jobs: [job('RUNNABLE')] }, 'r2'),
      terminatejob: restJsonAnswer({}, 'r3'),
    });
    const task = startJob('arn:aws:states:::batch:submitJob.sync', {
      JobName: 'nightly',
      JobQueue: 'q',
      JobDefinition: 'd',
    });
    await vi.waitFor(() => expect(sent('describejobs').length).toBeGreaterThanOrEqual(1));
    task.cancel();
    await vi.waitFor(() =>
      expect(sent('terminatejob')).toEqual([
        {
          jobId: 'j-1',
          reason: ABORTED_REASON,
        },
      ]),
    );
  });
});

describe('codebuild:startBuild.sync', () => {
  const build = (status: string) => ({ id: 'p:b-1', projectName: 'p', buildStatus: status, buildNumber: 7 });

  it('succeeds with {Build}, and stops the build of a cancelled task', async () => {
    answering({
      StartBuild: jsonAnswer({ build: build('IN_PROGRESS') }, 'r1', JSON_1_1),
      BatchGetBuilds: inTurn(
        jsonAnswer({ builds: [build('IN_PROGRESS')] }, 'r2', JSON_1_1),
        jsonAnswer({ builds: [build('SUCCEEDED')] }, 'r3', JSON_1_1),
      ),
    });
    const ended = await startJob('arn:aws:states:::codebuild:startBuild.sync', { ProjectName: 'p' }).ended;
    expect(ended).toEqual({
      kind: 'succeed',
      output: { Build: { BuildNumber: 7, BuildStatus: 'SUCCEEDED', Id: 'p:b-1', ProjectName: 'p' } },
    });
    expect(sent('BatchGetBuilds')[0]).toEqual({ ids: ['p:b-1'] });

    harness.fake.requests.length = 0;
    answering({
      StartBuild: jsonAnswer({ build: build('IN_PROGRESS') }, 'r1', JSON_1_1),
      BatchGetBuilds: jsonAnswer({ builds: [build('IN_PROGRESS')] }, 'r2', JSON_1_1),
      StopBuild: jsonAnswer({ build: build('STOPPED') }, 'r3', JSON_1_1),
    });
    const task = startJob('arn:aws:states:::codebuild:startBuild.sync', { ProjectName: 'p' });
    await vi.waitFor(() => expect(sent('BatchGetBuilds').length).toBeGreaterThanOrEqual(1));
    task.cancel();
    await vi.waitFor(() => expect(sent('StopBuild')).toEqual([{ id: 'p:b-1' }]));
  });

  it('fails with States.TaskFailed and {Build} when the build fails', async () => {
    answering({
      StartBuild: jsonAnswer({ build: build('IN_PROGRESS') }, 'r1', JSON_1_1),
      BatchGetBuilds: jsonAnswer({ builds: [build('FAILED')] }, 'r2', JSON_1_1),
    });
    const ended = await startJob('arn:aws:states:::codebuild:startBuild.sync', { ProjectName: 'p' }).ended;
    expect(ended).toEqual({
      kind: 'fail',
      error: 'States.TaskFailed',
      cause: '{"Build":{"BuildNumber":7,"BuildStatus":"FAILED","Id":"p:b-1","ProjectName":"p"}}',
    });
  });
});

describe('ecs:runTask.sync', () => {
  const CLUSTER = 'arn:aws:ecs:us-east-1:1:cluster/c';
  const TASK = 'arn:aws:ecs:us-east-1:1:task/c/t-1';
  const task = (lastStatus: string, exitCode?: number) => ({
    clusterArn: CLUSTER,
    taskArn: TASK,
    lastStatus,
    startedBy: 'AWS Step Functions',
    containers: [{ name: 'app', ...(exitCode === undefined ? {} : { exitCode }) }],
    ...(lastStatus === 'STOPPED' ? { stopCode: 'EssentialContainerExited' } : {}),
  });
  const ran = jsonAnswer({ tasks: [task('PROVISIONING')], failures: [] }, 'r1', JSON_1_1);

  it('starts the task as "AWS Step Functions" and succeeds with the stopped task when its containers exit with 0', async () => {
    answering({
      RunTask: ran,
      DescribeTasks: inTurn(
        jsonAnswer({ tasks: [task('RUNNING')], failures: [] }, 'r2', JSON_1_1),
        jsonAnswer({ tasks: [task('STOPPED', 0)], failures: [] }, 'r3', JSON_1_1),
      ),
    });
    const job = startJob('arn:aws:states:::ecs:runTask.sync', { Cluster: 'c', TaskDefinition: 'td' });
    expect(await job.ended).toEqual({
      kind: 'succeed',
      output: {
        ClusterArn: CLUSTER,
        Containers: [{ ExitCode: 0, Name: 'app' }],
        LastStatus: 'STOPPED',
        StartedBy: 'AWS Step Functions',
        StopCode: 'EssentialContainerExited',
        TaskArn: TASK,
      },
    });
    // The attempt's idempotency token makes a call repeated after a crash start no second task.
    expect(sent('RunTask')).toEqual([
      { cluster: 'c', taskDefinition: 'td', startedBy: 'AWS Step Functions', clientToken: expect.any(String) },
    ]);
    expect(sent('DescribeTasks')[0]).toEqual({ cluster: CLUSTER, tasks: [TASK] });
    expect(Object.keys((job.reports[0] as { output: object }).output)).toEqual([
      'Failures',
      'SdkHttpMetadata',
      'SdkResponseMetadata',
      'Tasks',
    ]);
  });

  it('fails with States.TaskFailed and the task when a container exits with another code', async () => {
    answering({
      RunTask: ran,
      DescribeTasks: jsonAnswer({ tasks: [task('STOPPED', 1)], failures: [] }, 'r2', JSON_1_1),
    });
    const ended = await startJob('arn:aws:states:::ecs:runTask.sync', { Cluster: 'c', TaskDefinition: 'td' }).ended;
    expect(ended.kind).toBe('fail');
    expect(ended).toMatchObject({ error: 'States.TaskFailed' });
    expect(JSON.parse((ended as { cause: string }).cause)).toMatchObject({
      Containers: [{ ExitCode: 1, Name: 'app' }],
      LastStatus: 'STOPPED',
    });
  });

  it('fails with AmazonECS.Unknown when RunTask reports Failures (but not request-response)', async () => {
    const failures = {
      tasks: [],
      failures: [{ arn: 'arn:aws:ecs:us-east-1:1:container-instance/x', reason: 'RESOURCE:CPU' }],
    };
    answering({ RunTask: jsonAnswer(failures, 'r1', JSON_1_1) });
    const ended = await startJob('arn:aws:states:::ecs:runTask.sync', { Cluster: 'c', TaskDefinition: 'td' }).ended;
    expect(ended).toMatchObject({ kind: 'fail', error: 'AmazonECS.Unknown' });
    expect(JSON.parse((ended as { cause: string }).cause).Failures).toEqual([
      { Arn: 'arn:aws:ecs:us-east-1:1:container-instance/x', Reason: 'RESOURCE:CPU' },
    ]);
    expect(sent('RunTask')[0].startedBy).toBe('AWS Step Functions');

    const plain = await invokeOnce(harness.integration, 'arn:aws:states:::ecs:runTask', {
      Cluster: 'c',
      TaskDefinition: 'td',
    });
    expect(plain.kind).toBe('succeed');
    expect(sent('RunTask')[1]).toEqual({ cluster: 'c', taskDefinition: 'td', clientToken: expect.any(String) });
  });

  it('stops the task with the reason when the task is cancelled', async () => {
    answering({
      RunTask: ran,
      DescribeTasks: jsonAnswer({ tasks: [task('RUNNING')], failures: [] }, 'r2', JSON_1_1),
      StopTask: jsonAnswer({ task: task('STOPPED') }, 'r3', JSON_1_1),
    });
    const job = startJob('arn:aws:states:::ecs:runTask.sync', { Cluster: 'c', TaskDefinition: 'td' });
    await vi.waitFor(() => expect(sent('DescribeTasks').length).toBeGreaterThanOrEqual(1));
    job.cancel();
    await vi.waitFor(() =>
      expect(sent('StopTask')).toEqual([
        {
          cluster: CLUSTER,
          task: TASK,
          reason: ABORTED_REASON,
        },
      ]),
    );
    expect(job.reports.map((report) => report.kind)).toEqual(['submitted']);
  });
});
