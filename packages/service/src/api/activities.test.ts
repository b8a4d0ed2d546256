import { beforeEach, describe, expect, it } from 'vitest';
import { failureOf, type TestContext, testContext } from '../test-support.js';
import { activityOperations } from './activities.js';
import type { Operation } from './context.js';

const arnOf = (name: string) => `arn:aws:states:us-east-1:123456789012:activity:${name}`;

let ctx: TestContext;
let ops: Record<string, Operation>;

beforeEach(() => {
  ctx = testContext();
  ops = activityOperations(ctx);
});

describe('activities', () => {
  it('creates idempotently, describes, and deletes twice', async () => {
    const created = await ops.CreateActivity({ name: 'work', tags: [{ key: 'team', value: 'a' }] });
    expect(created).toEqual({ activityArn: arnOf('work'), creationDate: 1704067200 });
    ctx.advance(1000);
    expect(await ops.CreateActivity({ name: 'work', tags: [{ key: 'other', value: 'b' }] })).toEqual(created);
    expect(await ctx.store.getTags(arnOf('work'))).toEqual({ team: 'a' });
    expect(await ops.DescribeActivity({ activityArn: arnOf('work') })).toEqual({
      activityArn: arnOf('work'),
      name: 'work',
      creationDate: 1704067200,
      encryptionConfiguration: { type: 'AWS_OWNED_KEY' },
    });
    expect(await ops.DeleteActivity({ activityArn: arnOf('work') })).toEqual({});
    expect(await ops.DeleteActivity({ activityArn: arnOf('work') })).toEqual({});
    expect(await failureOf(ops.DescribeActivity({ activityArn: arnOf('work') }))).toEqual({
      code: 'ActivityDoesNotExist',
      message: `Activity Does Not Exist: '${arnOf('work')}'`,
      status: 400,
      members: {},
    });
  });

  it('lists in ARN order, page by page', async () => {
    for (const name of ['b', 'a', 'c']) await ops.CreateActivity({ name });
    const page1 = await ops.ListActivities({ maxResults: 2 });
    expect(page1.activities).toEqual([
      { activityArn: arnOf('a'), name: 'a', creationDate: 1704067200 },
      { activityArn: arnOf('b'), name: 'b', creationDate: 1704067200 },
    ]);
    const page2 = await ops.ListActivities({ maxResults: 2, nextToken: page1.nextToken });
    expect(page2).toEqual({ activities: [{ activityArn: arnOf('c'), name: 'c', creationDate: 1704067200 }] });
  });

  it("answers AWS's errors", async () => {
    expect(await failureOf(ops.CreateActivity({ name: 'TestActivity InvalidName$' }))).toMatchObject({
      code: 'InvalidName',
      message: "Invalid Name: 'TestActivity InvalidName$'",
    });
    expect(await failureOf(ops.DescribeActivity({ activityArn: 'no_an_activity_arn' }))).toMatchObject({
      code: 'InvalidArn',
      message: "Invalid Arn: 'Invalid ARN prefix: no_an_activity_arn'",
    });
    const machine = 'arn:aws:states:us-east-1:123456789012:stateMachine:m';
    expect(await failureOf(ops.DescribeActivity({ activityArn: machine }))).toMatchObject({
      code: 'InvalidArn',
      message: "Invalid Arn: 'Resource type not valid in this context: stateMachine'",
    });
    expect(await failureOf(ops.CreateActivity({}))).toMatchObject({
      code: 'ValidationException',
      message:
        "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    });
    expect(
      await failureOf(
        ops.CreateActivity({ name: 'kms', encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY' } }),
      ),
    ).toMatchObject({ code: 'InvalidEncryptionConfiguration' });
  });
});
