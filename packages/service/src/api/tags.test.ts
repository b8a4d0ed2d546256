import { beforeEach, describe, expect, it } from 'vitest';
import { failureOf, testContext } from '../test-support.js';
import { activityOperations } from './activities.js';
import type { Operation } from './context.js';
import { stateMachineOperations } from './state-machines.js';
import { tagOperations } from './tags.js';

const MACHINE = 'arn:aws:states:us-east-1:123456789012:stateMachine:Machine';
const ACTIVITY = 'arn:aws:states:us-east-1:123456789012:activity:work';

let ops: Record<string, Operation>;

beforeEach(async () => {
  const ctx = testContext();
  ops = { ...stateMachineOperations(ctx), ...activityOperations(ctx), ...tagOperations(ctx) };
  await ops.CreateStateMachine({
    name: 'Machine',
    definition: '{"StartAt":"S","States":{"S":{"Type":"Succeed"}}}',
    roleArn: 'arn:aws:iam::123456789012:role/r',
    publish: true,
  });
  await ops.CreateActivity({ name: 'work' });
});

describe('tagging', () => {
  it('tags, lists and untags state machines and activities', async () => {
    for (const resourceArn of [MACHINE, ACTIVITY]) {
      expect(
        await ops.TagResource({
          resourceArn,
          tags: [
            { key: 'key1', value: 'value1' },
            { key: 'key2', value: '' },
          ],
        }),
      ).toEqual({});
      expect(await ops.TagResource({ resourceArn, tags: [{ key: 'key2', value: 'value2' }] })).toEqual({});
      expect(await ops.ListTagsForResource({ resourceArn })).toEqual({
        tags: [
          { key: 'key1', value: 'value1' },
          { key: 'key2', value: 'value2' },
        ],
      });
      expect(await ops.UntagResource({ resourceArn, tagKeys: ['key2', 'absent'] })).toEqual({});
      expect(await ops.ListTagsForResource({ resourceArn })).toEqual({ tags: [{ key: 'key1', value: 'value1' }] });
    }
  });

  it('accepts an empty tag list', async () => {
    expect(await ops.TagResource({ resourceArn: MACHINE, tags: [] })).toEqual({});
    expect(await ops.ListTagsForResource({ resourceArn: MACHINE })).toEqual({ tags: [] });
  });

  it('refuses versions and missing resources with ResourceNotFound', async () => {
    for (const resourceArn of [`${MACHINE}:1`, `${MACHINE}x`, `${ACTIVITY}x`]) {
      expect(await failureOf(ops.TagResource({ resourceArn, tags: [{ key: 'k', value: 'v' }] }))).toEqual({
        code: 'ResourceNotFound',
        message: `Resource not found: '${resourceArn}'`,
        status: 400,
        members: { resourceName: resourceArn },
      });
    }
    expect(await failureOf(ops.ListTagsForResource({ resourceArn: 'nope' }))).toMatchObject({
      code: 'InvalidArn',
      message: "Invalid Arn: 'Invalid ARN prefix: nope'",
    });
  });

  it('refuses more than 50 tags in all', async () => {
    const tags = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({ key: `k${from + i}`, value: 'v' }));
    await ops.TagResource({ resourceArn: MACHINE, tags: tags(0, 40) });
    await ops.TagResource({ resourceArn: MACHINE, tags: tags(30, 20) });
    expect(await failureOf(ops.TagResource({ resourceArn: MACHINE, tags: tags(50, 1) }))).toMatchObject({
      code: 'TooManyTags',
      members: { resourceName: MACHINE },
    });
  });

  it('validates the request as AWS does', async () => {
    expect(await failureOf(ops.TagResource({ resourceArn: MACHINE }))).toMatchObject({
      code: 'ValidationException',
      message:
        "1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null",
    });
    expect(
      await failureOf(ops.TagResource({ resourceArn: MACHINE, tags: [{ key: 'k', value: 'v'.repeat(257) }] })),
    ).toMatchObject({
      message: `1 validation error detected: Value '${'v'.repeat(257)}' at 'tags.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 256`,
    });
  });
});
