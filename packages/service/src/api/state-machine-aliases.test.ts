import { beforeEach, describe, expect, it } from 'vitest';
import { codeAndMessage, failureOf, type TestContext, testContext } from '../test-support.js';
import type { Operation } from './context.js';
import { executionOperations } from './executions.js';
import { expressOperations } from './express.js';
import { stateMachineOperations } from './state-machines.js';
import { tagOperations } from './tags.js';

const ROLE = 'arn:aws:iam::123456789012:role/sfn';
const ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:Machine';
const OTHER = 'arn:aws:states:us-east-1:123456789012:stateMachine:Other';
const PROD = `${ARN}:PROD`;
const definition = (comment: string) =>
  JSON.stringify({ Comment: comment, StartAt: 'S', States: { S: { Type: 'Succeed' } } });
const route = (version: number, weight: number, machine = ARN) => ({
  stateMachineVersionArn: `${machine}:${version}`,
  weight,
});
const PATTERN = '^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$';

let ctx: TestContext;
let ops: Record<string, Operation>;

beforeEach(async () => {
  ctx = testContext();
  ops = {
    ...stateMachineOperations(ctx),
    ...executionOperations(ctx),
    ...expressOperations(ctx),
    ...tagOperations(ctx),
  };
  // Versions 1-3 of Machine, version 1 of Other.
  await ops.CreateStateMachine({ name: 'Machine', definition: definition('R1'), roleArn: ROLE, publish: true });
  await ops.UpdateStateMachine({ stateMachineArn: ARN, definition: definition('R2'), publish: true });
  await ops.UpdateStateMachine({ stateMachineArn: ARN, definition: definition('R3'), publish: true });
  await ops.CreateStateMachine({ name: 'Other', definition: definition('O1'), roleArn: ROLE, publish: true });
});

const create = (name: string, routingConfiguration: unknown, description?: string) =>
  ops.CreateStateMachineAlias({ name, routingConfiguration, description });

describe('CreateStateMachineAlias and DescribeStateMachineAlias', () => {
  it('creates an alias named after its state machine, and describes it', async () => {
    expect(await create('PROD', [route(1, 100)], 'production')).toEqual({
      stateMachineAliasArn: PROD,
      creationDate: 1704067200,
    });
    expect(await ops.DescribeStateMachineAlias({ stateMachineAliasArn: PROD })).toEqual({
      stateMachineAliasArn: PROD,
      name: 'PROD',
      description: 'production',
      routingConfiguration: [route(1, 100)],
      creationDate: 1704067200,
      updateDate: 1704067200,
    });
  });

  it('returns the alias again for the same settings, and conflicts on others', async () => {
    await create('PROD', [route(1, 100)], 'production');
    ctx.advance(5000);
    expect(await create('PROD', [route(1, 100)], 'production')).toEqual({
      stateMachineAliasArn: PROD,
      creationDate: 1704067200,
    });
    const conflict = {
      code: 'ConflictException',
      message:
        'Failed to create alias because an alias with the same name and a different routing configuration already exists.',
      status: 409,
      members: {},
    };
    expect(await failureOf(create('PROD', [route(1, 100)], 'another'))).toEqual(conflict);
    expect(await failureOf(create('PROD', [route(1, 50), route(2, 50)], 'production'))).toEqual(conflict);
  });

  it("refuses names that break the model's pattern or length", async () => {
    const violation = (name: string) =>
      `1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ${PATTERN}`;
    for (const name of ['123', 'INVALID ALIAS', '!INVALID', 'ALIAS@']) {
      expect(await codeAndMessage(create(name, [route(1, 100)]))).toEqual(['ValidationException', violation(name)]);
    }
    const long = 'A'.repeat(81);
    expect(await codeAndMessage(create(long, [route(1, 100)]))).toEqual([
      'ValidationException',
      `1 validation error detected: Value '${long}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 80`,
    ]);
    expect(await codeAndMessage(ops.CreateStateMachineAlias({ routingConfiguration: [route(1, 100)] }))).toEqual([
      'ValidationException',
      "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    ]);
    expect((await create('v1.0-beta_2', [route(1, 100)])).stateMachineAliasArn).toBe(`${ARN}:v1.0-beta_2`);
  });

  it("refuses routing that breaks the model's constraints", async () => {
    const three = [route(1, 50), route(2, 30), route(3, 20)];
    const printed = three.map(
      (r) => `RoutingConfigurationListItem(stateMachineVersionArn=${r.stateMachineVersionArn}, weight=${r.weight})`,
    );
    expect(await codeAndMessage(create('A', three))).toEqual([
      'ValidationException',
      `1 validation error detected: Value '[${printed.join(', ')}]' at 'routingConfiguration' failed to satisfy constraint: Member must have length less than or equal to 2`,
    ]);
    expect(await codeAndMessage(create('A', []))).toEqual([
      'ValidationException',
      "1 validation error detected: Value '[]' at 'routingConfiguration' failed to satisfy constraint: Member must have length greater than or equal to 1",
    ]);
    expect(await codeAndMessage(create('A', [route(1, 101)]))).toEqual([
      'ValidationException',
      "1 validation error detected: Value '101' at 'routingConfiguration.1.member.weight' failed to satisfy constraint: Member must have value less than or equal to 100",
    ]);
    expect(await codeAndMessage(create('A', [route(1, -1)]))).toEqual([
      'ValidationException',
      "1 validation error detected: Value '-1' at 'routingConfiguration.1.member.weight' failed to satisfy constraint: Member must have value greater than or equal to 0",
    ]);
    expect(await codeAndMessage(create('1', [{ stateMachineVersionArn: `${ARN}:1` }]))).toEqual([
      'ValidationException',
      `2 validation errors detected: Value '1' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ${PATTERN}; Value null at 'routingConfiguration.1.member.weight' failed to satisfy constraint: Member must not be null`,
    ]);
    expect(await codeAndMessage(ops.CreateStateMachineAlias({ name: 'A' }))).toEqual([
      'ValidationException',
      "1 validation error detected: Value null at 'routingConfiguration' failed to satisfy constraint: Member must not be null",
    ]);
  });

  it("refuses routing that breaks AWS's routing rules, with the reason", async () => {
    const invalid = async (routes: unknown) => {
      const { code, message, members } = await failureOf(create('A', routes));
      expect(code).toBe('ValidationException');
      expect(members).toEqual({ reason: 'INVALID_ROUTING_CONFIGURATION' });
      return message;
    };
    expect(await invalid([route(1, 50), route(1, 50)])).toBe(
      `Routing configuration must contain distinct state machine version ARNs. Received: [${ARN}:1, ${ARN}:1]`,
    );
    expect(await invalid([route(1, 70), route(2, 29)])).toBe(
      'Sum of routing configuration weights must equal 100. Received: [70, 29]',
    );
    expect(await invalid([route(1, 70), route(2, 31)])).toBe(
      'Sum of routing configuration weights must equal 100. Received: [70, 31]',
    );
    expect(await invalid([{ stateMachineVersionArn: ARN, weight: 70 }, route(2, 30)])).toBe(
      `Routing configuration must contain state machine version ARNs. Received: [${ARN}, ${ARN}:2]`,
    );
    expect(await invalid([route(1, 50), route(1, 50, OTHER)])).toBe(
      `Routing configuration must contain versions of the same state machine. Received: [${ARN}:1, ${OTHER}:1]`,
    );
  });

  it('refuses a version that does not exist (ResourceNotFound) and what is not an ARN (InvalidArn)', async () => {
    expect(await failureOf(create('A', [route(9, 100)]))).toEqual({
      code: 'ResourceNotFound',
      message: 'Request references a resource that does not exist.',
      status: 400,
      members: {},
    });
    expect(await codeAndMessage(create('A', [{ stateMachineVersionArn: 'Machine:1', weight: 100 }]))).toEqual([
      'InvalidArn',
      "Invalid Arn: 'Invalid ARN prefix: Machine:1'",
    ]);
  });

  it('allows 100 aliases per state machine (ServiceQuotaExceededException, 402)', async () => {
    for (let i = 0; i < 100; i++) await create(`alias-${i}`, [route(1, 100)]);
    expect(await failureOf(create('one-more', [route(1, 100)]))).toEqual({
      code: 'ServiceQuotaExceededException',
      message: `The state machine '${ARN}' already has the maximum number of aliases (100).`,
      status: 402,
      members: {},
    });
    expect((await create('alias-7', [route(1, 100)])).stateMachineAliasArn).toBe(`${ARN}:alias-7`);
  });

  it('answers ResourceNotFound for an alias that does not exist, InvalidArn for other ARNs', async () => {
    expect(await failureOf(ops.DescribeStateMachineAlias({ stateMachineAliasArn: PROD }))).toEqual({
      code: 'ResourceNotFound',
      message: 'Request references a resource that does not exist.',
      status: 400,
      members: {},
    });
    expect(await codeAndMessage(ops.DescribeStateMachineAlias({ stateMachineAliasArn: ARN }))).toEqual([
      'InvalidArn',
      `Invalid Arn: 'Invalid ARN: ${ARN}'`,
    ]);
    expect(await codeAndMessage(ops.DescribeStateMachineAlias({ stateMachineAliasArn: 'PROD' }))).toEqual([
      'InvalidArn',
      "Invalid Arn: 'Invalid ARN prefix: PROD'",
    ]);
  });
});

describe('UpdateStateMachineAlias', () => {
  beforeEach(async () => {
    await create('PROD', [route(1, 100)], 'production');
  });

  it('updates the description, then the routing, each with a new update date', async () => {
    ctx.advance(1000);
    expect(await ops.UpdateStateMachineAlias({ stateMachineAliasArn: PROD, description: 'new' })).toEqual({
      updateDate: 1704067201,
    });
    ctx.advance(1000);
    const routing = [route(1, 50), route(2, 50)];
    expect(await ops.UpdateStateMachineAlias({ stateMachineAliasArn: PROD, routingConfiguration: routing })).toEqual({
      updateDate: 1704067202,
    });
    expect(await ops.DescribeStateMachineAlias({ stateMachineAliasArn: PROD })).toEqual({
      stateMachineAliasArn: PROD,
      name: 'PROD',
      description: 'new',
      routingConfiguration: routing,
      creationDate: 1704067200,
      updateDate: 1704067202,
    });
    ctx.advance(1000);
    expect(await ops.UpdateStateMachineAlias({ stateMachineAliasArn: PROD, routingConfiguration: routing })).toEqual({
      updateDate: 1704067202,
    });
  });

  it('needs something to update, routes of its own state machine, and an alias that exists', async () => {
    expect(await failureOf(ops.UpdateStateMachineAlias({ stateMachineAliasArn: PROD }))).toEqual({
      code: 'ValidationException',
      message: 'Either the description or the RoutingConfiguration must be specified',
      status: 400,
      members: { reason: 'MISSING_REQUIRED_PARAMETER' },
    });
    const foreign = { stateMachineAliasArn: PROD, routingConfiguration: [route(1, 100, OTHER)] };
    expect(await codeAndMessage(ops.UpdateStateMachineAlias(foreign))).toEqual([
      'ValidationException',
      `Routing configuration must contain versions of the same state machine. Received: [${OTHER}:1]`,
    ]);
    const missing = { stateMachineAliasArn: `${ARN}:GONE`, description: 'x' };
    expect(await codeAndMessage(ops.UpdateStateMachineAlias(missing))).toEqual([
      'ResourceNotFound',
      'Request references a resource that does not exist.',
    ]);
  });
});

describe('DeleteStateMachineAlias and ListStateMachineAliases', () => {
  it('lists oldest first, page by page, deletes idempotently', async () => {
    for (const name of ['b-first', 'a-second', 'c-third']) {
      await create(name, [route(1, 100)]);
      ctx.advance(1000);
    }
    expect(await ops.ListStateMachineAliases({ stateMachineArn: ARN })).toEqual({
      stateMachineAliases: [
        { stateMachineAliasArn: `${ARN}:b-first`, creationDate: 1704067200 },
        { stateMachineAliasArn: `${ARN}:a-second`, creationDate: 1704067201 },
        { stateMachineAliasArn: `${ARN}:c-third`, creationDate: 1704067202 },
      ],
    });
    const page1 = await ops.ListStateMachineAliases({ stateMachineArn: ARN, maxResults: 2 });
    expect(page1.stateMachineAliases).toHaveLength(2);
    const page2 = await ops.ListStateMachineAliases({
      stateMachineArn: ARN,
      maxResults: 2,
      nextToken: page1.nextToken,
    });
    expect(page2).toEqual({
      stateMachineAliases: [{ stateMachineAliasArn: `${ARN}:c-third`, creationDate: 1704067202 }],
    });
    expect(
      await codeAndMessage(ops.ListStateMachineAliases({ stateMachineArn: ARN, nextToken: 'InvalidToken' })),
    ).toEqual(['InvalidToken', "Invalid Token: 'Invalid token'"]);

    expect(await ops.DeleteStateMachineAlias({ stateMachineAliasArn: `${ARN}:a-second` })).toEqual({});
    expect(await ops.DeleteStateMachineAlias({ stateMachineAliasArn: `${ARN}:a-second` })).toEqual({});
    const names = (await ops.ListStateMachineAliases({ stateMachineArn: ARN })).stateMachineAliases as {
      stateMachineAliasArn: string;
    }[];
    expect(names.map((a) => a.stateMachineAliasArn)).toEqual([`${ARN}:b-first`, `${ARN}:c-third`]);
    expect(await codeAndMessage(ops.DeleteStateMachineAlias({ stateMachineAliasArn: `${ARN}:1` }))).toEqual([
      'InvalidArn',
      `Invalid Arn: 'Invalid ARN: ${ARN}:1'`,
    ]);
  });

  it('lists the aliases routing to a version ARN; refuses unknown state machines and versions, and alias ARNs', async () => {
    await create('one', [route(1, 100)]);
    await create('both', [route(1, 50), route(2, 50)]);
    await create('two', [route(2, 100)]);
    const listed = await ops.ListStateMachineAliases({ stateMachineArn: `${ARN}:2` });
    expect(
      (listed.stateMachineAliases as { stateMachineAliasArn: string }[]).map((a) => a.stateMachineAliasArn),
    ).toEqual([`${ARN}:both`, `${ARN}:two`]);
    expect(await ops.ListStateMachineAliases({ stateMachineArn: OTHER })).toEqual({ stateMachineAliases: [] });
    for (const missing of [`${ARN}x`, `${ARN}:9`]) {
      expect(await codeAndMessage(ops.ListStateMachineAliases({ stateMachineArn: missing }))).toEqual([
        'StateMachineDoesNotExist',
        `State Machine Does Not Exist: '${missing}'`,
      ]);
    }
    expect(await codeAndMessage(ops.ListStateMachineAliases({ stateMachineArn: `${ARN}:one` }))).toEqual([
      'InvalidArn',
      `Invalid Arn: 'Invalid ARN: ${ARN}:one'`,
    ]);
  });
});

describe('versions, state machines and tags with aliases', () => {
  it('refuses to delete a version an alias routes to, naming the aliases', async () => {
    await create('PROD', [route(1, 100)]);
    ctx.advance(1000);
    await create('BETA', [route(1, 90), route(2, 10)]);
    expect(await failureOf(ops.DeleteStateMachineVersion({ stateMachineVersionArn: `${ARN}:1` }))).toEqual({
      code: 'ConflictException',
      message:
        'Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [PROD, BETA]',
      status: 409,
      members: {},
    });
    await ops.UpdateStateMachineAlias({ stateMachineAliasArn: PROD, routingConfiguration: [route(3, 100)] });
    await ops.DeleteStateMachineAlias({ stateMachineAliasArn: `${ARN}:BETA` });
    expect(await ops.DeleteStateMachineVersion({ stateMachineVersionArn: `${ARN}:1` })).toEqual({});
  });

  it('deletes the aliases with their state machine', async () => {
    await create('PROD', [route(1, 100)]);
    await ops.DeleteStateMachine({ stateMachineArn: ARN });
    await ops.CreateStateMachine({ name: 'Machine', definition: definition('R1'), roleArn: ROLE });
    expect(await codeAndMessage(ops.DescribeStateMachineAlias({ stateMachineAliasArn: PROD }))).toEqual([
      'ResourceNotFound',
      'Request references a resource that does not exist.',
    ]);
    expect(await ops.ListStateMachineAliases({ stateMachineArn: ARN })).toEqual({ stateMachineAliases: [] });
  });

  it('carries no tags: ResourceNotFound, as for versions', async () => {
    await create('PROD', [route(1, 100)]);
    for (const call of [
      ops.TagResource({ resourceArn: PROD, tags: [{ key: 'k', value: 'v' }] }),
      ops.ListTagsForResource({ resourceArn: PROD }),
      ops.UntagResource({ resourceArn: PROD, tagKeys: ['k'] }),
    ]) {
      expect(await failureOf(call)).toEqual({
        code: 'ResourceNotFound',
        message: `Resource not found: '${PROD}'`,
        status: 400,
        members: { resourceName: PROD },
      });
    }
  });
});

describe('executions through an alias', () => {
  beforeEach(async () => {
    await create('PROD', [route(1, 30), route(2, 70)]);
  });

  const start = async (stateMachineArn: string, name: string, draw: number) => {
    ctx.random = () => draw;
    return (await ops.StartExecution({ stateMachineArn, name })).executionArn as string;
  };

  it('runs the version the weights pick, and records the alias and the version', async () => {
    const first = await start(PROD, 'first', 0.29);
    const second = await start(PROD, 'second', 0.3);
    expect(await ops.DescribeExecution({ executionArn: first })).toMatchObject({
      stateMachineArn: ARN,
      stateMachineVersionArn: `${ARN}:1`,
      stateMachineAliasArn: PROD,
    });
    expect(await ops.DescribeExecution({ executionArn: second })).toMatchObject({
      stateMachineVersionArn: `${ARN}:2`,
      stateMachineAliasArn: PROD,
    });
    expect((await ops.DescribeStateMachineForExecution({ executionArn: second })).definition).toBe(definition('R2'));
  });

  it('lists the executions of the state machine, of a version, or of an alias', async () => {
    await start(PROD, 'via-alias', 0.9);
    ctx.advance(1000);
    await start(`${ARN}:2`, 'via-version', 0.9);
    ctx.advance(1000);
    await start(ARN, 'unqualified', 0.9);
    const names = async (stateMachineArn: string) => {
      const { executions } = await ops.ListExecutions({ stateMachineArn });
      return (executions as { name: string }[]).map((e) => e.name);
    };
    expect(await names(ARN)).toEqual(['unqualified', 'via-version', 'via-alias']);
    expect(await names(`${ARN}:2`)).toEqual(['via-version', 'via-alias']);
    expect(await names(PROD)).toEqual(['via-alias']);
    expect(await names(`${ARN}:1`)).toEqual([]);
    const { executions } = await ops.ListExecutions({ stateMachineArn: PROD });
    expect(executions).toEqual([
      {
        executionArn: 'arn:aws:states:us-east-1:123456789012:execution:Machine:via-alias',
        stateMachineArn: ARN,
        name: 'via-alias',
        status: 'RUNNING',
        startDate: 1704067200,
        stateMachineVersionArn: `${ARN}:2`,
        stateMachineAliasArn: PROD,
        // AWS lists every execution with its redrive count (LocalStack's recordings since 2024).
        redriveCount: 0,
      },
    ]);
  });

  it('runs the routed version of an Express state machine with StartSyncExecution', async () => {
    const express = 'arn:aws:states:us-east-1:123456789012:stateMachine:Fast';
    const pass = (result: string) =>
      JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Result: result, End: true } } });
    await ops.CreateStateMachine({
      name: 'Fast',
      definition: pass('v1'),
      roleArn: ROLE,
      type: 'EXPRESS',
      publish: true,
    });
    await ops.UpdateStateMachine({ stateMachineArn: express, definition: pass('v2'), publish: true });
    await ops.CreateStateMachineAlias({
      name: 'LIVE',
      routingConfiguration: [route(1, 0, express), route(2, 100, express)],
    });
    const result = await ops.StartSyncExecution({ stateMachineArn: `${express}:LIVE` });
    expect(result).toMatchObject({ stateMachineArn: express, status: 'SUCCEEDED', output: '"v2"' });
  });

  it('answers StateMachineDoesNotExist for an alias that does not exist', async () => {
    const missing = `${ARN}:GONE`;
    for (const call of [
      ops.StartExecution({ stateMachineArn: missing }),
      ops.ListExecutions({ stateMachineArn: missing }),
    ]) {
      expect(await codeAndMessage(call)).toEqual([
        'StateMachineDoesNotExist',
        `State Machine Does Not Exist: '${missing}'`,
      ]);
    }
  });
});
