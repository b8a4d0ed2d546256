/**
 * The Map Run operations: DescribeMapRun, ListMapRuns and UpdateMapRun, over the runs the durable coordinator
 * records (see `runtime/map-run-coordinator.ts`); ListExecutions of a Map Run ARN is in `executions.ts`.
 *
 * AWS's shapes (API reference; a DescribeMapRun and a ListMapRuns recorded by LocalStack against AWS): a run
 * without a declared tolerance shows `toleratedFailureCount` 0 and `toleratedFailurePercentage` 0.0; the list items
 * name the children's state machine `<machine>/<label>`. A child processes one item, or its batch's with an
 * `ItemBatcher`: the item counts add those up. A run is redriven with its parent execution (RedriveExecution); no child
 * waits for a redrive of its own (`pendingRedrive` 0), as Map Runs are not redriven apart from their parent here.
 *
 * `resultsWritten`: a run without a `ResultWriter` counts its succeeded children (AWS's recorded run: their outputs
 * are the Map's result). With a `ResultWriter`, every child that closed has its result written (the failed ones
 * too, to `FAILED_<n>.json` or as entries of the Map's result) once the run ended; while it runs, or when it was
 * aborted, none. AWS documents
 * neither count: these are inferred from the guide.
 */
import type { ExecutionStatus } from '@lockstep/engine';
import type { MapRunCount, MapRunRecord } from '../store/records.js';
import { parseArn } from './arns.js';
import type { Operation, ServiceContext } from './context.js';
import {
  constraintViolations,
  invalidArnPrefix,
  malformedArn,
  resourceNotFound,
  resourceTypeNotValid,
  serializationError,
} from './errors.js';
import { standardExecution } from './executions.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import { readRequest, Shape } from './request.js';
import { compact, epochSeconds, optionalEpochSeconds } from './wire.js';

/** The Map Run operations, keyed by AWS operation name. */
export function mapRunOperations(ctx: ServiceContext): Record<string, Operation> {
  return {
    DescribeMapRun: (request) => describeMapRun(ctx, request),
    ListMapRuns: (request) => listMapRuns(ctx, request),
    UpdateMapRun: (request) => updateMapRun(ctx, request),
  };
}

/**
 * A Map Run by ARN (`...:mapRun:<machine>/<label>:<id>`); throws `InvalidArn` for another ARN and `ResourceNotFound`
 * for a run this service does not know.
 */
export async function mapRunOf(ctx: ServiceContext, arn: string): Promise<MapRunRecord> {
  const parsed = parseArn(arn);
  if (!parsed) throw invalidArnPrefix(arn);
  if (parsed.resourceType !== 'mapRun') throw resourceTypeNotValid(parsed.resourceType);
  const [path, id, ...rest] = parsed.resource;
  if (!parsed.region || !parsed.accountId || !path?.includes('/') || !id || rest.length > 0) throw malformedArn(arn);
  const run = await ctx.store.getMapRun(arn);
  if (!run) throw resourceNotFound(arn);
  return run;
}

async function describeMapRun(ctx: ServiceContext, request: Record<string, unknown>) {
  const r = readRequest(request);
  const arn = r.requiredString('mapRunArn', Shape.LongArn);
  r.done();
  const run = await mapRunOf(ctx, arn);
  const counts = await ctx.store.countMapRunExecutions(arn);
  const written = writtenStatuses(run);
  return compact({
    mapRunArn: run.mapRunArn,
    executionArn: run.executionArn,
    status: run.status,
    startDate: epochSeconds(run.startDate),
    stopDate: optionalEpochSeconds(run.stopDate),
    maxConcurrency: run.maxConcurrency,
    toleratedFailurePercentage: run.toleratedFailurePercentage ?? 0,
    toleratedFailureCount: run.toleratedFailureCount ?? 0,
    itemCounts: countsOf(counts, 'items', run.itemCount, written),
    executionCounts: countsOf(counts, 'executions', run.executionCount, written),
    redriveCount: run.redriveCount ?? 0,
    redriveDate: optionalEpochSeconds(run.redriveDate),
  });
}

/** The statuses of the children whose results the run has written (see above). */
function writtenStatuses(run: MapRunRecord): readonly ExecutionStatus[] {
  if (!run.writesResults) return ['SUCCEEDED'];
  // A run that was aborted (its Map state stopped) writes nothing.
  return run.status === 'SUCCEEDED' || run.status === 'FAILED' ? ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'] : [];
}

/** AWS's `MapRunItemCounts` or `MapRunExecutionCounts`: the children's (or their items') by status, of `total`. */
function countsOf(
  counts: Partial<Record<ExecutionStatus, MapRunCount>>,
  what: keyof MapRunCount,
  total: number,
  written: readonly ExecutionStatus[],
): Record<string, number> {
  const of = (status: ExecutionStatus) => counts[status]?.[what] ?? 0;
  const started = Object.values(counts).reduce((sum, count) => sum + (count?.[what] ?? 0), 0);
  return {
    pending: total - started,
    running: of('RUNNING'),
    succeeded: of('SUCCEEDED'),
    failed: of('FAILED'),
    timedOut: of('TIMED_OUT'),
    aborted: of('ABORTED'),
    total,
    resultsWritten: written.reduce((sum, status) => sum + of(status), 0),
    failuresNotRedrivable: 0,
    pendingRedrive: 0,
  };
}

async function listMapRuns(ctx: ServiceContext, request: Record<string, unknown>) {
  const r = readRequest(request);
  const executionArn = r.requiredString('executionArn', Shape.Arn);
  const limit = r.pageSize();
  const token = r.string('nextToken', Shape.PageToken);
  r.done();
  await standardExecution(ctx, executionArn);
  const now = ctx.clock();
  const scope = `ListMapRuns ${executionArn}`;
  const page = await ctx.store.listMapRuns(executionArn, { limit, after: decodePageToken(token, scope, now) });
  return compact({
    mapRuns: page.items.map((run) =>
      compact({
        executionArn: run.executionArn,
        mapRunArn: run.mapRunArn,
        stateMachineArn: run.stateMachineArn,
        startDate: epochSeconds(run.startDate),
        stopDate: optionalEpochSeconds(run.stopDate),
      }),
    ),
    nextToken: encodePageToken(page.next, scope, now),
  });
}

/** Changes a run's concurrency and tolerance; its coordinator reads them on its next round. */
async function updateMapRun(ctx: ServiceContext, request: Record<string, unknown>) {
  const r = readRequest(request);
  const arn = r.requiredString('mapRunArn', Shape.LongArn);
  const maxConcurrency = r.integer('maxConcurrency', { min: 0 });
  const toleratedFailureCount = r.integer('toleratedFailureCount', { min: 0 });
  r.done();
  const toleratedFailurePercentage = percentage(request.toleratedFailurePercentage);
  const run = await mapRunOf(ctx, arn);
  const updated: MapRunRecord = { ...run };
  if (maxConcurrency !== undefined) updated.maxConcurrency = maxConcurrency;
  if (toleratedFailureCount !== undefined) updated.toleratedFailureCount = toleratedFailureCount;
  if (toleratedFailurePercentage !== undefined) updated.toleratedFailurePercentage = toleratedFailurePercentage;
  await ctx.store.updateMapRun(updated);
  return {};
}

/** `toleratedFailurePercentage`: a Float within 0-100 (AWS's model), with the request validator's wording. */
function percentage(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') {
    throw serializationError(
      Array.isArray(value)
        ? 'Start of list found where not expected'
        : typeof value === 'object'
          ? 'Start of structure or map found where not expected.'
          : `class java.lang.${typeof value === 'boolean' ? 'Boolean' : 'String'} can not be converted to an Float`,
    );
  }
  const bound = value < 0 ? 'greater than or equal to 0' : value > 100 ? 'less than or equal to 100' : undefined;
  if (bound) {
    throw constraintViolations([
      `Value '${value}' at 'toleratedFailurePercentage' failed to satisfy constraint: Member must have value ${bound}`,
    ]);
  }
  return value;
}
