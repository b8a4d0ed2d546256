/**
 * Tasks performed outside: activity workers (GetActivityTask) and callbacks (`.waitForTaskToken`) report with
 * their task token through SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat.
 *
 * Recorded AWS behaviour: GetActivityTask long-polls up to 60 seconds and answers without a token when no task
 * came; a token whose task is over is `TaskTimedOut: Task Timed Out: 'Provided task does not exist anymore'`;
 * SendTaskFailure without error or cause gives the Error Output `{"Error": null, "Cause": null}`.
 */
import { parseJsonText } from '@lockstep/asl';
import { type TaskTokenRecord, workId } from '../store/records.js';
import { resolveActivityArn } from './arns.js';
import type { Operation, ServiceContext } from './context.js';
import { activityDoesNotExist } from './errors.js';
import { readRequest, Shape } from './request.js';
import { ServiceError } from './service-error.js';

/** AWS's longest GetActivityTask poll. */
const POLL_MS = 60_000;

/** The task operations, keyed by AWS operation name. */
export function taskOperations(ctx: ServiceContext, options: { pollMs?: number } = {}): Record<string, Operation> {
  return {
    GetActivityTask: (request) => getActivityTask(ctx, request, options.pollMs ?? POLL_MS),
    SendTaskSuccess: (request) => sendTaskSuccess(ctx, request),
    SendTaskFailure: (request) => sendTaskFailure(ctx, request),
    SendTaskHeartbeat: (request) => sendTaskHeartbeat(ctx, request),
  };
}

async function getActivityTask(ctx: ServiceContext, request: Record<string, unknown>, pollMs: number) {
  const r = readRequest(request);
  const arn = r.requiredString('activityArn', Shape.Arn);
  const workerName = r.string('workerName', Shape.Name);
  r.done();
  resolveActivityArn(arn);
  if (!(await ctx.store.getActivity(arn))) throw activityDoesNotExist(arn);
  const deadline = ctx.clock() + pollMs;
  for (;;) {
    // The start is recorded with the hand-out, in one commit: a crash cannot hand out a task whose start is lost.
    const task = await ctx.store.takeActivityTask(arn, workerName, (taken) => [
      {
        id: workId(taken.executionArn, `${taken.key}:started`),
        executionArn: taken.executionArn,
        dueTime: ctx.clock(),
        payload: { kind: 'event', event: { type: 'TaskStarted', key: taken.key, workerName } },
      },
    ]);
    if (task) {
      ctx.runtime.wake();
      return { taskToken: task.taskToken, input: task.inputText ?? '{}' };
    }
    const left = deadline - ctx.clock();
    if (left <= 0) return {};
    await ctx.runtime.waitForActivityTask(arn, left);
  }
}

/** The open task a token names; throws `InvalidToken` or `TaskTimedOut` as AWS does. */
async function openTask(ctx: ServiceContext, taskToken: string): Promise<TaskTokenRecord> {
  const task = await ctx.store.getTaskToken(taskToken);
  // AWS's text for a token it never issued is not recorded.
  if (!task) throw new ServiceError('InvalidToken', "Invalid Token: 'Invalid token'");
  if (task.status === 'closed') {
    throw new ServiceError('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'");
  }
  return task;
}

async function sendTaskSuccess(ctx: ServiceContext, request: Record<string, unknown>) {
  const r = readRequest(request);
  const taskToken = r.requiredString('taskToken', Shape.TaskToken);
  const output = r.requiredString('output', Shape.SensitiveData);
  r.done();
  const parsed = parseJsonText(output);
  if (!parsed.ok) throw new ServiceError('InvalidOutput', `Invalid Output: '${parsed.message}'`);
  const task = await openTask(ctx, taskToken);
  await ctx.runtime.deliver(task.executionArn, { type: 'TaskSucceeded', key: task.key, output: parsed.value as never });
  return {};
}

async function sendTaskFailure(ctx: ServiceContext, request: Record<string, unknown>) {
  const r = readRequest(request);
  const taskToken = r.requiredString('taskToken', Shape.TaskToken);
  const error = r.string('error', Shape.SensitiveError);
  const cause = r.string('cause', Shape.SensitiveCause);
  r.done();
  const task = await openTask(ctx, taskToken);
  await ctx.runtime.deliver(task.executionArn, { type: 'TaskFailed', key: task.key, error, cause });
  return {};
}

async function sendTaskHeartbeat(ctx: ServiceContext, request: Record<string, unknown>) {
  const r = readRequest(request);
  const taskToken = r.requiredString('taskToken', Shape.TaskToken);
  r.done();
  const task = await openTask(ctx, taskToken);
  await ctx.runtime.deliver(task.executionArn, { type: 'TaskHeartbeat', key: task.key });
  return {};
}
