import { beforeEach, describe, expect, it } from 'vitest';
import type { ExecutionRow } from '../store/records.js';
import { failureOf, type TestContext, testContext } from '../test-support.js';
import type { Operation } from './context.js';
import { stateMachineOperations } from './state-machines.js';

const ROLE = 'arn:aws:iam::123456789012:role/sfn';
const ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:Machine';
const EXECUTION = 'arn:aws:states:us-east-1:123456789012:execution:Machine:run';
const V1 = '{"StartAt":"One","States":{"One":{"Type":"Succeed"}}}';
const V2 = '{"StartAt":"Two","States":{"Two":{"Type":"Succeed"}}}';

let ctx: TestContext;
let ops: Record<string, Operation>;

beforeEach(async () => {
  ctx = testContext();
  ops = stateMachineOperations(ctx);
  await ops.CreateStateMachine({ name: 'Machine', definition: V1, roleArn: ROLE });
});

function execution(row: Partial<ExecutionRow> = {}): ExecutionRow {
  return {
    executionArn: EXECUTION,
    stateMachineArn: ARN,
    name: 'run',
    status: 'RUNNING',
    startDate: ctx.clock(),
    inputText: '{}',
    definition: V1,
    record: '{}',
    version: 0,
    ...row,
  };
}

describe('DescribeStateMachine', () => {
  it('describes a version with its own ARN, definition, description and revision', async () => {
    ctx.advance(1000);
    const { revisionId } = await ops.UpdateStateMachine({ stateMachineArn: ARN, definition: V2 });
    await ops.PublishStateMachineVersion({ stateMachineArn: ARN, description: 'second' });
    await ops.UpdateStateMachine({ stateMachineArn: ARN, definition: V1 });
    expect(await ops.DescribeStateMachine({ stateMachineArn: `${ARN}:1` })).toEqual({
      stateMachineArn: `${ARN}:1`,
      name: 'Machine',
      status: 'ACTIVE',
      definition: V2,
      roleArn: ROLE,
      type: 'STANDARD',
      creationDate: 1704067201,
      loggingConfiguration: { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: { enabled: false },
      revisionId,
      description: 'second',
      encryptionConfiguration: { type: 'AWS_OWNED_KEY' },
    });
  });

  it('returns {} as the definition with METADATA_ONLY', async () => {
    expect(await ops.DescribeStateMachine({ stateMachineArn: ARN, includedData: 'METADATA_ONLY' })).toMatchObject({
      definition: '{}',
    });
  });

  it("answers AWS's errors", async () => {
    expect(await failureOf(ops.DescribeStateMachine({ stateMachineArn: `${ARN}x` }))).toEqual({
      code: 'StateMachineDoesNotExist',
      message: `State Machine Does Not Exist: '${ARN}x'`,
      status: 400,
      members: {},
    });
    expect(await failureOf(ops.DescribeStateMachine({ stateMachineArn: `${ARN}:7` }))).toMatchObject({
      code: 'StateMachineDoesNotExist',
      message: `State Machine Does Not Exist: '${ARN}:7'`,
    });
    expect(await failureOf(ops.DescribeStateMachine({ stateMachineArn: 'not_a_valid_arn' }))).toMatchObject({
      code: 'InvalidArn',
      message: "Invalid Arn: 'Invalid ARN prefix: not_a_valid_arn'",
    });
    expect(await failureOf(ops.DescribeStateMachine({}))).toMatchObject({
      code: 'ValidationException',
      message:
        "1 validation error detected: Value null at 'stateMachineArn' failed to satisfy constraint: Member must not be null",
    });
  });
});

describe('DescribeStateMachineForExecution', () => {
  it("describes the execution's pinned definition, not the updated one", async () => {
    await ctx.store.insertExecution(execution(), []);
    ctx.advance(1000);
    await ops.UpdateStateMachine({ stateMachineArn: ARN, definition: V2 });
    expect(await ops.DescribeStateMachineForExecution({ executionArn: EXECUTION })).toEqual({
      stateMachineArn: ARN,
      name: 'Machine',
      definition: V1,
      roleArn: ROLE,
      updateDate: 1704067200,
      loggingConfiguration: { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: { enabled: false },
      encryptionConfiguration: { type: 'AWS_OWNED_KEY' },
    });
  });

  it('describes the revision of the version an execution started', async () => {
    ctx.advance(1000);
    const update = await ops.UpdateStateMachine({ stateMachineArn: ARN, definition: V2, publish: true });
    await ctx.store.insertExecution(
      execution({ definition: V2, stateMachineVersionArn: update.stateMachineVersionArn as string }),
      [],
    );
    expect(await ops.DescribeStateMachineForExecution({ executionArn: EXECUTION })).toMatchObject({
      stateMachineArn: ARN,
      definition: V2,
      revisionId: update.revisionId,
      updateDate: 1704067201,
    });
  });

  it("describes a Map Run child's item processor with its state machine's role, its Map Run and label", async () => {
    const mapRunArn = 'arn:aws:states:us-east-1:123456789012:mapRun:Machine/Fan:5d3c7a'; // shaped as AWS's
    const child = 'arn:aws:states:us-east-1:123456789012:execution:Machine/Fan:c1';
    await ctx.store.insertExecution(
      execution({ executionArn: child, name: 'c1', stateMachineArn: `${ARN}/Fan`, definition: V2, mapRunArn }),
      [],
    );
    expect(await ops.DescribeStateMachineForExecution({ executionArn: child })).toMatchObject({
      stateMachineArn: `${ARN}/Fan`,
      name: 'Machine',
      definition: V2,
      roleArn: ROLE,
      mapRunArn,
      label: 'Fan',
    });
  });

  it("answers AWS's errors", async () => {
    expect(await failureOf(ops.DescribeStateMachineForExecution({ executionArn: EXECUTION }))).toMatchObject({
      code: 'ExecutionDoesNotExist',
      message: `Execution Does Not Exist: '${EXECUTION}'`,
    });
    const express = 'arn:aws:states:us-east-1:123456789012:express:Machine:run:1';
    expect(await failureOf(ops.DescribeStateMachineForExecution({ executionArn: express }))).toMatchObject({
      code: 'InvalidArn',
      message: "Invalid Arn: 'Resource type not valid in this context: express'",
    });
  });
});
