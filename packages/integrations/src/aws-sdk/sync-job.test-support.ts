/**
 * Testing `.sync` tasks against the AWS service double: the integration polls without waiting, answers are given by
 * action, and a task in flight exposes what it reported and its cancel function.
 */
import type { Json } from '@lockstep/asl';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { awsSdkIntegration } from './aws-sdk-integration.js';
import {
  type CannedResponse,
  type FakeAwsService,
  jsonError,
  type RecordedRequest,
  type Reported,
  sampleTaskRequest,
  startFakeAwsService,
} from './fake-aws-service.test-support.js';

/** The content type of the JSON 1.1 protocol (Glue, Athena, CodeBuild, ECS). */
export const JSON_1_1 = 'application/x-amz-json-1.1';

/** The execution of the sample task request. */
export const SAMPLE_EXECUTION = 'arn:aws:states:us-east-1:111111111111:execution:Machine:run-1';

/** The reason AWS gives the service when it stops the job of the sample execution's task. */
export const ABORTED_REASON = `The Task state in AWS Step Functions execution [${SAMPLE_EXECUTION}] which was managing this resource was aborted`;

/** A `.sync` task in flight: what it reported so far, its end, and its cancel function. */
export interface JobTask {
  readonly reports: Reported[];
  readonly ended: Promise<Reported>;
  cancel(): void;
}

/** The double, an integration polling it every millisecond, and helpers. */
export interface JobHarness {
  readonly fake: FakeAwsService;
  readonly integration: ReturnType<typeof awsSdkIntegration>;
  /** Invokes a Task of `resource` with `input` in the sample execution. */
  start(resource: string, input: Json): JobTask;
  /** Answers by action (a JSON target's, or a REST path's last segment); a function answers each call anew. */
  answer(answers: Record<string, CannedResponse | (() => CannedResponse)>): void;
  /** The bodies of the requests of `action` so far. */
  sent(action: string): Record<string, unknown>[];
}

/**
 * The harness of a test file: started before its tests and closed after them, its recorded requests forgotten before
 * each test. Its members are read once it started (in the tests).
 */
export function useJobHarness(): JobHarness {
  let harness: JobHarness | undefined;
  const started = () => harness!;
  beforeAll(async () => {
    harness = await startJobHarness();
  });
  afterAll(() => harness?.fake.close());
  beforeEach(() => {
    started().fake.requests.length = 0;
  });
  return {
    get fake() {
      return started().fake;
    },
    get integration() {
      return started().integration;
    },
    start: (resource, input) => started().start(resource, input),
    answer: (answers) => started().answer(answers),
    sent: (action) => started().sent(action),
  };
}

/** Starts the double and an integration that uses it for every service. */
export async function startJobHarness(): Promise<JobHarness> {
  const fake = await startFakeAwsService();
  const integration = awsSdkIntegration({
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    endpoint: fake.endpoint,
    clientOptions: { '*': { maxAttempts: 1 } },
    syncPollIntervalMs: 1,
  });
  return {
    fake,
    integration,
    start(resource, input) {
      const reports: Reported[] = [];
      let end: (reported: Reported) => void = () => {};
      const ended = new Promise<Reported>((resolve) => {
        end = resolve;
      });
      const report = (reported: Reported) => {
        reports.push(reported);
        if (reported.kind !== 'submitted') end(reported);
      };
      const cancel = integration.invoke(sampleTaskRequest(resource, input), {
        submitted: (output) => report({ kind: 'submitted', output }),
        succeed: (output) => report({ kind: 'succeed', output }),
        fail: (error, cause) => report({ kind: 'fail', error, cause }),
      });
      return { reports, ended, cancel };
    },
    answer(answers) {
      fake.respond((request) => {
        const answer = answers[actionOf(request)];
        if (!answer) return jsonError('UnknownOperationException', `no ${actionOf(request)}`, 'req-unknown');
        return typeof answer === 'function' ? answer() : answer;
      });
    },
    sent: (action) =>
      fake.requests.filter((request) => actionOf(request) === action).map((request) => JSON.parse(request.body)),
  };
}

/** Answers each call with the next of `answers`, the last one again once they run out. */
export function inTurn(...answers: CannedResponse[]): () => CannedResponse {
  let next = 0;
  return () => answers[Math.min(next++, answers.length - 1)];
}

/** A REST-JSON answer (AWS Batch). */
export function restJsonAnswer(body: object, requestId: string): CannedResponse {
  return {
    headers: [
      ['x-amzn-RequestId', requestId],
      ['Content-Type', 'application/json'],
    ],
    body: JSON.stringify(body),
  };
}

function actionOf(request: RecordedRequest): string {
  return request.target?.split('.')[1] ?? request.path.split('/').pop() ?? '';
}
