/**
 * Step Functions ARNs: building them for new resources and splitting the ones clients send.
 *
 * AWS's forms (reference §6.2): `arn:<partition>:states:<region>:<account>:<type>:<resource>`, where `<resource>` is
 * `<name>` (state machine, activity), `<name>:<version>` (version), `<name>:<alias>` (alias), `<machine>:<name>`
 * (execution) or `<machine>:<name>:<id>` (express execution). The partition is always `aws` here.
 *
 * The `resolve*` functions check a client's ARN for the resource type an operation expects and throw AWS's
 * `InvalidArn` otherwise. An ARN of another region or account passes: it names no resource here, so the lookup that
 * follows answers "does not exist", as AWS does for resources it cannot see.
 */
import { invalidArnPrefix, malformedArn, resourceTypeNotValid } from './errors.js';

/** The partition of every ARN the service builds. */
export const PARTITION = 'aws';

/** What an ARN names besides the resource: the service's region and account (a `ServiceContext` is one). */
export interface ArnScope {
  region: string;
  accountId: string;
}

/** An ARN split into its parts; `resource` holds the `:`-separated parts after the resource type. */
export interface ParsedArn {
  partition: string;
  region: string;
  accountId: string;
  /** `stateMachine`, `execution`, `express`, `activity`, `mapRun`, ... exactly as written. */
  resourceType: string;
  resource: string[];
}

/** `arn:aws:states:<region>:<account>:stateMachine:<name>`. */
export function stateMachineArn(scope: ArnScope, name: string): string {
  return `${prefix(scope)}:stateMachine:${name}`;
}

/** `<stateMachineArn>:<version>`. */
export function stateMachineVersionArn(machineArn: string, version: number): string {
  return `${machineArn}:${version}`;
}

/** `<stateMachineArn>:<aliasName>`. */
export function stateMachineAliasArn(machineArn: string, aliasName: string): string {
  return `${machineArn}:${aliasName}`;
}

/** `arn:aws:states:<region>:<account>:execution:<stateMachineName>:<executionName>`. */
export function executionArn(scope: ArnScope, stateMachineName: string, executionName: string): string {
  return `${prefix(scope)}:execution:${stateMachineName}:${executionName}`;
}

/**
 * `arn:aws:states:<region>:<account>:express:<stateMachineName>:<executionName>:<id>`: Express executions are not
 * idempotent by name, so the id (a UUID) keeps two starts with the same name apart.
 */
export function expressExecutionArn(
  scope: ArnScope,
  stateMachineName: string,
  executionName: string,
  id: string,
): string {
  return `${prefix(scope)}:express:${stateMachineName}:${executionName}:${id}`;
}

/** `arn:aws:states:<region>:<account>:activity:<name>`. */
export function activityArn(scope: ArnScope, name: string): string {
  return `${prefix(scope)}:activity:${name}`;
}

/**
 * Splits a Step Functions ARN; undefined when the text does not start `arn:<partition>:states:<region>:<account>:`
 * followed by a resource type (AWS's "Invalid ARN prefix").
 */
export function parseArn(text: string): ParsedArn | undefined {
  const parts = text.split(':');
  if (parts.length < 7 || parts[0] !== 'arn' || parts[1] === '' || parts[2] !== 'states') return undefined;
  const [, partition, , region, accountId, resourceType, ...resource] = parts;
  return { partition, region, accountId, resourceType, resource };
}

/** A state machine ARN as a client sent it: the machine, and the version or alias it is qualified with. */
export interface StateMachineRef {
  /** The ARN as sent. */
  arn: string;
  /** The unqualified state machine ARN. */
  stateMachineArn: string;
  name: string;
  /** The version number of a version ARN (`...:stateMachine:<name>:<n>`). */
  version?: number;
  /** The alias of an alias ARN (`...:stateMachine:<name>:<alias>`). */
  alias?: string;
}

/** Checks a state machine ARN (unqualified, version or alias); throws `InvalidArn` otherwise. */
export function resolveStateMachineArn(arn: string): StateMachineRef {
  const parsed = parseTyped(arn, 'stateMachine');
  const [name, qualifier, ...extra] = parsed.resource;
  if (!name || qualifier === '' || extra.length > 0) throw malformedArn(arn);
  const stateMachineArn = `arn:${parsed.partition}:states:${parsed.region}:${parsed.accountId}:stateMachine:${name}`;
  if (qualifier === undefined) return { arn, stateMachineArn, name };
  if (/^\d+$/.test(qualifier)) return { arn, stateMachineArn, name, version: Number(qualifier) };
  return { arn, stateMachineArn, name, alias: qualifier };
}

/** Checks an alias ARN (`...:stateMachine:<name>:<alias>`); throws `InvalidArn` for any other ARN. */
export function resolveAliasArn(arn: string): StateMachineRef & { alias: string } {
  const ref = resolveStateMachineArn(arn);
  if (ref.alias === undefined) throw malformedArn(arn);
  return { ...ref, alias: ref.alias };
}

/** An execution ARN as a client sent it. */
export interface ExecutionRef {
  /** The ARN as sent. */
  arn: string;
  /** The state machine's name (`<machine>/<label>` for a Map Run's child executions). */
  stateMachineName: string;
  executionName: string;
  /** True for an Express execution ARN (`...:express:<machine>:<name>:<id>`). */
  express: boolean;
}

/**
 * Checks an execution ARN; throws `InvalidArn`. Express execution ARNs are refused unless `allowExpress` (AWS:
 * `Resource type not valid in this context: express` from the operations that only know Standard executions).
 */
export function resolveExecutionArn(arn: string, options: { allowExpress?: boolean } = {}): ExecutionRef {
  const parsed = parseArn(arn);
  if (!parsed) throw invalidArnPrefix(arn);
  const type = parsed.resourceType;
  const express = type === 'express';
  if (type !== 'execution' && !(express && options.allowExpress)) throw resourceTypeNotValid(type);
  const [stateMachineName, executionName, ...rest] = parsed.resource;
  const partsMissing = !parsed.region || !parsed.accountId || !stateMachineName || !executionName;
  if (partsMissing || rest.length !== (express ? 1 : 0) || (express && !rest[0])) {
    throw malformedArn(arn);
  }
  return { arn, stateMachineName, executionName, express };
}

/** An activity ARN as a client sent it. */
export interface ActivityRef {
  arn: string;
  name: string;
}

/** Checks an activity ARN; throws `InvalidArn` otherwise. */
export function resolveActivityArn(arn: string): ActivityRef {
  const parsed = parseTyped(arn, 'activity');
  if (parsed.resource.length !== 1 || !parsed.resource[0]) throw malformedArn(arn);
  return { arn, name: parsed.resource[0] };
}

/** Parses an ARN that must be of `type`, with AWS's `InvalidArn` when it is not. */
function parseTyped(arn: string, type: string): ParsedArn {
  const parsed = parseArn(arn);
  if (!parsed) throw invalidArnPrefix(arn);
  if (parsed.resourceType !== type) throw resourceTypeNotValid(parsed.resourceType);
  if (!parsed.region || !parsed.accountId) throw malformedArn(arn);
  return parsed;
}

function prefix(scope: ArnScope): string {
  return `arn:${PARTITION}:states:${scope.region}:${scope.accountId}`;
}
