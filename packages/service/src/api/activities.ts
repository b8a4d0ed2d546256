/**
 * The activity operations: CreateActivity, DescribeActivity, DeleteActivity, ListActivities (GetActivityTask is
 * with the task operations).
 *
 * Recorded AWS behaviour (LocalStack's AWS-validated `test_sfn_api_activities`): CreateActivity is idempotent by
 * name (same ARN and creation date; tags of the repeat are ignored); `Invalid Name: '<name>'`;
 * `Activity Does Not Exist: '<arn>'`; deleting an activity twice succeeds; ListActivities is in ARN order.
 */
import type { ActivityRecord } from '../store/records.js';
import { activityArn, resolveActivityArn } from './arns.js';
import type { Operation, ServiceContext } from './context.js';
import { activityDoesNotExist } from './errors.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import { assertValidName, readRequest, Shape } from './request.js';
import { assertSupportedEncryption, ENCRYPTION_CONFIGURATION, readEncryptionType } from './state-machine-config.js';
import { assertTagCount } from './tags.js';
import { compact, epochSeconds } from './wire.js';

/** The activity operations, keyed by AWS operation name. */
export function activityOperations(ctx: ServiceContext): Record<string, Operation> {
  return {
    CreateActivity: (request) => createActivity(ctx, request),
    DescribeActivity: (request) => describeActivity(ctx, request),
    DeleteActivity: (request) => deleteActivity(ctx, request),
    ListActivities: (request) => listActivities(ctx, request),
  };
}

async function createActivity(ctx: ServiceContext, request: Record<string, unknown>) {
  const r = readRequest(request);
  const name = r.requiredString('name', Shape.Name);
  const tags = r.tags();
  const encryption = readEncryptionType(r);
  r.done();
  assertValidName(name);
  assertSupportedEncryption(encryption);
  const record: ActivityRecord = { activityArn: activityArn(ctx, name), name, creationDate: ctx.clock() };
  assertTagCount(record.activityArn, tags);
  if (await ctx.store.insertActivity(record)) {
    if (tags) await ctx.store.putTags(record.activityArn, tags);
    return created(record);
  }
  // Idempotent by name: the existing activity, whatever the tags of this request.
  const existing = await ctx.store.getActivity(record.activityArn);
  return created(existing ?? record);
}

function created(record: ActivityRecord): Record<string, unknown> {
  return { activityArn: record.activityArn, creationDate: epochSeconds(record.creationDate) };
}

async function describeActivity(ctx: ServiceContext, request: Record<string, unknown>) {
  const r = readRequest(request);
  const arn = r.requiredString('activityArn', Shape.Arn);
  r.done();
  resolveActivityArn(arn);
  const activity = await ctx.store.getActivity(arn);
  if (!activity) throw activityDoesNotExist(arn);
  return {
    activityArn: activity.activityArn,
    name: activity.name,
    creationDate: epochSeconds(activity.creationDate),
    encryptionConfiguration: ENCRYPTION_CONFIGURATION,
  };
}

async function deleteActivity(ctx: ServiceContext, request: Record<string, unknown>) {
  const r = readRequest(request);
  const arn = r.requiredString('activityArn', Shape.Arn);
  r.done();
  resolveActivityArn(arn);
  await ctx.store.deleteActivity(arn);
  return {};
}

async function listActivities(ctx: ServiceContext, request: Record<string, unknown>) {
  const r = readRequest(request);
  const token = r.string('nextToken', Shape.PageToken);
  const limit = r.pageSize();
  r.done();
  const scope = 'ListActivities';
  const now = ctx.clock();
  const page = await ctx.store.listActivities({ limit, after: decodePageToken(token, scope, now) });
  return compact({
    activities: page.items.map((a) => ({
      activityArn: a.activityArn,
      name: a.name,
      creationDate: epochSeconds(a.creationDate),
    })),
    nextToken: encodePageToken(page.next, scope, now),
  });
}
