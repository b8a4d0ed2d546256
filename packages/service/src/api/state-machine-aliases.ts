/**
 * State machine aliases: CreateStateMachineAlias, DescribeStateMachineAlias, UpdateStateMachineAlias,
 * DeleteStateMachineAlias, ListStateMachineAliases, and the routing that StartExecution applies to an alias ARN.
 *
 * Recorded AWS behaviour (LocalStack's AWS-validated `test_sfn_api_aliasing`): the alias ARN is
 * `<stateMachineArn>:<name>`; creating an alias again with the same settings returns it (its creation date), with
 * another description or routing it is a `ConflictException`; the routing errors' texts (`Routing configuration must
 * contain distinct state machine version ARNs. Received: [...]`, `... must contain state machine version ARNs. ...`,
 * `Sum of routing configuration weights must equal 100. Received: [70, 29]`), the name's pattern violation, and more
 * than two routes as a model violation; deleting an alias that does not exist succeeds; updating one is
 * `ResourceNotFound` (`Request references a resource that does not exist.`); a state machine's aliases list oldest
 * first. The texts marked "inferred" below were not recorded.
 */
import type { AliasRoute, StateMachineAliasRecord } from '../store/records.js';
import { resolveAliasArn, resolveStateMachineArn, stateMachineAliasArn, stateMachineVersionArn } from './arns.js';
import type { Operation, ServiceContext } from './context.js';
import { malformedArn, stateMachineDoesNotExist, validationError } from './errors.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import { RequestReader, Shape, type StringShape } from './request.js';
import { ServiceError } from './service-error.js';
import { compact, epochSeconds } from './wire.js';

/** AWS's quota: "You can create up to 100 aliases for each state machine." */
export const MAX_ALIASES_PER_STATE_MACHINE = 100;

/** The model's `AliasDescription`. */
const ALIAS_DESCRIPTION: StringShape = { max: 256, sensitive: true };

/** The model's `VersionWeight`. */
const WEIGHT = { min: 0, max: 100 };

/** The model's `RoutingConfigurationList`: one or two routes. */
const ROUTES = { min: 1, max: 2 };

/** The model's `CharacterRestrictedName` pattern (a name needs a letter, `_`, `-` or `.`: it must not look like a version). */
const NAME_PATTERN = /^(?=.*[a-zA-Z_\-.])[a-zA-Z0-9_\-.]+$/;

/** The pattern as AWS prints it in the violation. */
const NAME_PATTERN_TEXT = '^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$';

/** The alias operations, keyed by AWS operation name. */
export function stateMachineAliasOperations(ctx: ServiceContext): Record<string, Operation> {
  return {
    CreateStateMachineAlias: (request) => createStateMachineAlias(ctx, request),
    DescribeStateMachineAlias: (request) => describeStateMachineAlias(ctx, request),
    UpdateStateMachineAlias: (request) => updateStateMachineAlias(ctx, request),
    DeleteStateMachineAlias: (request) => deleteStateMachineAlias(ctx, request),
    ListStateMachineAliases: (request) => listStateMachineAliases(ctx, request),
  };
}

/**
 * The version a start through `alias` runs: the first route for `random() * 100` below its weight, else the second
 * (AWS: "Step Functions randomly chooses which version runs a given execution based on the percentage you specify").
 */
export function routeOf(alias: StateMachineAliasRecord, random: () => number): string {
  const [first, second] = alias.routingConfiguration;
  return (second === undefined || random() * 100 < first.weight ? first : second).stateMachineVersionArn;
}

async function createStateMachineAlias(ctx: ServiceContext, request: Record<string, unknown>) {
  const violations: string[] = [];
  const r = new RequestReader(request, '', violations);
  const description = r.string('description', ALIAS_DESCRIPTION);
  const name = readName(r, violations, request.name);
  const routes = readRoutes(r, violations, true) ?? [];
  r.done();
  const machineArn = await assertRoutes(ctx, routes);
  const arn = stateMachineAliasArn(machineArn, name);
  const now = ctx.clock();
  const wanted: StateMachineAliasRecord = {
    stateMachineAliasArn: arn,
    stateMachineArn: machineArn,
    name,
    routingConfiguration: routes,
    creationDate: now,
    updateDate: now,
  };
  if (description !== undefined) wanted.description = description;
  const existing = await ctx.store.getAlias(arn);
  if (!existing) {
    await assertBelowQuota(ctx, machineArn);
    if (await ctx.store.insertAlias(wanted)) return { stateMachineAliasArn: arn, creationDate: epochSeconds(now) };
  }
  // The same request again (or a concurrent one that inserted first) returns the alias; another one conflicts.
  const current = existing ?? (await ctx.store.getAlias(arn));
  if (!current || !sameSettings(current, description, routes)) {
    throw new ServiceError(
      'ConflictException',
      'Failed to create alias because an alias with the same name and a different routing configuration already exists.',
      { status: 409 },
    );
  }
  return { stateMachineAliasArn: arn, creationDate: epochSeconds(current.creationDate) };
}

async function describeStateMachineAlias(ctx: ServiceContext, request: Record<string, unknown>) {
  const r = new RequestReader(request, '', []);
  const arn = r.requiredString('stateMachineAliasArn', Shape.Arn);
  r.done();
  resolveAliasArn(arn);
  const alias = await ctx.store.getAlias(arn);
  if (!alias) throw aliasNotFound();
  return compact({
    stateMachineAliasArn: alias.stateMachineAliasArn,
    name: alias.name,
    description: alias.description,
    routingConfiguration: alias.routingConfiguration.map((route) => ({ ...route })),
    creationDate: epochSeconds(alias.creationDate),
    updateDate: epochSeconds(alias.updateDate),
  });
}

async function updateStateMachineAlias(ctx: ServiceContext, request: Record<string, unknown>) {
  const violations: string[] = [];
  const r = new RequestReader(request, '', violations);
  const arn = r.requiredString('stateMachineAliasArn', Shape.Arn);
  const description = r.string('description', ALIAS_DESCRIPTION);
  const routes = readRoutes(r, violations, false);
  r.done();
  const ref = resolveAliasArn(arn);
  if (description === undefined && routes === undefined) {
    // Inferred text (the model gives this operation no MissingRequiredParameter error).
    throw validationError(
      'Either the description or the RoutingConfiguration must be specified',
      'MISSING_REQUIRED_PARAMETER',
    );
  }
  if (routes !== undefined) await assertRoutes(ctx, routes, ref.stateMachineArn);
  const alias = await ctx.store.getAlias(arn);
  if (!alias) throw aliasNotFound();
  const updated: StateMachineAliasRecord = {
    ...alias,
    routingConfiguration: routes ?? alias.routingConfiguration,
    updateDate: ctx.clock(),
  };
  if (description !== undefined) updated.description = description;
  // AWS: "Requests with the same parameters return an idempotent response": nothing changes, not even the date.
  if (sameSettings(alias, updated.description, updated.routingConfiguration)) {
    return { updateDate: epochSeconds(alias.updateDate) };
  }
  if (!(await ctx.store.updateAlias(updated))) throw aliasNotFound();
  return { updateDate: epochSeconds(updated.updateDate) };
}

async function deleteStateMachineAlias(ctx: ServiceContext, request: Record<string, unknown>) {
  const r = new RequestReader(request, '', []);
  const arn = r.requiredString('stateMachineAliasArn', Shape.Arn);
  r.done();
  resolveAliasArn(arn);
  // Deleting an alias that does not exist (any more) succeeds, as on AWS; the versions it routes to stay.
  await ctx.store.deleteAlias(arn);
  return {};
}

async function listStateMachineAliases(ctx: ServiceContext, request: Record<string, unknown>) {
  const r = new RequestReader(request, '', []);
  const arn = r.requiredString('stateMachineArn', Shape.Arn);
  const token = r.string('nextToken', Shape.PageToken);
  const limit = r.pageSize();
  r.done();
  const ref = resolveStateMachineArn(arn);
  // An alias ARN names no state machine nor version (inferred: AWS's answer is not recorded).
  if (ref.alias !== undefined) throw malformedArn(arn);
  // AWS: "To list aliases that reference a state machine version, you can specify the version ARN".
  const versionArn = ref.version === undefined ? undefined : stateMachineVersionArn(ref.stateMachineArn, ref.version);
  const exists =
    versionArn === undefined
      ? (await ctx.store.getStateMachine(ref.stateMachineArn)) !== undefined
      : (await ctx.store.getVersion(versionArn)) !== undefined;
  if (!exists) throw stateMachineDoesNotExist(arn);
  const scope = `ListStateMachineAliases ${arn}`;
  const now = ctx.clock();
  const page = await ctx.store.listAliases(ref.stateMachineArn, {
    limit,
    after: decodePageToken(token, scope, now),
    stateMachineVersionArn: versionArn,
  });
  return compact({
    stateMachineAliases: page.items.map((a) => ({
      stateMachineAliasArn: a.stateMachineAliasArn,
      creationDate: epochSeconds(a.creationDate),
    })),
    nextToken: encodePageToken(page.next, scope, now),
  });
}

/** Reads `name`: the model's length, then its pattern (a violation of its own, as AWS reports it). */
function readName(r: RequestReader, violations: string[], sent: unknown): string {
  const name = r.requiredString('name', Shape.Name);
  if (typeof sent === 'string' && sent !== '' && !NAME_PATTERN.test(name)) {
    violations.push(
      `Value '${name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ${NAME_PATTERN_TEXT}`,
    );
  }
  return name;
}

/**
 * Reads `routingConfiguration`: each route's members (`routingConfiguration.1.member.weight` in violations), then the
 * list's length, reported before the routes' violations with the list printed as AWS's service prints it.
 */
function readRoutes(r: RequestReader, violations: string[], required: boolean): AliasRoute[] | undefined {
  const first = violations.length;
  const items = r.structureList('routingConfiguration', required);
  if (items === undefined) return undefined;
  const printed: string[] = [];
  const routes = items.map((item, i) => {
    const stateMachineVersionArn = item.requiredString('stateMachineVersionArn', Shape.Arn);
    const weight = item.integer('weight', WEIGHT);
    if (weight === undefined) {
      violations.push(
        `Value null at 'routingConfiguration.${i + 1}.member.weight' failed to satisfy constraint: Member must not be null`,
      );
    }
    printed.push(
      `RoutingConfigurationListItem(stateMachineVersionArn=${stateMachineVersionArn}, weight=${weight ?? null})`,
    );
    return { stateMachineVersionArn, weight: weight ?? 0 };
  });
  // A missing list (`[]` here) has its null violation already; a list sent with too few or too many routes has this.
  const count = routes.length;
  const sent = violations.length === first || count > 0;
  if ((sent && count < ROUTES.min) || count > ROUTES.max) {
    const bound = count < ROUTES.min ? `greater than or equal to ${ROUTES.min}` : `less than or equal to ${ROUTES.max}`;
    violations.splice(
      first,
      0,
      `Value '[${printed.join(', ')}]' at 'routingConfiguration' failed to satisfy constraint: Member must have length ${bound}`,
    );
  }
  return routes;
}

/**
 * Checks the meaning of valid routes: distinct ARNs, weights summing to 100, versions (that exist) of one state
 * machine (`machineArn` when given, the alias's). Returns the state machine's ARN.
 */
async function assertRoutes(ctx: ServiceContext, routes: AliasRoute[], machineArn?: string): Promise<string> {
  const arns = routes.map((route) => route.stateMachineVersionArn);
  const received = `Received: [${arns.join(', ')}]`;
  if (new Set(arns).size < arns.length) {
    throw invalidRouting(`Routing configuration must contain distinct state machine version ARNs. ${received}`);
  }
  const weights = routes.map((route) => route.weight);
  if (weights.reduce((sum, weight) => sum + weight, 0) !== 100) {
    throw invalidRouting(`Sum of routing configuration weights must equal 100. Received: [${weights.join(', ')}]`);
  }
  const refs = arns.map((arn) => resolveStateMachineArn(arn));
  if (refs.some((ref) => ref.version === undefined)) {
    throw invalidRouting(`Routing configuration must contain state machine version ARNs. ${received}`);
  }
  const machine = machineArn ?? refs[0].stateMachineArn;
  if (refs.some((ref) => ref.stateMachineArn !== machine)) {
    // Inferred text.
    throw invalidRouting(`Routing configuration must contain versions of the same state machine. ${received}`);
  }
  for (const arn of arns) {
    // Inferred: the model's ResourceNotFound for a version that does not exist.
    if (!(await ctx.store.getVersion(arn))) throw aliasNotFound();
  }
  return machine;
}

/** Throws AWS's `ServiceQuotaExceededException` when the state machine has all the aliases it may have. */
async function assertBelowQuota(ctx: ServiceContext, machineArn: string): Promise<void> {
  const page = await ctx.store.listAliases(machineArn, { limit: MAX_ALIASES_PER_STATE_MACHINE });
  if (page.items.length < MAX_ALIASES_PER_STATE_MACHINE) return;
  // Inferred text.
  throw new ServiceError(
    'ServiceQuotaExceededException',
    `The state machine '${machineArn}' already has the maximum number of aliases (${MAX_ALIASES_PER_STATE_MACHINE}).`,
    { status: 402 },
  );
}

/** Whether an alias has this description and these routes, in this order. */
function sameSettings(alias: StateMachineAliasRecord, description: string | undefined, routes: AliasRoute[]): boolean {
  const key = (list: AliasRoute[]) => JSON.stringify(list.map((r) => [r.stateMachineVersionArn, r.weight]));
  return alias.description === description && key(alias.routingConfiguration) === key(routes);
}

/** `ValidationException` for routes that break AWS's routing rules. */
function invalidRouting(message: string): ServiceError {
  return validationError(message, 'INVALID_ROUTING_CONFIGURATION');
}

/** AWS's `ResourceNotFound` for an alias (or a routed version) that does not exist (recorded text). */
function aliasNotFound(): ServiceError {
  return new ServiceError('ResourceNotFound', 'Request references a resource that does not exist.');
}
