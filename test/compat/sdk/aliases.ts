/**
 * State machine aliases through the SDK: Create (idempotent repeat, conflicts, routing errors), Describe, Update,
 * Delete, ListStateMachineAliases, executions started through an alias (DescribeExecution and ListExecutions name
 * it), and DeleteStateMachineVersion refused while an alias routes to the version.
 */
import {
  CreateStateMachineAliasCommand,
  CreateStateMachineCommand,
  DeleteStateMachineAliasCommand,
  DeleteStateMachineVersionCommand,
  DescribeExecutionCommand,
  DescribeStateMachineAliasCommand,
  ListExecutionsCommand,
  ListStateMachineAliasesCommand,
  type RoutingConfigurationListItem,
  StartExecutionCommand,
  UpdateStateMachineAliasCommand,
  UpdateStateMachineCommand,
} from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { ARN_PREFIX, eventually, failureOf, ROLE_ARN } from '../support/sdk-client.js';
import { passChain, type SdkSuiteContext } from './context.js';

/** Describes the alias operations against `ctx`'s server. */
export function describeAliases(ctx: SdkSuiteContext): void {
  /** A state machine `name` with versions 1 (`One`) and 2 (`Two`); returns its ARN. */
  const versioned = async (name: string) => {
    const created = await ctx.sfn.send(
      new CreateStateMachineCommand({ name, definition: passChain('One'), roleArn: ROLE_ARN, publish: true }),
    );
    const stateMachineArn = created.stateMachineArn!;
    await ctx.sfn.send(new UpdateStateMachineCommand({ stateMachineArn, definition: passChain('Two'), publish: true }));
    return stateMachineArn;
  };
  const createAlias = (name: string, routingConfiguration: RoutingConfigurationListItem[], description?: string) =>
    ctx.sfn.send(new CreateStateMachineAliasCommand({ name, routingConfiguration, description }));

  describe('CreateStateMachineAlias and DescribeStateMachineAlias', () => {
    it('creates an alias, returns it again for the same request, and describes it', async () => {
      const machine = await versioned('aliased');
      const routing = [{ stateMachineVersionArn: `${machine}:1`, weight: 100 }];
      const created = await createAlias('PROD', routing, 'production');
      expect(created.stateMachineAliasArn).toBe(`${machine}:PROD`);
      expect(created.creationDate).toBeInstanceOf(Date);
      expect(await createAlias('PROD', routing, 'production')).toMatchObject({ creationDate: created.creationDate });
      const described = await ctx.sfn.send(
        new DescribeStateMachineAliasCommand({ stateMachineAliasArn: created.stateMachineAliasArn }),
      );
      expect(described).toMatchObject({
        stateMachineAliasArn: `${machine}:PROD`,
        name: 'PROD',
        description: 'production',
        routingConfiguration: routing,
        creationDate: created.creationDate,
      });
    });

    it("answers AWS's conflict, routing and name errors", async () => {
      const machine = await versioned('alias-errors');
      const v1 = { stateMachineVersionArn: `${machine}:1`, weight: 100 };
      await createAlias('PROD', [v1], 'production');
      expect(await failureOf(createAlias('PROD', [v1], 'another'))).toEqual({
        name: 'ConflictException',
        message:
          'Failed to create alias because an alias with the same name and a different routing configuration already exists.',
        status: 409,
      });
      const uneven = [
        { stateMachineVersionArn: `${machine}:1`, weight: 70 },
        { stateMachineVersionArn: `${machine}:2`, weight: 29 },
      ];
      expect(await failureOf(createAlias('uneven', uneven))).toEqual({
        name: 'ValidationException',
        message: 'Sum of routing configuration weights must equal 100. Received: [70, 29]',
        status: 400,
      });
      expect(await failureOf(createAlias('unversioned', [{ stateMachineVersionArn: machine, weight: 100 }]))).toEqual({
        name: 'ValidationException',
        message: `Routing configuration must contain state machine version ARNs. Received: [${machine}]`,
        status: 400,
      });
      expect(await failureOf(createAlias('123', [v1]))).toEqual({
        name: 'ValidationException',
        message:
          "1 validation error detected: Value '123' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$",
        status: 400,
      });
      const describeMissing = new DescribeStateMachineAliasCommand({ stateMachineAliasArn: `${machine}:GONE` });
      expect(await failureOf(ctx.sfn.send(describeMissing))).toEqual({
        name: 'ResourceNotFound',
        message: 'Request references a resource that does not exist.',
        status: 400,
      });
    });
  });

  describe('UpdateStateMachineAlias, DeleteStateMachineAlias and ListStateMachineAliases', () => {
    it('updates, lists oldest first, and deletes (again without error)', async () => {
      const machine = await versioned('alias-lifecycle');
      const { stateMachineAliasArn } = await createAlias('first', [
        { stateMachineVersionArn: `${machine}:1`, weight: 100 },
      ]);
      await createAlias('second', [{ stateMachineVersionArn: `${machine}:2`, weight: 100 }]);
      const split = [
        { stateMachineVersionArn: `${machine}:1`, weight: 50 },
        { stateMachineVersionArn: `${machine}:2`, weight: 50 },
      ];
      const updated = await ctx.sfn.send(
        new UpdateStateMachineAliasCommand({ stateMachineAliasArn, description: 'split', routingConfiguration: split }),
      );
      expect(updated.updateDate).toBeInstanceOf(Date);
      const described = await ctx.sfn.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn }));
      expect(described).toMatchObject({ description: 'split', routingConfiguration: split });

      const listed = await ctx.sfn.send(new ListStateMachineAliasesCommand({ stateMachineArn: machine }));
      expect(listed.stateMachineAliases!.map((a) => a.stateMachineAliasArn)).toEqual([
        `${machine}:first`,
        `${machine}:second`,
      ]);
      const ofVersion = await ctx.sfn.send(new ListStateMachineAliasesCommand({ stateMachineArn: `${machine}:2` }));
      expect(ofVersion.stateMachineAliases).toHaveLength(2);

      await ctx.sfn.send(new DeleteStateMachineAliasCommand({ stateMachineAliasArn }));
      await ctx.sfn.send(new DeleteStateMachineAliasCommand({ stateMachineAliasArn }));
      const after = await ctx.sfn.send(new ListStateMachineAliasesCommand({ stateMachineArn: machine }));
      expect(after.stateMachineAliases!.map((a) => a.stateMachineAliasArn)).toEqual([`${machine}:second`]);
    });

    it('answers ResourceNotFound, StateMachineDoesNotExist and InvalidArn', async () => {
      const machine = await versioned('alias-missing');
      const update = new UpdateStateMachineAliasCommand({ stateMachineAliasArn: `${machine}:GONE`, description: 'x' });
      expect(await failureOf(ctx.sfn.send(update))).toEqual({
        name: 'ResourceNotFound',
        message: 'Request references a resource that does not exist.',
        status: 400,
      });
      const missing = `${ARN_PREFIX}:stateMachine:no-such-machine`;
      const list = new ListStateMachineAliasesCommand({ stateMachineArn: missing });
      expect(await failureOf(ctx.sfn.send(list))).toEqual({
        name: 'StateMachineDoesNotExist',
        message: `State Machine Does Not Exist: '${missing}'`,
        status: 400,
      });
      const deleteBad = new DeleteStateMachineAliasCommand({ stateMachineAliasArn: 'PROD' });
      expect(await failureOf(ctx.sfn.send(deleteBad))).toMatchObject({
        name: 'InvalidArn',
        message: "Invalid Arn: 'Invalid ARN prefix: PROD'",
      });
    });
  });

  describe('executions through an alias', () => {
    it('runs the routed version, names the alias and the version, and lists by alias', async () => {
      const machine = await versioned('alias-runs');
      const { stateMachineAliasArn } = await createAlias('LIVE', [
        { stateMachineVersionArn: `${machine}:2`, weight: 100 },
      ]);
      const started = await ctx.sfn.send(
        new StartExecutionCommand({ stateMachineArn: stateMachineAliasArn, name: 'via-alias', input: '{}' }),
      );
      expect(started.executionArn).toBe(`${ARN_PREFIX}:execution:alias-runs:via-alias`);
      const described = await eventually(
        () => ctx.sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn })),
        (execution) => execution.status !== 'RUNNING',
      );
      expect(described).toMatchObject({
        stateMachineArn: machine,
        stateMachineVersionArn: `${machine}:2`,
        stateMachineAliasArn,
        status: 'SUCCEEDED',
        output: '{"Two":1}',
      });
      await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn: machine, name: 'unqualified' }));
      const listed = await ctx.sfn.send(new ListExecutionsCommand({ stateMachineArn: stateMachineAliasArn }));
      expect(listed.executions!.map((e) => [e.name, e.stateMachineAliasArn, e.stateMachineVersionArn])).toEqual([
        ['via-alias', stateMachineAliasArn, `${machine}:2`],
      ]);
    });

    it('refuses to delete a version an alias routes to: ConflictException', async () => {
      const machine = await versioned('alias-pinned');
      await createAlias('PINNED', [{ stateMachineVersionArn: `${machine}:1`, weight: 100 }]);
      const deleteVersion = new DeleteStateMachineVersionCommand({ stateMachineVersionArn: `${machine}:1` });
      expect(await failureOf(ctx.sfn.send(deleteVersion))).toEqual({
        name: 'ConflictException',
        message:
          'Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [PINNED]',
        status: 409,
      });
    });
  });
}
