/**
 * RedriveExecution: a Standard execution that FAILED, TIMED_OUT or was ABORTED continues from the states that did
 * not succeed (the engine's `Redrive` event), with the same ARN, definition and inputs; and what DescribeExecution
 * says of it (`redriveStatus`).
 *
 * AWS's rules (API reference, Developer Guide "Restarting state machine executions with redrive"): only within 14
 * days of the execution's close, within a year of its start, and with fewer than 24,999 history events; a Map Run's
 * child execution is redriven through its parent; `clientToken` makes a repeated request answer as the first did.
 * The reasons are AWS's `redriveStatusReason` texts, which ExecutionNotRedrivable carries too.
 */

import { loadExecution, type TransitionOptions, transitionChange } from '../runtime/transition.js';
import type { ExecutionRow } from '../store/records.js';
import type { ServiceContext } from './context.js';
import { standardExecution } from './executions.js';
import { readRequest, Shape } from './request.js';
import { ServiceError } from './service-error.js';
import { epochSeconds } from './wire.js';

const DAY_MS = 86_400_000;
/** How long after its close an execution can be redriven. */
const REDRIVABLE_PERIOD_MS = 14 * DAY_MS;
/** How long an execution may stay open, redrives included. */
const MAX_EXECUTION_TIME_MS = 365 * DAY_MS;
/** A redrive needs room in the history: fewer events than this. */
const REDRIVE_HISTORY_LIMIT = 24_999;

/** `redriveStatus` and `redriveStatusReason`, as DescribeExecution gives them. */
export async function redriveStatusOf(ctx: ServiceContext, row: ExecutionRow): Promise<Record<string, string>> {
  const reason = await notRedrivable(ctx, row);
  if (reason !== undefined) return { redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: reason };
  return { redriveStatus: row.mapRunArn === undefined ? 'REDRIVABLE' : 'REDRIVABLE_BY_MAP_RUN' };
}

/** Why `row` cannot be redriven now, or `undefined` when it can. */
async function notRedrivable(ctx: ServiceContext, row: ExecutionRow): Promise<string | undefined> {
  if (row.status === 'RUNNING' || row.status === 'SUCCEEDED')
    return `Execution is ${row.status} and cannot be redriven`;
  const now = ctx.clock();
  if (now - row.startDate > MAX_EXECUTION_TIME_MS) return 'Execution has exceeded the max execution time';
  if (row.stopDate !== undefined && now - row.stopDate > REDRIVABLE_PERIOD_MS) {
    return 'Execution redrivable period exceeded';
  }
  const last = await ctx.store.getHistory(row.executionArn, { limit: 1, reverse: true });
  if ((last.items[0]?.id ?? 0) >= REDRIVE_HISTORY_LIMIT) return 'Execution history event limit exceeded';
  return undefined;
}

/** The RedriveExecution operation. */
export async function redriveExecution(
  ctx: ServiceContext,
  options: TransitionOptions,
  request: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const r = readRequest(request);
  const arn = r.requiredString('executionArn', Shape.Arn);
  const clientToken = r.string('clientToken', Shape.ClientToken);
  r.done();
  const row = await standardExecution(ctx, arn);
  const repeated = answerToRepeat(row, clientToken);
  if (repeated) return repeated;
  if (row.mapRunArn !== undefined) {
    // AWS's wording is not recorded: a Map Run's child is redriven by redriving the run's parent execution.
    throw notRedrivableError('Execution is a child execution of a Map Run: redrive its parent execution');
  }
  const reason = await notRedrivable(ctx, row);
  if (reason !== undefined) throw notRedrivableError(reason);
  const now = ctx.clock();
  const loaded = loadExecution(row);
  const item = {
    id: `${arn}#redrive`,
    executionArn: arn,
    dueTime: now,
    payload: { kind: 'event', event: { type: 'Redrive' } },
  } as const;
  const change = transitionChange(loaded, [item], now, ctx.random, options);
  change.execution!.redrive!.clientToken = clientToken;
  const [applied] = await ctx.store.commit([change]);
  if (!applied) {
    // Another request redrove (or changed) the execution meanwhile: answer as for that state.
    const current = await standardExecution(ctx, arn);
    const answer = answerToRepeat(current, clientToken);
    if (answer) return answer;
    throw notRedrivableError(`Execution is ${current.status} and cannot be redriven`);
  }
  ctx.runtime.wake();
  return { redriveDate: epochSeconds(now) };
}

/** The first answer again, when `clientToken` is the one of the execution's last redrive. */
function answerToRepeat(row: ExecutionRow, clientToken: string | undefined): Record<string, unknown> | undefined {
  if (clientToken === undefined || row.redriveClientToken !== clientToken || row.redriveDate === undefined) return;
  return { redriveDate: epochSeconds(row.redriveDate) };
}

function notRedrivableError(reason: string): ServiceError {
  return new ServiceError('ExecutionNotRedrivable', reason);
}
