/**
 * State machine versions: PublishStateMachineVersion, ListStateMachineVersions, DeleteStateMachineVersion, and the
 * publishing that CreateStateMachine and UpdateStateMachine do with `publish: true`.
 *
 * Recorded AWS behaviour (LocalStack's AWS-validated `test_sfn_api_versioning`): publishing is idempotent per
 * revision (publishing an unchanged state machine again returns the same version); version numbers are never
 * reused (publishing after deleting the latest version gives the next number); a version published before the first
 * update shows no `revisionId`; a stale `revisionId` is refused with `ConflictException`. A version an alias routes to
 * cannot be deleted (`ConflictException` naming the aliases, recorded in `test_sfn_api_aliasing`).
 */

import type { StateMachineRecord, StateMachineVersionRecord } from '../store/records.js';
import { resolveStateMachineArn, stateMachineVersionArn } from './arns.js';
import type { Operation, ServiceContext } from './context.js';
import { malformedArn, stateMachineDoesNotExist } from './errors.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import { readRequest, Shape } from './request.js';
import { ServiceError } from './service-error.js';
import { MAX_ALIASES_PER_STATE_MACHINE } from './state-machine-aliases.js';
import { compact, epochSeconds } from './wire.js';

/** The revision of a state machine that was never updated (AWS's sentinel for `revisionId`). */
export const INITIAL_REVISION = 'INITIAL';

/** The revision a state machine is at: its `revisionId`, or {@link INITIAL_REVISION} before its first update. */
export function currentRevision(machine: StateMachineRecord): string {
  return machine.revisionId ?? INITIAL_REVISION;
}

/**
 * Publishes the state machine's current revision as the next version, or returns the version already published
 * from this revision.
 */
export async function publishVersion(
  ctx: ServiceContext,
  machine: StateMachineRecord,
  description: string | undefined,
): Promise<StateMachineVersionRecord> {
  const revisionId = currentRevision(machine);
  if (machine.latestVersion > 0) {
    const latest = await ctx.store.getVersion(stateMachineVersionArn(machine.stateMachineArn, machine.latestVersion));
    if (latest?.revisionId === revisionId) return latest;
  }
  const number = machine.latestVersion + 1;
  const version: StateMachineVersionRecord = {
    stateMachineVersionArn: stateMachineVersionArn(machine.stateMachineArn, number),
    stateMachineArn: machine.stateMachineArn,
    version: number,
    definition: machine.definition,
    roleArn: machine.roleArn,
    revisionId,
    description,
    creationDate: ctx.clock(),
  };
  // Another publish of this state machine took the number first: AWS answers concurrent publishes this way.
  if (!(await ctx.store.insertVersion(version))) throw concurrentModification();
  return version;
}

/** The version operations, keyed by AWS operation name. */
export function stateMachineVersionOperations(ctx: ServiceContext): Record<string, Operation> {
  return {
    PublishStateMachineVersion: (request) => publishStateMachineVersion(ctx, request),
    ListStateMachineVersions: (request) => listStateMachineVersions(ctx, request),
    DeleteStateMachineVersion: (request) => deleteStateMachineVersion(ctx, request),
  };
}

async function publishStateMachineVersion(
  ctx: ServiceContext,
  request: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const r = readRequest(request);
  const arn = r.requiredString('stateMachineArn', Shape.Arn);
  const expectedRevision = r.string('revisionId');
  const description = r.string('description', Shape.VersionDescription);
  r.done();
  const ref = resolveStateMachineArn(arn);
  const machine = ref.version === undefined && !ref.alias ? await ctx.store.getStateMachine(arn) : undefined;
  if (!machine) throw stateMachineDoesNotExist(arn);
  const revision = currentRevision(machine);
  if (expectedRevision !== undefined && expectedRevision !== revision) {
    throw new ServiceError(
      'ConflictException',
      `Failed to publish the State Machine version for revision ${expectedRevision}. The current State Machine revision is ${revision}.`,
      { status: 409 },
    );
  }
  const version = await publishVersion(ctx, machine, description);
  return { creationDate: epochSeconds(version.creationDate), stateMachineVersionArn: version.stateMachineVersionArn };
}

async function listStateMachineVersions(
  ctx: ServiceContext,
  request: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const r = readRequest(request);
  const arn = r.requiredString('stateMachineArn', Shape.Arn);
  const token = r.string('nextToken', Shape.PageToken);
  const limit = r.pageSize();
  r.done();
  resolveStateMachineArn(arn);
  // The model gives this operation no StateMachineDoesNotExist: an unknown (or qualified) ARN lists nothing.
  const scope = `ListStateMachineVersions ${arn}`;
  const now = ctx.clock();
  const page = await ctx.store.listVersions(arn, { limit, after: decodePageToken(token, scope, now) });
  return compact({
    stateMachineVersions: page.items.map((v) => ({
      stateMachineVersionArn: v.stateMachineVersionArn,
      creationDate: epochSeconds(v.creationDate),
    })),
    nextToken: encodePageToken(page.next, scope, now),
  });
}

async function deleteStateMachineVersion(
  ctx: ServiceContext,
  request: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const r = readRequest(request);
  const arn = r.requiredString('stateMachineVersionArn', Shape.LongArn);
  r.done();
  const ref = resolveStateMachineArn(arn);
  if (ref.version === undefined) throw malformedArn(arn);
  // One page holds every alias a state machine may have.
  const limit = MAX_ALIASES_PER_STATE_MACHINE;
  const routing = await ctx.store.listAliases(ref.stateMachineArn, { limit, stateMachineVersionArn: arn });
  if (routing.items.length > 0) {
    throw new ServiceError(
      'ConflictException',
      `Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [${routing.items.map((a) => a.name).join(', ')}]`,
      { status: 409 },
    );
  }
  // Deleting a version that does not exist (any more) succeeds, as on AWS.
  await ctx.store.deleteVersion(arn);
  return {};
}

/** AWS's `ConflictException` for concurrent version changes (message inferred). */
function concurrentModification(): ServiceError {
  return new ServiceError(
    'ConflictException',
    'The state machine was modified by a concurrent request. Retry the request.',
    { status: 409 },
  );
}
