import { beforeEach, describe, expect, it } from 'vitest';
import { failureOf, type TestContext, testContext } from '../test-support.js';
import type { Operation } from './context.js';
import { stateMachineOperations } from './state-machines.js';

const ROLE = 'arn:aws:iam::123456789012:role/sfn';
const ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:Machine';
const definition = (comment: string) =>
  JSON.stringify({ Comment: comment, StartAt: 'S', States: { S: { Type: 'Succeed' } } });

let ctx: TestContext;
let ops: Record<string, Operation>;

beforeEach(async () => {
  ctx = testContext();
  ops = stateMachineOperations(ctx);
  await ops.CreateStateMachine({ name: 'Machine', definition: definition('R0'), roleArn: ROLE });
});

describe('PublishStateMachineVersion', () => {
  it('publishes once per revision', async () => {
    const first = await ops.PublishStateMachineVersion({ stateMachineArn: ARN });
    expect(first).toEqual({ creationDate: 1704067200, stateMachineVersionArn: `${ARN}:1` });
    ctx.advance(1000);
    expect(await ops.PublishStateMachineVersion({ stateMachineArn: ARN })).toEqual(first);
    expect(await ops.ListStateMachineVersions({ stateMachineArn: ARN })).toEqual({
      stateMachineVersions: [{ stateMachineVersionArn: `${ARN}:1`, creationDate: 1704067200 }],
    });
  });

  it('never reuses a version number', async () => {
    await ops.PublishStateMachineVersion({ stateMachineArn: ARN });
    await ops.UpdateStateMachine({ stateMachineArn: ARN, definition: definition('R2'), publish: true });
    await ops.DeleteStateMachineVersion({ stateMachineVersionArn: `${ARN}:2` });
    expect((await ops.PublishStateMachineVersion({ stateMachineArn: ARN })).stateMachineVersionArn).toBe(`${ARN}:3`);
  });

  it('checks the expected revision, INITIAL before the first update', async () => {
    expect(
      (await ops.PublishStateMachineVersion({ stateMachineArn: ARN, revisionId: 'INITIAL' })).stateMachineVersionArn,
    ).toBe(`${ARN}:1`);
    const { revisionId: r2 } = await ops.UpdateStateMachine({ stateMachineArn: ARN, definition: definition('R2') });
    const { revisionId: r3 } = await ops.UpdateStateMachine({ stateMachineArn: ARN, definition: definition('R3') });
    expect(await failureOf(ops.PublishStateMachineVersion({ stateMachineArn: ARN, revisionId: r2 }))).toEqual({
      code: 'ConflictException',
      message: `Failed to publish the State Machine version for revision ${r2}. The current State Machine revision is ${r3}.`,
      status: 409,
      members: {},
    });
  });

  it("answers AWS's errors", async () => {
    const missing = `${ARN}x`;
    expect(await failureOf(ops.PublishStateMachineVersion({ stateMachineArn: missing }))).toMatchObject({
      code: 'StateMachineDoesNotExist',
      message: `State Machine Does Not Exist: '${missing}'`,
    });
    expect(await failureOf(ops.PublishStateMachineVersion({ stateMachineArn: 'invalid_arn' }))).toMatchObject({
      code: 'InvalidArn',
    });
  });
});

describe('ListStateMachineVersions and DeleteStateMachineVersion', () => {
  it('lists newest first, page by page, and deletes idempotently', async () => {
    for (let i = 1; i <= 3; i++) {
      await ops.UpdateStateMachine({ stateMachineArn: ARN, definition: definition(`R${i}`), publish: true });
    }
    const page1 = await ops.ListStateMachineVersions({ stateMachineArn: ARN, maxResults: 2 });
    expect(
      (page1.stateMachineVersions as { stateMachineVersionArn: string }[]).map((v) => v.stateMachineVersionArn),
    ).toEqual([`${ARN}:3`, `${ARN}:2`]);
    const page2 = await ops.ListStateMachineVersions({
      stateMachineArn: ARN,
      maxResults: 2,
      nextToken: page1.nextToken,
    });
    expect(page2).toEqual({ stateMachineVersions: [{ stateMachineVersionArn: `${ARN}:1`, creationDate: 1704067200 }] });
    expect(await failureOf(ops.ListStateMachines({ nextToken: page1.nextToken }))).toMatchObject({
      code: 'InvalidToken',
    });

    expect(await ops.DeleteStateMachineVersion({ stateMachineVersionArn: `${ARN}:1` })).toEqual({});
    expect(await ops.DeleteStateMachineVersion({ stateMachineVersionArn: `${ARN}:1` })).toEqual({});
    expect((await ops.ListStateMachineVersions({ stateMachineArn: ARN })).stateMachineVersions).toHaveLength(2);
  });

  it('refuses an unqualified ARN for DeleteStateMachineVersion', async () => {
    expect(await failureOf(ops.DeleteStateMachineVersion({ stateMachineVersionArn: ARN }))).toMatchObject({
      code: 'InvalidArn',
    });
  });
});
