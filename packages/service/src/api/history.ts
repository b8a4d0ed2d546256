/**
 * GetExecutionHistory: the events of a Standard execution in AWS's shape, oldest first or (`reverseOrder`)
 * newest first, paginated; `includeExecutionData: false` leaves out the inputs and outputs.
 */
import { detailsKey, type HistoryEventType } from '@lockstep/engine';
import type { StoredHistoryEvent } from '../store/records.js';
import type { Operation, ServiceContext } from './context.js';
import { standardExecution } from './executions.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import { readRequest, Shape } from './request.js';
import { compact, epochSeconds } from './wire.js';

/** The members that carry execution data in event details. */
const DATA_MEMBERS = ['input', 'output'];

/** GetExecutionHistory, keyed by AWS operation name. */
export function historyOperations(ctx: ServiceContext): Record<string, Operation> {
  return { GetExecutionHistory: (request) => getExecutionHistory(ctx, request) };
}

async function getExecutionHistory(ctx: ServiceContext, request: Record<string, unknown>) {
  const r = readRequest(request);
  const arn = r.requiredString('executionArn', Shape.Arn);
  const limit = r.pageSize();
  const reverse = r.boolean('reverseOrder') ?? false;
  const token = r.string('nextToken', Shape.PageToken);
  const includeData = r.boolean('includeExecutionData') ?? true;
  r.done();
  await standardExecution(ctx, arn);
  const now = ctx.clock();
  const scope = `GetExecutionHistory ${arn} ${reverse}`;
  const page = await ctx.store.getHistory(arn, { limit, reverse, after: decodePageToken(token, scope, now) });
  return compact({
    events: page.items.map((event) => historyEvent(event, includeData)),
    nextToken: encodePageToken(page.next, scope, now),
  });
}

/** A stored event as AWS's `HistoryEvent`. */
export function historyEvent(event: StoredHistoryEvent, includeData = true): Record<string, unknown> {
  const shown: Record<string, unknown> = {
    timestamp: epochSeconds(event.timestamp),
    type: event.type,
    id: event.id,
    previousEventId: event.previousEventId,
  };
  if (event.details !== undefined) {
    const details = JSON.parse(event.details) as Record<string, unknown>;
    if (!includeData) for (const member of DATA_MEMBERS) delete details[member];
    shown[detailsKey(event.type as HistoryEventType)] = details;
  }
  return shown;
}
