/**
 * The execution operations: StartExecution (Standard executions run durably by the runtime; Express ones in
 * memory, see `express.ts`), DescribeExecution, StopExecution, ListExecutions and RedriveExecution (see
 * `redrive-execution.ts`).
 *
 * Recorded AWS behaviour (reference §6.4): a Standard execution name is idempotent while the execution runs
 * with the same input (the original ARN and start date come back), otherwise `ExecutionAlreadyExists`; input
 * defaults to `{}`, any JSON text is accepted, an empty string or malformed JSON is `InvalidExecutionInput`;
 * Express executions cannot be described, listed or stopped. A version ARN starts that version; an alias ARN starts the
 * version its routing picks (see `state-machine-aliases.ts`), and the execution records both. ListExecutions of a
 * version or an alias ARN lists the executions of that version or alias (AWS: "You can also provide a state machine
 * alias ARN or version ARN to list the executions associated with a specific alias or version").
 *
 * ListExecutions of a Map Run ARN lists the run's child executions (and only there are they listed: their state
 * machine is the run's `<machine>/<label>`), with the `mapRunArn` and `itemCount` members AWS adds then.
 *
 * As in Step Functions Local, an execution started on `<stateMachineArn>#<TestCase>` runs that test case of the
 * service's mock configuration (its mocked states answer from the configuration); without a mock configuration,
 * the ARN is taken whole, as AWS takes it.
 */
import type { Json } from '@lockstep/asl';
import { type ExecutionIdentity, parseExecutionInput, uuid } from '@lockstep/engine';
import { newExecution } from '../runtime/new-execution.js';
import type { MockTestCases } from '../runtime/transition.js';
import type { ExecutionFilter, ExecutionRow, ExecutionSummary, Page, StateMachineRecord } from '../store/records.js';
import type { ListOptions } from '../store/store.js';
import {
  executionArn,
  resolveExecutionArn,
  resolveStateMachineArn,
  type StateMachineRef,
  stateMachineAliasArn,
  stateMachineVersionArn,
} from './arns.js';
import type { Operation, ServiceContext } from './context.js';
import {
  executionDoesNotExist,
  stateMachineDoesNotExist,
  stateMachineTypeNotSupported,
  validationError,
} from './errors.js';
import { startExpressExecution } from './express.js';
import { mapRunOf } from './map-runs.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import { redriveExecution, redriveStatusOf } from './redrive-execution.js';
import { assertValidName, readRequest, Shape } from './request.js';
import { ServiceError } from './service-error.js';
import { routeOf } from './state-machine-aliases.js';
import { compact, epochSeconds, optionalEpochSeconds } from './wire.js';

/** AWS caps a Standard execution's history at 25,000 events. */
const HISTORY_EVENT_LIMIT = 25_000;

/** `statusFilter` values, in the order AWS lists them in its validation message (recorded). */
const EXECUTION_STATUSES = ['SUCCEEDED', 'TIMED_OUT', 'PENDING_REDRIVE', 'ABORTED', 'FAILED', 'RUNNING'] as const;

/** A `statusFilter` value. */
type ExecutionStatusFilter = (typeof EXECUTION_STATUSES)[number];

/** Step Functions Local's testing tools, as the execution operations apply them. */
export interface ExecutionTesting {
  /** The test cases executions started on `<stateMachineArn>#<TestCase>` run. */
  mockConfig?: MockTestCases;
  /**
   * Scales the delay of Wait states (Step Functions Local's `WAIT_TIME_SCALE`) in the Express executions run here
   * (the durable runtime scales the Standard ones).
   */
  waitTimeScale?: number;
}

/** The execution operations, keyed by AWS operation name. */
export function executionOperations(ctx: ServiceContext, testing: ExecutionTesting = {}): Record<string, Operation> {
  return {
    StartExecution: (request) => startExecution(ctx, testing, request),
    DescribeExecution: (request) => describeExecution(ctx, request),
    StopExecution: (request) => stopExecution(ctx, request),
    ListExecutions: (request) => listExecutions(ctx, request),
    RedriveExecution: (request) => redriveExecution(ctx, testing, request),
  };
}

/** What a start through a state machine ARN runs. */
export interface StartTarget {
  machine: StateMachineRecord;
  /** The definition of the state machine, or of the version started. */
  definition: string;
  /** The version started: the one the ARN names, or the one the alias it names routed to. */
  versionArn?: string;
  /** The alias started through. */
  aliasArn?: string;
}

/**
 * What a start through `arn` runs: the state machine, a version of it, or the version its alias routes this start to
 * (picked with the service's random source); throws `StateMachineDoesNotExist`.
 */
export async function targetOf(ctx: ServiceContext, arn: string): Promise<StartTarget> {
  const ref = resolveStateMachineArn(arn);
  const machine = await ctx.store.getStateMachine(ref.stateMachineArn);
  if (!machine) throw stateMachineDoesNotExist(arn);
  if (ref.version === undefined && ref.alias === undefined) return { machine, definition: machine.definition };
  const alias =
    ref.alias === undefined
      ? undefined
      : await ctx.store.getAlias(stateMachineAliasArn(ref.stateMachineArn, ref.alias));
  if (ref.alias !== undefined && !alias) throw stateMachineDoesNotExist(arn);
  const versionArn = alias ? routeOf(alias, ctx.random) : stateMachineVersionArn(ref.stateMachineArn, ref.version!);
  const version = await ctx.store.getVersion(versionArn);
  if (!version) throw stateMachineDoesNotExist(arn);
  return { machine, definition: version.definition, versionArn, aliasArn: alias?.stateMachineAliasArn };
}

/**
 * The executions ListExecutions of `ref` lists: all of the state machine's, or those of the version or alias it
 * names (which must exist: `StateMachineDoesNotExist`).
 */
async function executionFilterOf(ctx: ServiceContext, ref: StateMachineRef): Promise<ExecutionFilter> {
  if (ref.version !== undefined) {
    const versionArn = stateMachineVersionArn(ref.stateMachineArn, ref.version);
    if (!(await ctx.store.getVersion(versionArn))) throw stateMachineDoesNotExist(ref.arn);
    return { stateMachineVersionArn: versionArn };
  }
  if (ref.alias !== undefined) {
    const aliasArn = stateMachineAliasArn(ref.stateMachineArn, ref.alias);
    if (!(await ctx.store.getAlias(aliasArn))) throw stateMachineDoesNotExist(ref.arn);
    return { stateMachineAliasArn: aliasArn };
  }
  return {};
}

/** Execution input as StartExecution takes it: `{}` when absent; throws AWS's `InvalidExecutionInput`. */
export function readExecutionInput(text: string | undefined): { input: Json; inputText: string } {
  try {
    return parseExecutionInput(text ?? '{}');
  } catch (error) {
    throw new ServiceError('InvalidExecutionInput', (error as Error).message);
  }
}

/**
 * The state machine an ARN names and, for `<stateMachineArn>#<TestCase>` when the service has a mock configuration,
 * the test case to run; throws `ValidationException` for a test case the configuration does not define.
 */
export async function testCaseTargetOf(
  ctx: ServiceContext,
  testing: ExecutionTesting,
  arn: string,
): Promise<StartTarget & { testCase?: string }> {
  const hash = testing.mockConfig === undefined ? -1 : arn.indexOf('#');
  if (hash < 0) return targetOf(ctx, arn);
  const target = await targetOf(ctx, arn.slice(0, hash));
  const testCase = arn.slice(hash + 1);
  try {
    testing.mockConfig!.testCase(target.machine.name, testCase);
  } catch (error) {
    throw validationError((error as Error).message);
  }
  return { ...target, testCase };
}

async function startExecution(ctx: ServiceContext, testing: ExecutionTesting, request: Record<string, unknown>) {
  const r = readRequest(request);
  const arn = r.requiredString('stateMachineArn', Shape.Arn);
  const name = r.string('name', Shape.Name);
  const inputText = r.string('input', Shape.SensitiveData);
  r.string('traceHeader', { min: 0, max: 256 });
  r.done();
  const target = await testCaseTargetOf(ctx, testing, arn);
  if (name !== undefined) assertValidName(name);
  const { input, inputText: text } = readExecutionInput(inputText);
  const executionName = name ?? uuid(ctx.random);
  const { machine, testCase } = target;
  if (machine.type === 'EXPRESS') {
    return startExpressExecution(ctx, machine, target.definition, executionName, text, { ...testing, testCase });
  }
  const arnOfExecution = executionArn(ctx, machine.name, executionName);
  const identity: ExecutionIdentity = {
    executionArn: arnOfExecution,
    name: executionName,
    stateMachineArn: machine.stateMachineArn,
    stateMachineName: machine.name,
    roleArn: machine.roleArn,
    region: ctx.region,
    type: 'STANDARD',
  };
  if (testCase !== undefined) identity.testCase = testCase;
  if (target.versionArn !== undefined) identity.stateMachineVersionArn = target.versionArn;
  if (target.aliasArn !== undefined) identity.stateMachineAliasArn = target.aliasArn;
  const { row, start } = newExecution({
    identity,
    definition: target.definition,
    input,
    inputText: text,
    startDate: ctx.clock(),
    historyEventLimit: HISTORY_EVENT_LIMIT,
  });
  const inserted = await ctx.store.insertExecution(row, [start]);
  if (!inserted.inserted) {
    const { existing } = inserted;
    if (existing.status === 'RUNNING' && existing.inputText === text) {
      return { executionArn: existing.executionArn, startDate: epochSeconds(existing.startDate) };
    }
    throw new ServiceError('ExecutionAlreadyExists', `Execution Already Exists: '${arnOfExecution}'`);
  }
  ctx.runtime.wake();
  return { executionArn: arnOfExecution, startDate: epochSeconds(row.startDate) };
}

/** A Standard execution by ARN; throws `InvalidArn` (Express ARNs included) or `ExecutionDoesNotExist`. */
export async function standardExecution(ctx: ServiceContext, arn: string): Promise<ExecutionRow> {
  resolveExecutionArn(arn);
  const row = await ctx.store.getExecution(arn);
  if (!row) throw executionDoesNotExist(arn);
  return row;
}

async function describeExecution(ctx: ServiceContext, request: Record<string, unknown>) {
  const r = readRequest(request);
  const arn = r.requiredString('executionArn', Shape.Arn);
  const metadataOnly = r.enumeration('includedData', ['ALL_DATA', 'METADATA_ONLY']) === 'METADATA_ONLY';
  r.done();
  const row = await standardExecution(ctx, arn);
  const included = { included: !metadataOnly };
  return compact({
    executionArn: row.executionArn,
    stateMachineArn: row.stateMachineArn,
    name: row.name,
    status: row.status,
    startDate: epochSeconds(row.startDate),
    stopDate: optionalEpochSeconds(row.stopDate),
    input: metadataOnly ? undefined : row.inputText,
    inputDetails: included,
    output: metadataOnly ? undefined : row.outputText,
    outputDetails: row.outputText === undefined ? undefined : included,
    error: row.error,
    cause: row.cause,
    stateMachineVersionArn: row.stateMachineVersionArn,
    stateMachineAliasArn: row.stateMachineAliasArn,
    mapRunArn: row.mapRunArn,
    redriveCount: row.redriveCount ?? 0,
    redriveDate: optionalEpochSeconds(row.redriveDate),
    ...(await redriveStatusOf(ctx, row)),
  });
}

async function stopExecution(ctx: ServiceContext, request: Record<string, unknown>) {
  const r = readRequest(request);
  const arn = r.requiredString('executionArn', Shape.Arn);
  const error = r.string('error', Shape.SensitiveError);
  const cause = r.string('cause', Shape.SensitiveCause);
  r.done();
  const row = await standardExecution(ctx, arn);
  if (row.status === 'RUNNING') {
    // Answer once the stop is applied, so that a DescribeExecution that follows sees it.
    await ctx.runtime.deliver(arn, { type: 'Stop', error, cause }, { applied: true });
  }
  const stopped = await ctx.store.getExecution(arn);
  return { stopDate: epochSeconds(stopped?.stopDate ?? ctx.clock()) };
}

async function listExecutions(ctx: ServiceContext, request: Record<string, unknown>) {
  const r = readRequest(request);
  const arn = r.string('stateMachineArn', Shape.Arn);
  const mapRunArn = r.string('mapRunArn', Shape.LongArn);
  const status = r.enumeration('statusFilter', EXECUTION_STATUSES);
  const redriven = r.enumeration('redriveFilter', ['REDRIVEN', 'NOT_REDRIVEN']);
  const limit = r.pageSize();
  const token = r.string('nextToken', Shape.ListExecutionsPageToken);
  r.done();
  if (mapRunArn !== undefined) {
    // AWS's wording is not recorded.
    if (arn !== undefined) throw validationError('Cannot provide both a StateMachine ARN and a MapRun ARN');
    return listMapRunExecutions(ctx, mapRunArn, { status, redriven, limit, token });
  }
  if (arn === undefined) {
    // AWS's wording is not recorded.
    throw validationError('Must provide a StateMachine ARN or MapRun ARN', 'MISSING_REQUIRED_PARAMETER');
  }
  const ref = resolveStateMachineArn(arn);
  const machine = await ctx.store.getStateMachine(ref.stateMachineArn);
  if (!machine) throw stateMachineDoesNotExist(arn);
  const filter = await executionFilterOf(ctx, ref);
  if (machine.type === 'EXPRESS') throw stateMachineTypeNotSupported();
  // Only Map Run child executions wait for a redrive, and those are not kept.
  if (status === 'PENDING_REDRIVE') return { executions: [] };
  const now = ctx.clock();
  const scope = `ListExecutions ${arn} ${status ?? ''} ${redriven ?? ''}`;
  const page = await listFiltered(
    (options) => ctx.store.listExecutions(machine.stateMachineArn, { ...options, status, ...filter }),
    { limit, after: decodePageToken(token, scope, now) },
    redriven,
  );
  return compact({
    executions: page.items.map(listItem),
    nextToken: encodePageToken(page.next, scope, now),
  });
}

/** ListExecutions of a Map Run: its child executions, newest first; throws `ResourceNotFound` for an unknown run. */
async function listMapRunExecutions(
  ctx: ServiceContext,
  mapRunArn: string,
  { status, redriven, limit, token }: ListFilters & { limit: number; token?: string },
) {
  const run = await mapRunOf(ctx, mapRunArn);
  // Children wait for a redrive of their run only, and runs are not redriven here.
  if (status === 'PENDING_REDRIVE') return { executions: [] };
  const now = ctx.clock();
  const scope = `ListExecutions ${mapRunArn} ${status ?? ''} ${redriven ?? ''}`;
  const page = await listFiltered(
    (options) => ctx.store.listExecutions(run.stateMachineArn, { ...options, status, mapRunArn }),
    { limit, after: decodePageToken(token, scope, now) },
    redriven,
  );
  return compact({
    executions: page.items.map((e) => ({ ...listItem(e), mapRunArn, itemCount: e.itemCount })),
    nextToken: encodePageToken(page.next, scope, now),
  });
}

/** ListExecutions' filters. */
interface ListFilters {
  status?: ExecutionStatusFilter;
  redriven?: 'REDRIVEN' | 'NOT_REDRIVEN';
}

/**
 * A page of executions with the `redriveFilter` applied: the store's pages are read until `limit` executions
 * matched or none are left, so that the next page starts right after the last execution read.
 */
async function listFiltered(
  list: (options: ListOptions) => Promise<Page<ExecutionSummary>>,
  { limit, after }: ListOptions,
  redriven: ListFilters['redriven'],
): Promise<Page<ExecutionSummary>> {
  if (redriven === undefined) return list({ limit, after });
  const wanted = redriven === 'REDRIVEN';
  const items: ExecutionSummary[] = [];
  let next = after;
  do {
    const page = await list({ limit: limit - items.length, after: next });
    items.push(...page.items.filter((e) => (e.redriveCount !== undefined) === wanted));
    next = page.next;
  } while (next !== undefined && items.length < limit);
  return { items, next };
}

/** An execution as ListExecutions shows it: with its `redriveCount` (0 before any redrive), as AWS lists them. */
function listItem(e: ExecutionSummary): Record<string, unknown> {
  return compact({
    executionArn: e.executionArn,
    stateMachineArn: e.stateMachineArn,
    name: e.name,
    status: e.status,
    startDate: epochSeconds(e.startDate),
    stopDate: optionalEpochSeconds(e.stopDate),
    stateMachineVersionArn: e.stateMachineVersionArn,
    stateMachineAliasArn: e.stateMachineAliasArn,
    redriveCount: e.redriveCount ?? 0,
    redriveDate: optionalEpochSeconds(e.redriveDate),
  });
}
