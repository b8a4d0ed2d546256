/**
 * DescribeStateMachine (a state machine or one of its versions) and DescribeStateMachineForExecution (the
 * definition an execution runs, pinned when it started).
 *
 * Recorded AWS behaviour (LocalStack's AWS-validated `test_sfn_api`, `test_sfn_api_versioning`): the definition
 * comes back byte for byte; `revisionId` is absent until the first update; `loggingConfiguration` and
 * `tracingConfiguration` are always present; a version ARN describes the version (its ARN as `stateMachineArn`, its
 * `description`); DescribeStateMachineForExecution has `updateDate` and no `creationDate`, `status` or `type`.
 */

import type { StateMachineRecord, StateMachineVersionRecord } from '../store/records.js';
import { resolveExecutionArn, resolveStateMachineArn, stateMachineVersionArn } from './arns.js';
import type { Operation, ServiceContext } from './context.js';
import { executionDoesNotExist, stateMachineDoesNotExist } from './errors.js';
import { readRequest, Shape } from './request.js';
import { ENCRYPTION_CONFIGURATION } from './state-machine-config.js';
import { INITIAL_REVISION } from './state-machine-versions.js';
import { compact, epochSeconds } from './wire.js';

const INCLUDED_DATA = ['ALL_DATA', 'METADATA_ONLY'] as const;

/** The describe operations, keyed by AWS operation name. */
export function describeStateMachineOperations(ctx: ServiceContext): Record<string, Operation> {
  return {
    DescribeStateMachine: (request) => describeStateMachine(ctx, request),
    DescribeStateMachineForExecution: (request) => describeStateMachineForExecution(ctx, request),
  };
}

async function describeStateMachine(ctx: ServiceContext, request: Record<string, unknown>) {
  const r = readRequest(request);
  const arn = r.requiredString('stateMachineArn', Shape.Arn);
  const metadataOnly = r.enumeration('includedData', INCLUDED_DATA) === 'METADATA_ONLY';
  r.done();
  const ref = resolveStateMachineArn(arn);
  const machine = ref.alias === undefined ? await ctx.store.getStateMachine(ref.stateMachineArn) : undefined;
  if (!machine) throw stateMachineDoesNotExist(arn);
  if (ref.version === undefined) return describe(machine, metadataOnly);
  const version = await ctx.store.getVersion(stateMachineVersionArn(ref.stateMachineArn, ref.version));
  if (!version) throw stateMachineDoesNotExist(arn);
  return describe(machine, metadataOnly, version);
}

/**
 * A state machine, or one of its versions, as DescribeStateMachine shows it. A version keeps the state machine's
 * type and (not being stored per version) its current logging and tracing configuration.
 */
function describe(
  machine: StateMachineRecord,
  metadataOnly: boolean,
  version?: StateMachineVersionRecord,
): Record<string, unknown> {
  const definition = version?.definition ?? machine.definition;
  const revisionId = version ? version.revisionId : machine.revisionId;
  return compact({
    stateMachineArn: version?.stateMachineVersionArn ?? machine.stateMachineArn,
    name: machine.name,
    status: machine.status,
    // AWS's model: "If called with includedData = METADATA_ONLY, the returned definition will be {}".
    definition: metadataOnly ? '{}' : definition,
    roleArn: version?.roleArn ?? machine.roleArn,
    type: machine.type,
    creationDate: epochSeconds(version?.creationDate ?? machine.creationDate),
    loggingConfiguration: JSON.parse(machine.loggingConfiguration),
    tracingConfiguration: JSON.parse(machine.tracingConfiguration),
    revisionId: revisionId === INITIAL_REVISION ? undefined : revisionId,
    description: version?.description,
    encryptionConfiguration: ENCRYPTION_CONFIGURATION,
  });
}

async function describeStateMachineForExecution(ctx: ServiceContext, request: Record<string, unknown>) {
  const r = readRequest(request);
  const arn = r.requiredString('executionArn', Shape.Arn);
  const metadataOnly = r.enumeration('includedData', INCLUDED_DATA) === 'METADATA_ONLY';
  r.done();
  resolveExecutionArn(arn);
  const execution = await ctx.store.getExecution(arn);
  if (!execution) throw executionDoesNotExist(arn);
  // A Map Run's child runs the item processor of `<stateMachineArn>/<label>`: its role and configuration are the
  // state machine's, and AWS names the Map Run and its label.
  const child = execution.mapRunArn === undefined ? undefined : childOf(execution.stateMachineArn);
  const machine = await ctx.store.getStateMachine(child?.stateMachineArn ?? execution.stateMachineArn);
  const version = execution.stateMachineVersionArn
    ? await ctx.store.getVersion(execution.stateMachineVersionArn)
    : undefined;
  // The execution row pins the definition only. The revision's other members come from the version it started
  // (immutable), else from the state machine while it still has that definition; otherwise they are unknown here.
  const current = machine?.definition === execution.definition ? machine : undefined;
  const revisionId = version ? version.revisionId : current?.revisionId;
  return compact({
    stateMachineArn: execution.stateMachineArn,
    name: machine?.name ?? execution.stateMachineArn.slice(execution.stateMachineArn.lastIndexOf(':') + 1),
    definition: metadataOnly ? '{}' : execution.definition,
    roleArn: version?.roleArn ?? machine?.roleArn ?? '',
    updateDate: epochSeconds(version?.creationDate ?? current?.updateDate ?? execution.startDate),
    loggingConfiguration: machine ? JSON.parse(machine.loggingConfiguration) : undefined,
    tracingConfiguration: machine ? JSON.parse(machine.tracingConfiguration) : undefined,
    mapRunArn: execution.mapRunArn,
    label: child?.label,
    revisionId: revisionId === INITIAL_REVISION ? undefined : revisionId,
    encryptionConfiguration: ENCRYPTION_CONFIGURATION,
  });
}

/** The state machine and the Map label of a Map Run child's `<stateMachineArn>/<label>`. */
function childOf(arn: string): { stateMachineArn: string; label: string } {
  const slash = arn.lastIndexOf('/');
  return { stateMachineArn: arn.slice(0, slash), label: arn.slice(slash + 1) };
}
