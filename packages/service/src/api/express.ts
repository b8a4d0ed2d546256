/**
 * Express executions: run in memory to their end, never stored (AWS keeps no history of them either, and
 * refuses to describe or list them). StartExecution answers at once and lets the execution run; StartSyncExecution
 * answers with its outcome, even a failed one (HTTP 200, `status: FAILED`).
 */
import { type ExecutionResult, runExecution, uuid } from '@lockstep/engine';
import type { StateMachineRecord } from '../store/records.js';
import { expressExecutionArn } from './arns.js';
import type { Operation, ServiceContext } from './context.js';
import { stateMachineTypeNotSupported } from './errors.js';
import { type ExecutionTesting, readExecutionInput, testCaseTargetOf } from './executions.js';
import { assertValidName, readRequest, Shape } from './request.js';
import { compact, epochSeconds } from './wire.js';

/** The testing tools for one Express execution: the service's, and the test case it runs (if any). */
export interface ExpressTesting extends ExecutionTesting {
  testCase?: string;
}

/** StartSyncExecution, keyed by AWS operation name. */
export function expressOperations(ctx: ServiceContext, testing: ExecutionTesting = {}): Record<string, Operation> {
  return { StartSyncExecution: (request) => startSyncExecution(ctx, testing, request) };
}

/** Starts an Express execution in the background; answers as StartExecution does. */
export function startExpressExecution(
  ctx: ServiceContext,
  machine: StateMachineRecord,
  definition: string,
  name: string,
  inputText: string,
  testing: ExpressTesting,
): Record<string, unknown> {
  const startDate = ctx.clock();
  const executionArn = expressExecutionArn(ctx, machine.name, name, uuid(ctx.random));
  // Nothing waits for it: an Express execution that fails is only visible to its own tasks (as on AWS).
  void runExpress(ctx, machine, definition, name, executionArn, inputText, startDate, testing, 'async');
  return { executionArn, startDate: epochSeconds(startDate) };
}

function runExpress(
  ctx: ServiceContext,
  machine: StateMachineRecord,
  definition: string,
  name: string,
  executionArn: string,
  inputText: string,
  startDate: number,
  testing: ExpressTesting,
  /** StartExecution's (`async`) or StartSyncExecution's (`sync`). */
  start: 'async' | 'sync',
): Promise<ExecutionResult> {
  return runExecution({
    definition,
    inputText,
    type: 'EXPRESS',
    startedAsync: start === 'async',
    name,
    executionArn,
    stateMachineName: machine.name,
    region: ctx.region,
    accountId: ctx.accountId,
    roleArn: machine.roleArn,
    clock: 'real',
    startTime: new Date(startDate),
    random: ctx.random,
    taskHandlers: ctx.taskHandlers,
    integrations: ctx.integrations,
    ...(testing.testCase === undefined ? {} : { mockConfig: testing.mockConfig, testCase: testing.testCase }),
    waitTimeScale: testing.waitTimeScale,
  });
}

/** AWS bills at least 64 MB and 100 ms, in 100 ms steps (observed). */
function billingDetails(durationMs: number): Record<string, number> {
  return { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: Math.max(100, Math.ceil(durationMs / 100) * 100) };
}

async function startSyncExecution(ctx: ServiceContext, testing: ExecutionTesting, request: Record<string, unknown>) {
  const r = readRequest(request);
  const arn = r.requiredString('stateMachineArn', Shape.Arn);
  const name = r.string('name', Shape.Name);
  const inputText = r.string('input', Shape.SensitiveData);
  r.string('traceHeader', { min: 0, max: 256 });
  const metadataOnly = r.enumeration('includedData', ['ALL_DATA', 'METADATA_ONLY']) === 'METADATA_ONLY';
  r.done();
  const { machine, definition, testCase } = await testCaseTargetOf(ctx, testing, arn);
  if (name !== undefined) assertValidName(name);
  const { inputText: text } = readExecutionInput(inputText);
  if (machine.type !== 'EXPRESS') throw stateMachineTypeNotSupported();
  const executionName = name ?? uuid(ctx.random);
  const executionArn = expressExecutionArn(ctx, machine.name, executionName, uuid(ctx.random));
  const startDate = ctx.clock();
  const testingCase = { ...testing, testCase };
  const result = await runExpress(
    ctx,
    machine,
    definition,
    executionName,
    executionArn,
    text,
    startDate,
    testingCase,
    'sync',
  );
  const stopDate = Math.max(ctx.clock(), startDate);
  const included = { included: !metadataOnly };
  const succeeded = result.status === 'SUCCEEDED';
  return compact({
    executionArn,
    stateMachineArn: machine.stateMachineArn,
    name: executionName,
    startDate: epochSeconds(startDate),
    stopDate: epochSeconds(stopDate),
    status: result.status,
    error: result.error,
    cause: result.cause,
    input: metadataOnly ? undefined : text,
    inputDetails: included,
    output: succeeded && !metadataOnly ? JSON.stringify(result.output ?? null) : undefined,
    outputDetails: succeeded ? included : undefined,
    billingDetails: billingDetails(stopDate - startDate),
  });
}
