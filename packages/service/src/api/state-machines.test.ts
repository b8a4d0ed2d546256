import { beforeEach, describe, expect, it } from 'vitest';
import { failureOf, type TestContext, testContext } from '../test-support.js';
import type { Operation } from './context.js';
import { stateMachineOperations } from './state-machines.js';

const ROLE = 'arn:aws:iam::123456789012:role/sfn';
const arnOf = (name: string) => `arn:aws:states:us-east-1:123456789012:stateMachine:${name}`;
const ARN = arnOf('Machine');
// Formatted on purpose: DescribeStateMachine must return it byte for byte.
const DEFINITION = `{
  "Comment": "BASE_PASS_RESULT",
  "StartAt": "State_1",
  "States": { "State_1": { "Type": "Pass", "Result": { "Arg1": "argument1" }, "End": true } }
}`;
const OTHER_DEFINITION = '{"StartAt":"S","States":{"S":{"Type":"Succeed"}}}';

let ctx: TestContext;
let ops: Record<string, Operation>;
const create = (request: Record<string, unknown> = {}) =>
  ops.CreateStateMachine({ name: 'Machine', definition: DEFINITION, roleArn: ROLE, ...request });

beforeEach(() => {
  ctx = testContext();
  ops = stateMachineOperations(ctx);
});

describe('CreateStateMachine', () => {
  it('creates a state machine and describes it as AWS does', async () => {
    expect(await create()).toEqual({ stateMachineArn: ARN, creationDate: 1704067200 });
    expect(await ops.DescribeStateMachine({ stateMachineArn: ARN })).toEqual({
      stateMachineArn: ARN,
      name: 'Machine',
      status: 'ACTIVE',
      definition: DEFINITION,
      roleArn: ROLE,
      type: 'STANDARD',
      creationDate: 1704067200,
      loggingConfiguration: { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: { enabled: false },
      encryptionConfiguration: { type: 'AWS_OWNED_KEY' },
    });
  });

  it('is idempotent for the same definition and configuration, ignoring role and tags', async () => {
    await create({ tags: [{ key: 'a', value: '1' }] });
    ctx.advance(5000);
    expect(await create({ roleArn: 'arn:aws:iam::123456789012:role/other', tags: [] })).toEqual({
      stateMachineArn: ARN,
      creationDate: 1704067200,
    });
    expect((await ops.DescribeStateMachine({ stateMachineArn: ARN })).roleArn).toBe(ROLE);
  });

  it('refuses the same name with another definition or configuration', async () => {
    await create();
    const exists = {
      code: 'StateMachineAlreadyExists',
      message: `State Machine Already Exists: '${ARN}'`,
      status: 400,
    };
    expect(await failureOf(create({ definition: OTHER_DEFINITION }))).toMatchObject(exists);
    expect(await failureOf(create({ type: 'EXPRESS' }))).toMatchObject(exists);
    expect(await failureOf(create({ tracingConfiguration: { enabled: true } }))).toMatchObject(exists);
    await ops.UpdateStateMachine({ stateMachineArn: ARN, roleArn: ROLE, publish: true });
    expect(await failureOf(create({ publish: true, versionDescription: 'd' }))).toMatchObject(exists);
  });

  it('publishes version 1 with publish, idempotently', async () => {
    const first = await create({ publish: true, versionDescription: 'HelloWorld!' });
    expect(first).toEqual({ stateMachineArn: ARN, creationDate: 1704067200, stateMachineVersionArn: `${ARN}:1` });
    expect(await create({ publish: true, versionDescription: 'HelloWorld!' })).toEqual(first);
    expect(await ops.DescribeStateMachine({ stateMachineArn: `${ARN}:1` })).toMatchObject({
      stateMachineArn: `${ARN}:1`,
      description: 'HelloWorld!',
      definition: DEFINITION,
    });
  });

  it('refuses versionDescription without publish', async () => {
    expect(await failureOf(create({ versionDescription: 'HelloWorld!' }))).toMatchObject({
      code: 'ValidationException',
      message: 'Version description can only be set when publish is true',
    });
  });

  it("refuses invalid definitions with AWS's InvalidDefinition", async () => {
    const failure = await failureOf(create({ definition: '{"Comment":"BASE_INVALID_DER","StartAt":"State_1"}' }));
    expect(failure).toMatchObject({
      code: 'InvalidDefinition',
      message: "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /'",
    });
  });

  it('validates the definition for the type', async () => {
    const definition = JSON.stringify({
      StartAt: 'Publish',
      States: { Publish: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish.waitForTaskToken', End: true } },
    });
    expect(await create({ definition })).toHaveProperty('stateMachineArn');
    const failure = await failureOf(create({ name: 'Express', definition, type: 'EXPRESS' }));
    expect(failure.code).toBe('InvalidDefinition');
    expect(failure.message).toContain("Express state machine does not support '.waitForTaskToken' service integration");
  });

  it('validates the request as AWS does', async () => {
    expect(await failureOf(create({ name: 'TestMachine InvalidName$' }))).toMatchObject({
      code: 'InvalidName',
      message: "Invalid Name: 'TestMachine InvalidName$'",
    });
    expect(await failureOf(ops.CreateStateMachine({ name: 'x'.repeat(81), roleArn: ROLE }))).toMatchObject({
      code: 'ValidationException',
      message: `2 validation errors detected: Value '${'x'.repeat(81)}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 80; Value null at 'definition' failed to satisfy constraint: Member must not be null`,
    });
    expect(await failureOf(create({ type: 'standard' }))).toMatchObject({
      message:
        "1 validation error detected: Value 'standard' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]",
    });
    expect(await failureOf(create({ roleArn: 'not-a-role' }))).toMatchObject({
      code: 'InvalidArn',
      message: "Invalid Arn: 'Invalid ARN prefix: not-a-role'",
    });
  });

  it('normalizes logging configurations as AWS shows them', async () => {
    await create({ name: 'Empty', loggingConfiguration: {} });
    await create({ name: 'NoDestinations', loggingConfiguration: { destinations: [] } });
    const group = { cloudWatchLogsLogGroup: { logGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:g:*' } };
    await create({
      name: 'All',
      loggingConfiguration: { level: 'ALL', includeExecutionData: true, destinations: [group] },
    });
    const logging = async (name: string) =>
      (await ops.DescribeStateMachine({ stateMachineArn: arnOf(name) })).loggingConfiguration;
    expect(await logging('Empty')).toEqual({ level: 'OFF', includeExecutionData: false });
    expect(await logging('NoDestinations')).toEqual({ level: 'OFF', includeExecutionData: false, destinations: [] });
    expect(await logging('All')).toEqual({ level: 'ALL', includeExecutionData: true, destinations: [group] });
    const invalid = {
      code: 'InvalidLoggingConfiguration',
      message: 'Invalid Logging Configuration: Must specify exactly one Log Destination.',
    };
    expect(await failureOf(create({ name: 'X', loggingConfiguration: { level: 'ERROR' } }))).toMatchObject(invalid);
    expect(
      await failureOf(create({ name: 'Y', loggingConfiguration: { level: 'OFF', destinations: [group, group] } })),
    ).toMatchObject(invalid);
  });

  it('tags the new state machine and refuses more than 50 tags', async () => {
    const tags = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    expect(await failureOf(create({ tags }))).toMatchObject({ code: 'TooManyTags', members: { resourceName: ARN } });
    await create({ tags: tags.slice(0, 2) });
    expect(await ctx.store.getTags(ARN)).toEqual({ k0: 'v', k1: 'v' });
  });
});

describe('UpdateStateMachine', () => {
  beforeEach(async () => {
    await create();
    ctx.advance(60_000);
  });

  it('makes a new revision for each change and keeps it when nothing changes', async () => {
    const first = await ops.UpdateStateMachine({ stateMachineArn: ARN, definition: OTHER_DEFINITION });
    expect(first).toEqual({ updateDate: 1704067260, revisionId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    ctx.advance(1000);
    expect(await ops.UpdateStateMachine({ stateMachineArn: ARN, definition: OTHER_DEFINITION })).toEqual(first);
    const second = await ops.UpdateStateMachine({ stateMachineArn: ARN, roleArn: 'arn:aws:iam::123456789012:role/b' });
    expect(second.revisionId).not.toBe(first.revisionId);
    expect(await ops.DescribeStateMachine({ stateMachineArn: ARN })).toMatchObject({
      definition: OTHER_DEFINITION,
      roleArn: 'arn:aws:iam::123456789012:role/b',
      revisionId: second.revisionId,
      creationDate: 1704067200,
    });
  });

  it('publishes a version with publish, once per revision', async () => {
    const update = await ops.UpdateStateMachine({ stateMachineArn: ARN, definition: OTHER_DEFINITION, publish: true });
    expect(update.stateMachineVersionArn).toBe(`${ARN}:1`);
    const again = await ops.UpdateStateMachine({ stateMachineArn: ARN, definition: OTHER_DEFINITION, publish: true });
    expect(again).toEqual(update);
  });

  it('publishes the initial revision without a revisionId when nothing changed', async () => {
    const update = await ops.UpdateStateMachine({ stateMachineArn: ARN, definition: DEFINITION, publish: true });
    expect(update).toEqual({ updateDate: 1704067200, stateMachineVersionArn: `${ARN}:1` });
  });

  it("answers AWS's errors", async () => {
    expect(await failureOf(ops.UpdateStateMachine({ stateMachineArn: ARN }))).toMatchObject({
      code: 'MissingRequiredParameter',
      message:
        'Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified',
    });
    await ops.UpdateStateMachine({ stateMachineArn: ARN, definition: OTHER_DEFINITION, publish: true });
    expect(await failureOf(ops.UpdateStateMachine({ stateMachineArn: `${ARN}:1`, definition: DEFINITION }))).toEqual({
      code: 'StateMachineDoesNotExist',
      message: `State Machine Does Not Exist: '${ARN}:1'`,
      status: 400,
      members: {},
    });
    expect(
      await failureOf(ops.UpdateStateMachine({ stateMachineArn: `${ARN}x`, definition: DEFINITION })),
    ).toMatchObject({ code: 'StateMachineDoesNotExist' });
    expect(await failureOf(ops.UpdateStateMachine({ stateMachineArn: ARN, definition: '{}' }))).toMatchObject({
      code: 'InvalidDefinition',
      message:
        "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States, StartAt] at /'",
    });
    expect(
      await failureOf(ops.UpdateStateMachine({ stateMachineArn: ARN, roleArn: ROLE, versionDescription: 'd' })),
    ).toMatchObject({ code: 'ValidationException' });
  });
});

describe('DeleteStateMachine and ListStateMachines', () => {
  it('deletes, also when there is nothing to delete', async () => {
    await create({ publish: true });
    expect(await ops.DeleteStateMachine({ stateMachineArn: ARN })).toEqual({});
    expect(await ops.DeleteStateMachine({ stateMachineArn: ARN })).toEqual({});
    expect(await failureOf(ops.DescribeStateMachine({ stateMachineArn: ARN }))).toMatchObject({
      code: 'StateMachineDoesNotExist',
    });
    expect(await ctx.store.getVersion(`${ARN}:1`)).toBeUndefined();
  });

  it('lists in ARN order, page by page', async () => {
    for (const name of ['m0', 'm1', 'm10', 'm2', 'm3']) await create({ name });
    const page1 = await ops.ListStateMachines({ maxResults: 3 });
    expect((page1.stateMachines as { name: string }[]).map((m) => m.name)).toEqual(['m0', 'm1', 'm10']);
    expect(page1.stateMachines).toContainEqual({
      stateMachineArn: arnOf('m0'),
      name: 'm0',
      type: 'STANDARD',
      creationDate: 1704067200,
    });
    const page2 = await ops.ListStateMachines({ maxResults: 3, nextToken: page1.nextToken });
    expect((page2.stateMachines as { name: string }[]).map((m) => m.name)).toEqual(['m2', 'm3']);
    expect(page2).not.toHaveProperty('nextToken');
    expect(await failureOf(ops.ListStateMachines({ nextToken: 'bogus' }))).toMatchObject({ code: 'InvalidToken' });
    expect(await failureOf(ops.ListStateMachines({ maxResults: 1001 }))).toMatchObject({
      message:
        "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
    });
  });
});
