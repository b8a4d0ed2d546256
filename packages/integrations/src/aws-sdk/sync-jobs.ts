/**
 * The jobs Step Functions runs with the "Run a Job" pattern (`arn:aws:states:::glue:startJobRun.sync`, ...): the
 * optimized integrations that start a job, and for each the action that describes the job, how a description tells
 * that the job ended (and what the task then returns), and the action that stops it when the task is cancelled.
 *
 * AWS's behaviour, from its Developer Guide ("Run a Job (.sync)", each service's "with Step Functions" page) and the
 * executions LocalStack recorded on AWS: a job that ends well makes the task succeed with its description (Glue's
 * `JobRun`, Batch's job, ECS's task, Athena's `GetQueryExecution` answer, CodeBuild's `{Build}`); any other end fails it
 * with `States.TaskFailed` and that same description, as JSON, for cause.
 */
import type { Json } from '@lockstep/asl';
import type { IntegrationRequest } from '@lockstep/engine';
import type { OptimizedService } from './optimized-services.js';

type JsonObject = { [key: string]: Json };

/** How a job ended, as a description shows it; `undefined` while it runs. */
export type JobEnd = { readonly succeeded: boolean; readonly output: JsonObject } | undefined;

/** One action that starts a job, for `.sync`. Objects are shaped as the task sees them (members capitalized). */
export interface SyncJob {
  /** The action that describes the job (`getJobRun`). */
  readonly describe: string;
  /** Its parameters, from the answer of the action that started the job. */
  describeParameters(started: JsonObject): JsonObject;
  /** Whether the description keeps the HTTP metadata (where the task returns the whole answer). */
  readonly describedWithMetadata: boolean;
  /** How the job ended, from a description. */
  end(described: JsonObject): JobEnd;
  /** The action that stops the job. */
  readonly stop: string;
  /** Its parameters. */
  stopParameters(started: JsonObject, request: IntegrationRequest): JsonObject;
}

/** The optimized integrations that run jobs, by the resource type in their ARN. */
export const JOB_SERVICES: Readonly<Record<string, OptimizedService>> = {
  glue: {
    sdkService: 'glue',
    actions: { startJobRun: 'all' },
    callback: true,
    errors: { sdk: 'java-v1', prefix: 'Glue', serviceName: 'AWSGlue', unmodeled: 'AWSGlueException' },
    httpMetadata: true,
    // "The JobName field is extracted from the request and inserted into the response" (Developer Guide).
    complete: (_output, parameters) => ({ JobName: objectOf(parameters).JobName ?? null }),
    jobs: {
      startJobRun: {
        describe: 'getJobRun',
        describeParameters: (started) => ({ JobName: started.JobName, RunId: started.JobRunId }),
        describedWithMetadata: false,
        end: (described) => {
          const run = objectOf(described.JobRun);
          // LocalStack counts a run stopped by someone else as ended well; FAILED, TIMEOUT, ERROR and EXPIRED not.
          return ended(run, run.JobRunState, ['SUCCEEDED', 'STOPPED'], ['FAILED', 'TIMEOUT', 'ERROR', 'EXPIRED']);
        },
        stop: 'batchStopJobRun',
        stopParameters: (started) => ({ JobName: started.JobName, JobRunIds: [started.JobRunId] }),
      },
    },
  },
  athena: {
    sdkService: 'athena',
    actions: {
      startQueryExecution: 'all',
      stopQueryExecution: 'all',
      getQueryExecution: 'all',
      getQueryResults: 'all',
    },
    // "The Wait for a Callback with Task Token integration pattern is not supported" (Developer Guide).
    callback: false,
    errors: { sdk: 'java-v1', prefix: 'Athena', serviceName: 'AmazonAthena', unmodeled: 'AmazonAthenaException' },
    httpMetadata: true,
    jobs: {
      startQueryExecution: {
        describe: 'getQueryExecution',
        describeParameters: (started) => ({ QueryExecutionId: started.QueryExecutionId }),
        describedWithMetadata: true,
        end: (described) => {
          const state = objectOf(objectOf(described.QueryExecution).Status).State;
          return ended(described, state, ['SUCCEEDED'], ['FAILED', 'CANCELLED']);
        },
        stop: 'stopQueryExecution',
        stopParameters: (started) => ({ QueryExecutionId: started.QueryExecutionId }),
      },
    },
  },
  batch: {
    sdkService: 'batch',
    actions: { submitJob: 'all' },
    callback: true,
    errors: { sdk: 'java-v1', prefix: 'Batch', serviceName: 'AWSBatch', unmodeled: 'AWSBatchException' },
    httpMetadata: true,
    prepare: (parameters, request) => (isSync(request) ? withManagedByAws(parameters) : parameters),
    jobs: {
      submitJob: {
        describe: 'describeJobs',
        describeParameters: (started) => ({ Jobs: [started.JobId] }),
        describedWithMetadata: false,
        // A job just submitted may not be listed yet: it is still running.
        end: (described) => {
          const job = firstOf(described.Jobs);
          return job && ended(job, job.Status, ['SUCCEEDED'], ['FAILED']);
        },
        stop: 'terminateJob',
        stopParameters: (started, request) => ({ JobId: started.JobId, Reason: abortedReason(request) }),
      },
    },
  },
  codebuild: {
    sdkService: 'codebuild',
    actions: { startBuild: 'all', stopBuild: 'all', batchDeleteBuilds: 'all', batchGetReports: 'all' },
    callback: true,
    errors: { sdk: 'java-v1', prefix: 'CodeBuild', serviceName: 'AWSCodeBuild', unmodeled: 'AWSCodeBuildException' },
    httpMetadata: true,
    jobs: {
      startBuild: {
        describe: 'batchGetBuilds',
        describeParameters: (started) => ({ Ids: [objectOf(started.Build).Id ?? null] }),
        describedWithMetadata: false,
        end: (described) => {
          const build = firstOf(described.Builds);
          if (!build) return undefined;
          return ended({ Build: build }, build.BuildStatus, ['SUCCEEDED'], ['FAILED', 'FAULT', 'TIMED_OUT', 'STOPPED']);
        },
        stop: 'stopBuild',
        stopParameters: (started) => ({ Id: objectOf(started.Build).Id ?? null }),
      },
    },
  },
  ecs: {
    sdkService: 'ecs',
    actions: { runTask: 'all' },
    callback: true,
    errors: { sdk: 'java-v1', prefix: 'ECS', serviceName: 'AmazonECS', unmodeled: 'AmazonECSException' },
    httpMetadata: true,
    // Recorded on AWS: a `.sync` task's RunTask call (and its TaskScheduled parameters) carries this `StartedBy`.
    prepare: (parameters, request) =>
      isSync(request) ? { ...parameters, StartedBy: 'AWS Step Functions' } : parameters,
    // "Run a Job or Task Token: If a non-empty Failures field is encountered, the task is failed with an
    // AmazonECS.Unknown error" (Developer Guide).
    failure: (output, pattern) =>
      pattern !== 'request-response' && Array.isArray(output.Failures) && output.Failures.length > 0
        ? { error: 'AmazonECS.Unknown', cause: JSON.stringify(output) }
        : undefined,
    jobs: {
      runTask: {
        describe: 'describeTasks',
        describeParameters: (started) => {
          const task = firstOf(started.Tasks) ?? {};
          return { Cluster: task.ClusterArn ?? null, Tasks: [task.TaskArn ?? null] };
        },
        describedWithMetadata: false,
        // Recorded on AWS: the task succeeds with the stopped task's description. It fails when a container
        // did not exit with 0 (or never ran), its cause the description users read `StoppedReason` from.
        end: (described) => {
          const task = firstOf(described.Tasks);
          if (task?.LastStatus !== 'STOPPED') return undefined;
          const containers = Array.isArray(task.Containers) ? task.Containers : [];
          return { succeeded: containers.every((container) => objectOf(container).ExitCode === 0), output: task };
        },
        stop: 'stopTask',
        stopParameters: (started, request) => {
          const task = firstOf(started.Tasks) ?? {};
          return { Cluster: task.ClusterArn ?? null, Task: task.TaskArn ?? null, Reason: abortedReason(request) };
        },
      },
    },
  },
};

function ended(output: JsonObject, state: Json | undefined, succeeded: string[], failed: string[]): JobEnd {
  if (typeof state !== 'string') return undefined;
  if (succeeded.includes(state)) return { succeeded: true, output };
  if (failed.includes(state)) return { succeeded: false, output };
  return undefined;
}

function isSync(request: IntegrationRequest): boolean {
  return request.resourceInfo.pattern === 'sync';
}

/** AWS tells a Batch job's container that Step Functions runs it. */
function withManagedByAws(parameters: JsonObject): JsonObject {
  const overrides = objectOf(parameters.ContainerOverrides);
  const environment = Array.isArray(overrides.Environment) ? overrides.Environment : [];
  const managed = { Name: 'MANAGED_BY_AWS', Value: 'STARTED_BY_STEP_FUNCTIONS' };
  return { ...parameters, ContainerOverrides: { ...overrides, Environment: [...environment, managed] } };
}

/** The reason a job stopped with its task reads (seen on a Batch job whose execution was stopped). */
function abortedReason(request: IntegrationRequest): string {
  const execution = objectOf(objectOf(request.context).Execution).Id;
  return `The Task state in AWS Step Functions execution [${String(execution)}] which was managing this resource was aborted`;
}

function objectOf(value: Json | undefined): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

function firstOf(list: Json | undefined): JsonObject | undefined {
  return Array.isArray(list) && list.length > 0 ? objectOf(list[0]) : undefined;
}
