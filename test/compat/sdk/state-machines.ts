/**
 * State machines and their versions through the SDK: Create (idempotent repeat and its errors), Describe, Update,
 * Delete, List, Publish/List/Delete versions, DescribeStateMachineForExecution.
 */
import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DeleteStateMachineVersionCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  ListStateMachinesCommand,
  ListStateMachineVersionsCommand,
  PublishStateMachineVersionCommand,
  StartExecutionCommand,
  UpdateStateMachineCommand,
} from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { ARN_PREFIX, failureOf, ROLE_ARN } from '../support/sdk-client.js';
import { passChain, type SdkSuiteContext, WAIT_AN_HOUR } from './context.js';

/** Describes the state machine and version operations against `ctx`'s server. */
export function describeStateMachines(ctx: SdkSuiteContext): void {
  const create = (name: string, definition: string, extra: { publish?: boolean; versionDescription?: string } = {}) =>
    ctx.sfn.send(new CreateStateMachineCommand({ name, definition, roleArn: ROLE_ARN, ...extra }));

  describe('CreateStateMachine', () => {
    it('creates a state machine, and returns it again for the same request', async () => {
      const definition = passChain('One');
      const created = await create('orders', definition);
      expect(created.stateMachineArn).toBe(`${ARN_PREFIX}:stateMachine:orders`);
      expect(created.creationDate).toBeInstanceOf(Date);
      expect(created.stateMachineVersionArn).toBeUndefined();
      const again = await create('orders', definition);
      expect(again).toMatchObject({ stateMachineArn: created.stateMachineArn, creationDate: created.creationDate });
    });

    it('refuses the same name with another definition: StateMachineAlreadyExists', async () => {
      await create('taken', passChain('One'));
      expect(await failureOf(create('taken', passChain('Two')))).toEqual({
        name: 'StateMachineAlreadyExists',
        message: `State Machine Already Exists: '${ARN_PREFIX}:stateMachine:taken'`,
        status: 400,
      });
    });

    it('refuses an invalid definition with AWS diagnostics: InvalidDefinition', async () => {
      const noStates = JSON.stringify({ StartAt: 'A' });
      expect(await failureOf(create('broken', noStates))).toMatchObject({
        name: 'InvalidDefinition',
        message:
          "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /'",
      });
    });

    it('refuses a name with a forbidden character: InvalidName', async () => {
      expect(await failureOf(create('two words', passChain('One')))).toMatchObject({
        name: 'InvalidName',
        message: "Invalid Name: 'two words'",
      });
    });

    it('refuses a version description without publish: ValidationException', async () => {
      expect(await failureOf(create('described', passChain('One'), { versionDescription: 'v1' }))).toMatchObject({
        name: 'ValidationException',
        message: 'Version description can only be set when publish is true',
      });
    });
  });

  describe('DescribeStateMachine', () => {
    it('returns the definition byte for byte and AWS defaults', async () => {
      const definition = '{\n  "StartAt": "A",\n  "States": { "A": { "Type": "Pass", "End": true } }\n}';
      const { stateMachineArn } = await create('verbatim', definition);
      const described = await ctx.sfn.send(new DescribeStateMachineCommand({ stateMachineArn }));
      expect(described).toMatchObject({
        stateMachineArn,
        name: 'verbatim',
        status: 'ACTIVE',
        definition,
        roleArn: ROLE_ARN,
        type: 'STANDARD',
        loggingConfiguration: { level: 'OFF', includeExecutionData: false },
        tracingConfiguration: { enabled: false },
        encryptionConfiguration: { type: 'AWS_OWNED_KEY' },
      });
      expect(described.revisionId).toBeUndefined();
      const metadata = await ctx.sfn.send(
        new DescribeStateMachineCommand({ stateMachineArn, includedData: 'METADATA_ONLY' }),
      );
      expect(metadata.definition).toBe('{}');
    });

    it('answers StateMachineDoesNotExist and InvalidArn', async () => {
      const missing = `${ARN_PREFIX}:stateMachine:missing`;
      expect(await failureOf(ctx.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: missing })))).toEqual({
        name: 'StateMachineDoesNotExist',
        message: `State Machine Does Not Exist: '${missing}'`,
        status: 400,
      });
      const execution = `${ARN_PREFIX}:execution:orders:run`;
      expect(
        await failureOf(ctx.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: execution }))),
      ).toMatchObject({
        name: 'InvalidArn',
        message: "Invalid Arn: 'Resource type not valid in this context: execution'",
      });
    });
  });

  describe('UpdateStateMachine', () => {
    it('makes a new revision, publishes it as a version, and keeps running executions on theirs', async () => {
      const first = passChain('First');
      const { stateMachineArn } = await create('evolving', first);
      const { executionArn } = await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn }));
      const second = passChain('Second');
      const updated = await ctx.sfn.send(
        new UpdateStateMachineCommand({ stateMachineArn, definition: second, publish: true }),
      );
      expect(updated.updateDate).toBeInstanceOf(Date);
      expect(updated.revisionId).toMatch(/^[0-9a-f-]{36}$/);
      expect(updated.stateMachineVersionArn).toBe(`${stateMachineArn}:1`);
      const described = await ctx.sfn.send(new DescribeStateMachineCommand({ stateMachineArn }));
      expect(described).toMatchObject({ definition: second, revisionId: updated.revisionId });

      const forExecution = await ctx.sfn.send(new DescribeStateMachineForExecutionCommand({ executionArn }));
      expect(forExecution).toMatchObject({ stateMachineArn, name: 'evolving', definition: first, roleArn: ROLE_ARN });
      expect(forExecution.updateDate).toBeInstanceOf(Date);
    });

    it('needs something to update: MissingRequiredParameter; an unknown ARN: StateMachineDoesNotExist', async () => {
      const { stateMachineArn } = await create('unchanged', passChain('One'));
      expect(await failureOf(ctx.sfn.send(new UpdateStateMachineCommand({ stateMachineArn })))).toMatchObject({
        name: 'MissingRequiredParameter',
        message:
          'Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified',
      });
      const missing = `${ARN_PREFIX}:stateMachine:never-created`;
      const update = new UpdateStateMachineCommand({ stateMachineArn: missing, definition: passChain('One') });
      expect(await failureOf(ctx.sfn.send(update))).toMatchObject({
        name: 'StateMachineDoesNotExist',
        message: `State Machine Does Not Exist: '${missing}'`,
      });
    });
  });

  describe('DeleteStateMachine', () => {
    it('deletes a state machine (and again without error), and refuses what is not an ARN', async () => {
      const { stateMachineArn } = await create('doomed', passChain('One'));
      await ctx.sfn.send(new DeleteStateMachineCommand({ stateMachineArn }));
      await ctx.sfn.send(new DeleteStateMachineCommand({ stateMachineArn }));
      expect(await failureOf(ctx.sfn.send(new DescribeStateMachineCommand({ stateMachineArn })))).toMatchObject({
        name: 'StateMachineDoesNotExist',
      });
      expect(await failureOf(ctx.sfn.send(new DeleteStateMachineCommand({ stateMachineArn: 'doomed' })))).toMatchObject(
        {
          name: 'InvalidArn',
          message: "Invalid Arn: 'Invalid ARN prefix: doomed'",
        },
      );
    });
  });

  describe('ListStateMachines', () => {
    it('lists page by page in ARN order, and refuses a page size over 1000', async () => {
      for (const name of ['list-c', 'list-a', 'list-b']) await create(name, passChain('One'));
      const names: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await ctx.sfn.send(new ListStateMachinesCommand({ maxResults: 2, nextToken }));
        expect(page.stateMachines!.length).toBeLessThanOrEqual(2);
        for (const machine of page.stateMachines!) {
          expect(machine).toMatchObject({
            stateMachineArn: `${ARN_PREFIX}:stateMachine:${machine.name}`,
            type: 'STANDARD',
          });
          expect(machine.creationDate).toBeInstanceOf(Date);
          names.push(machine.name!);
        }
        nextToken = page.nextToken;
      } while (nextToken);
      expect(names.filter((name) => name.startsWith('list-'))).toEqual(['list-a', 'list-b', 'list-c']);
      expect(await failureOf(ctx.sfn.send(new ListStateMachinesCommand({ maxResults: 1001 })))).toMatchObject({
        name: 'ValidationException',
        message:
          "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
      });
    });
  });

  describe('versions', () => {
    it('publishes versions, lists them newest first, and deletes one', async () => {
      const created = await create('versioned', passChain('One'), { publish: true, versionDescription: 'first' });
      const { stateMachineArn } = created;
      expect(created.stateMachineVersionArn).toBe(`${stateMachineArn}:1`);
      const samePublish = await ctx.sfn.send(new PublishStateMachineVersionCommand({ stateMachineArn }));
      expect(samePublish.stateMachineVersionArn).toBe(`${stateMachineArn}:1`);
      const { revisionId } = await ctx.sfn.send(
        new UpdateStateMachineCommand({ stateMachineArn, definition: passChain('Two') }),
      );
      const published = await ctx.sfn.send(
        new PublishStateMachineVersionCommand({ stateMachineArn, revisionId, description: 'second' }),
      );
      expect(published.stateMachineVersionArn).toBe(`${stateMachineArn}:2`);
      expect(published.creationDate).toBeInstanceOf(Date);
      const version = await ctx.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: `${stateMachineArn}:1` }));
      expect(version).toMatchObject({
        stateMachineArn: `${stateMachineArn}:1`,
        definition: passChain('One'),
        description: 'first',
      });

      const listed = await ctx.sfn.send(new ListStateMachineVersionsCommand({ stateMachineArn }));
      expect(listed.stateMachineVersions!.map((v) => v.stateMachineVersionArn)).toEqual([
        `${stateMachineArn}:2`,
        `${stateMachineArn}:1`,
      ]);
      await ctx.sfn.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: `${stateMachineArn}:1` }));
      const after = await ctx.sfn.send(new ListStateMachineVersionsCommand({ stateMachineArn }));
      expect(after.stateMachineVersions!.map((v) => v.stateMachineVersionArn)).toEqual([`${stateMachineArn}:2`]);
    });

    it('refuses a stale revision (ConflictException, 409), unknown machines and bad ARNs', async () => {
      const { stateMachineArn } = await create('guarded', passChain('One'));
      const stale = new PublishStateMachineVersionCommand({ stateMachineArn, revisionId: 'not-the-revision' });
      expect(await failureOf(ctx.sfn.send(stale))).toEqual({
        name: 'ConflictException',
        message:
          'Failed to publish the State Machine version for revision not-the-revision. The current State Machine revision is INITIAL.',
        status: 409,
      });
      const missing = `${ARN_PREFIX}:stateMachine:unpublished`;
      expect(
        await failureOf(ctx.sfn.send(new PublishStateMachineVersionCommand({ stateMachineArn: missing }))),
      ).toEqual({
        name: 'StateMachineDoesNotExist',
        message: `State Machine Does Not Exist: '${missing}'`,
        status: 400,
      });
      const listBad = new ListStateMachineVersionsCommand({ stateMachineArn: 'guarded' });
      expect(await failureOf(ctx.sfn.send(listBad))).toMatchObject({
        name: 'InvalidArn',
        message: "Invalid Arn: 'Invalid ARN prefix: guarded'",
      });
      const deleteBad = new DeleteStateMachineVersionCommand({ stateMachineVersionArn: 'guarded:1' });
      expect(await failureOf(ctx.sfn.send(deleteBad))).toMatchObject({
        name: 'InvalidArn',
        message: "Invalid Arn: 'Invalid ARN prefix: guarded:1'",
      });
    });
  });

  describe('DescribeStateMachineForExecution', () => {
    it('answers ExecutionDoesNotExist for an unknown execution', async () => {
      await create('pinned', WAIT_AN_HOUR);
      const missing = `${ARN_PREFIX}:execution:pinned:missing`;
      const describeMissing = new DescribeStateMachineForExecutionCommand({ executionArn: missing });
      expect(await failureOf(ctx.sfn.send(describeMissing))).toEqual({
        name: 'ExecutionDoesNotExist',
        message: `Execution Does Not Exist: '${missing}'`,
        status: 400,
      });
    });
  });
}
