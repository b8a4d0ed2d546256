/**
 * The state machine operations: CreateStateMachine, UpdateStateMachine, DeleteStateMachine, ListStateMachines
 * here, with the describe and version operations of the sibling modules.
 *
 * Recorded AWS behaviour (LocalStack's AWS-validated `test_sfn_api`, `test_sfn_api_versioning`,
 * `test_sfn_api_logs`): CreateStateMachine is idempotent (same name and definition, type, logging and tracing:
 * the same ARN; otherwise `StateMachineAlreadyExists`); `versionDescription` without `publish` is a
 * `ValidationException`; UpdateStateMachine needs something to update (`MissingRequiredParameter`), keeps the
 * revision when nothing changes, refuses version ARNs as `StateMachineDoesNotExist`; deleting a state machine that
 * does not exist succeeds; ListStateMachines is in ARN order.
 */
import { formatInvalidDefinition, parseDefinition, type StateMachineType, validateDefinition } from '@lockstep/asl';
import { uuid } from '@lockstep/engine';
import type { StateMachineRecord } from '../store/records.js';
import { resolveStateMachineArn, stateMachineArn } from './arns.js';
import type { Operation, ServiceContext } from './context.js';
import { describeStateMachineOperations } from './describe-state-machine.js';
import { invalidArnPrefix, stateMachineAlreadyExists, stateMachineDoesNotExist, validationError } from './errors.js';
import { mapRunOperations } from './map-runs.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import { assertValidName, type RequestReader, readRequest, Shape } from './request.js';
import { ServiceError } from './service-error.js';
import { stateMachineAliasOperations } from './state-machine-aliases.js';
import {
  assertSupportedEncryption,
  assertValidLogging,
  DEFAULT_LOGGING_CONFIGURATION,
  DEFAULT_TRACING_CONFIGURATION,
  readEncryptionType,
  readLoggingConfiguration,
  readTracingConfiguration,
} from './state-machine-config.js';
import { INITIAL_REVISION, publishVersion, stateMachineVersionOperations } from './state-machine-versions.js';
import { assertTagCount } from './tags.js';
import { compact, epochSeconds } from './wire.js';

const STATE_MACHINE_TYPES = ['STANDARD', 'EXPRESS'] as const;

/**
 * Every state machine operation, keyed by AWS operation name: Create, Describe, Update, Delete, List,
 * DescribeStateMachineForExecution, the version operations (Publish, ListStateMachineVersions,
 * DeleteStateMachineVersion), the alias operations (Create, Describe, Update, Delete, ListStateMachineAliases) and the
 * Map Run operations (DescribeMapRun, ListMapRuns, UpdateMapRun) of the Distributed Map states.
 */
export function stateMachineOperations(ctx: ServiceContext): Record<string, Operation> {
  return {
    CreateStateMachine: (request) => createStateMachine(ctx, request),
    UpdateStateMachine: (request) => updateStateMachine(ctx, request),
    DeleteStateMachine: (request) => deleteStateMachine(ctx, request),
    ListStateMachines: (request) => listStateMachines(ctx, request),
    ...describeStateMachineOperations(ctx),
    ...stateMachineVersionOperations(ctx),
    ...stateMachineAliasOperations(ctx),
    ...mapRunOperations(ctx),
  };
}

/** What CreateStateMachine and UpdateStateMachine read alike. */
interface Configuration {
  loggingConfiguration?: string;
  tracingConfiguration?: string;
  publish: boolean;
  versionDescription?: string;
  encryptionType?: string;
}

/** Reads the configuration members (model constraints) and returns a check of their meaning, for after `done()`. */
function readConfiguration(r: RequestReader): [Configuration, () => void] {
  const logging = readLoggingConfiguration(r);
  const tracingConfiguration = readTracingConfiguration(r);
  const publish = r.boolean('publish') ?? false;
  const versionDescription = r.string('versionDescription', Shape.VersionDescription);
  const encryptionType = readEncryptionType(r);
  const check = () => {
    if (versionDescription !== undefined && !publish) {
      throw validationError('Version description can only be set when publish is true');
    }
    assertValidLogging(logging);
    assertSupportedEncryption(encryptionType);
  };
  const loggingConfiguration = logging && JSON.stringify(logging);
  return [{ loggingConfiguration, tracingConfiguration, publish, versionDescription, encryptionType }, check];
}

async function createStateMachine(ctx: ServiceContext, request: Record<string, unknown>) {
  const r = readRequest(request);
  const name = r.requiredString('name', Shape.Name);
  const definition = r.requiredString('definition', Shape.Definition);
  const roleArn = r.requiredString('roleArn', Shape.Arn);
  const type = r.enumeration('type', STATE_MACHINE_TYPES) ?? 'STANDARD';
  const tags = r.tags();
  const [config, checkConfig] = readConfiguration(r);
  r.done();
  assertValidName(name);
  checkConfig();
  assertRoleArn(roleArn);
  assertValidDefinition(definition, type);
  const arn = stateMachineArn(ctx, name);
  assertTagCount(arn, tags);
  const now = ctx.clock();
  const record: StateMachineRecord = {
    stateMachineArn: arn,
    name,
    type,
    definition,
    roleArn,
    creationDate: now,
    updateDate: now,
    loggingConfiguration: config.loggingConfiguration ?? DEFAULT_LOGGING_CONFIGURATION,
    tracingConfiguration: config.tracingConfiguration ?? DEFAULT_TRACING_CONFIGURATION,
    status: 'ACTIVE',
    latestVersion: 0,
  };
  if (!(await ctx.store.insertStateMachine(record))) return createAgain(ctx, record, config);
  if (tags) await ctx.store.putTags(arn, tags);
  const version = config.publish ? await publishVersion(ctx, record, config.versionDescription) : undefined;
  return compact({
    stateMachineArn: arn,
    creationDate: epochSeconds(now),
    stateMachineVersionArn: version?.stateMachineVersionArn,
  });
}

/**
 * CreateStateMachine of a name that exists: AWS's idempotency. The same definition, type, logging and tracing (and,
 * with `publish`, a first version published with the same description) return the existing state machine; its
 * role and tags are left as they are. Anything else is `StateMachineAlreadyExists`.
 */
async function createAgain(ctx: ServiceContext, wanted: StateMachineRecord, config: Configuration) {
  const existing = await ctx.store.getStateMachine(wanted.stateMachineArn);
  const same =
    existing !== undefined &&
    existing.definition === wanted.definition &&
    existing.type === wanted.type &&
    existing.loggingConfiguration === wanted.loggingConfiguration &&
    existing.tracingConfiguration === wanted.tracingConfiguration;
  if (!same) throw stateMachineAlreadyExists(wanted.stateMachineArn);
  let versionArn: string | undefined;
  if (config.publish) {
    const first = await ctx.store.getVersion(`${existing.stateMachineArn}:1`);
    // A create interrupted between its two writes left no version yet: publishing now completes it.
    const version =
      first ??
      (existing.latestVersion === 0 ? await publishVersion(ctx, existing, config.versionDescription) : undefined);
    if (version?.revisionId !== INITIAL_REVISION || version.description !== config.versionDescription) {
      throw stateMachineAlreadyExists(wanted.stateMachineArn);
    }
    versionArn = version.stateMachineVersionArn;
  }
  return compact({
    stateMachineArn: existing.stateMachineArn,
    creationDate: epochSeconds(existing.creationDate),
    stateMachineVersionArn: versionArn,
  });
}

async function updateStateMachine(ctx: ServiceContext, request: Record<string, unknown>) {
  const r = readRequest(request);
  const arn = r.requiredString('stateMachineArn', Shape.Arn);
  const definition = r.string('definition', Shape.Definition);
  const roleArn = r.string('roleArn', Shape.Arn);
  const [config, checkConfig] = readConfiguration(r);
  r.done();
  const ref = resolveStateMachineArn(arn);
  const nothingToUpdate =
    definition === undefined &&
    roleArn === undefined &&
    config.loggingConfiguration === undefined &&
    config.tracingConfiguration === undefined &&
    config.encryptionType === undefined;
  if (nothingToUpdate) {
    throw new ServiceError(
      'MissingRequiredParameter',
      'Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified',
    );
  }
  checkConfig();
  if (roleArn !== undefined) assertRoleArn(roleArn);
  const machine = ref.version === undefined && !ref.alias ? await ctx.store.getStateMachine(arn) : undefined;
  if (!machine) throw stateMachineDoesNotExist(arn);
  if (definition !== undefined) assertValidDefinition(definition, machine.type);
  const updated: StateMachineRecord = {
    ...machine,
    definition: definition ?? machine.definition,
    roleArn: roleArn ?? machine.roleArn,
    loggingConfiguration: config.loggingConfiguration ?? machine.loggingConfiguration,
    tracingConfiguration: config.tracingConfiguration ?? machine.tracingConfiguration,
  };
  const changed =
    updated.definition !== machine.definition ||
    updated.roleArn !== machine.roleArn ||
    updated.loggingConfiguration !== machine.loggingConfiguration ||
    updated.tracingConfiguration !== machine.tracingConfiguration;
  // An update that changes nothing keeps the revision (and so the version publishing it would return).
  const current = changed ? { ...updated, revisionId: uuid(ctx.random), updateDate: ctx.clock() } : machine;
  if (changed && !(await ctx.store.updateStateMachine(current))) throw stateMachineDoesNotExist(arn);
  const version = config.publish ? await publishVersion(ctx, current, config.versionDescription) : undefined;
  return compact({
    updateDate: epochSeconds(current.updateDate),
    revisionId: current.revisionId,
    stateMachineVersionArn: version?.stateMachineVersionArn,
  });
}

async function deleteStateMachine(ctx: ServiceContext, request: Record<string, unknown>) {
  const r = readRequest(request);
  const arn = r.requiredString('stateMachineArn', Shape.Arn);
  r.done();
  const ref = resolveStateMachineArn(arn);
  // Deleting a state machine that does not exist succeeds, as on AWS; its versions and aliases go with it. Running
  // executions keep their pinned definition; the store keeps them.
  if (ref.version === undefined && !ref.alias) await ctx.store.deleteStateMachine(arn);
  return {};
}

async function listStateMachines(ctx: ServiceContext, request: Record<string, unknown>) {
  const r = readRequest(request);
  const token = r.string('nextToken', Shape.PageToken);
  const limit = r.pageSize();
  r.done();
  const scope = 'ListStateMachines';
  const now = ctx.clock();
  const page = await ctx.store.listStateMachines({ limit, after: decodePageToken(token, scope, now) });
  return compact({
    stateMachines: page.items.map((m) => ({
      stateMachineArn: m.stateMachineArn,
      name: m.name,
      type: m.type,
      creationDate: epochSeconds(m.creationDate),
    })),
    nextToken: encodePageToken(page.next, scope, now),
  });
}

/** Throws AWS's `InvalidDefinition` (with AWS's diagnostics) unless the definition is valid for the type. */
function assertValidDefinition(definition: string, type: StateMachineType): void {
  const parsed = parseDefinition(definition);
  const diagnostics =
    'diagnostics' in parsed
      ? parsed.diagnostics
      : validateDefinition(parsed.definition, { type }).filter((d) => d.severity === 'ERROR');
  if (diagnostics.length > 0) throw new ServiceError('InvalidDefinition', formatInvalidDefinition(diagnostics));
}

/**
 * The role is an IAM ARN that Lockstep never assumes; only its syntax is checked (`InvalidArn` with AWS's prefix
 * message when it is not an ARN, inferred from the other ARN members).
 */
function assertRoleArn(roleArn: string): void {
  if (roleArn.split(':').length < 6 || !roleArn.startsWith('arn:')) throw invalidArnPrefix(roleArn);
}
