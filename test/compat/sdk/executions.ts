/**
 * Executions through the SDK: StartExecution (idempotency and its errors), StartSyncExecution of Express state
 * machines, DescribeExecution, ListExecutions, StopExecution and GetExecutionHistory (pages, reverse order, no data).
 */
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  ListExecutionsCommand,
  RedriveExecutionCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { ARN_PREFIX, eventually, failureOf, ROLE_ARN } from '../support/sdk-client.js';
import { passChain, type SdkSuiteContext, WAIT_AN_HOUR } from './context.js';

/** Describes the execution operations against `ctx`'s server. */
export function describeExecutions(ctx: SdkSuiteContext): void {
  const create = async (name: string, definition: string, type: 'STANDARD' | 'EXPRESS' = 'STANDARD') => {
    const created = await ctx.sfn.send(new CreateStateMachineCommand({ name, definition, roleArn: ROLE_ARN, type }));
    return created.stateMachineArn!;
  };
  const settled = (executionArn: string): Promise<DescribeExecutionCommandOutput> =>
    eventually(
      () => ctx.sfn.send(new DescribeExecutionCommand({ executionArn })),
      (described) => described.status !== 'RUNNING',
    );

  describe('StartExecution and DescribeExecution', () => {
    it('runs a Standard execution to its output', async () => {
      const stateMachineArn = await create('run-chain', passChain('One', 'Two'));
      const started = await ctx.sfn.send(
        new StartExecutionCommand({ stateMachineArn, name: 'first', input: '{"order":7}' }),
      );
      expect(started.executionArn).toBe(`${ARN_PREFIX}:execution:run-chain:first`);
      expect(started.startDate).toBeInstanceOf(Date);
      const described = await settled(started.executionArn!);
      expect(described).toMatchObject({
        executionArn: started.executionArn,
        stateMachineArn,
        name: 'first',
        status: 'SUCCEEDED',
        input: '{"order":7}',
        inputDetails: { included: true },
        output: '{"order":7,"One":1,"Two":2}',
        outputDetails: { included: true },
        redriveCount: 0,
        redriveStatus: 'NOT_REDRIVABLE',
        redriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven',
      });
      expect(described.stopDate!.getTime()).toBeGreaterThanOrEqual(described.startDate!.getTime());
    });

    it('returns the running execution for the same name and input, else ExecutionAlreadyExists', async () => {
      const stateMachineArn = await create('run-idempotent', WAIT_AN_HOUR);
      const start = (input: string) =>
        ctx.sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'once', input }));
      const first = await start('{"a":1}');
      const again = await start('{"a":1}');
      expect(again.executionArn).toBe(first.executionArn);
      expect(again.startDate).toEqual(first.startDate);
      expect(await failureOf(start('{"a":2}'))).toEqual({
        name: 'ExecutionAlreadyExists',
        message: `Execution Already Exists: '${ARN_PREFIX}:execution:run-idempotent:once'`,
        status: 400,
      });
    });

    it('refuses input that is not JSON text: InvalidExecutionInput', async () => {
      const stateMachineArn = await create('run-bad-input', passChain('One'));
      const start = (input: string) => ctx.sfn.send(new StartExecutionCommand({ stateMachineArn, input }));
      expect(await failureOf(start(''))).toMatchObject({
        name: 'InvalidExecutionInput',
        message: "Invalid State Machine Execution Input: 'Invalid execution input.'",
      });
      expect(await failureOf(start('not some json'))).toMatchObject({
        name: 'InvalidExecutionInput',
        message:
          "Invalid State Machine Execution Input: 'Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')'",
      });
      expect(await failureOf(start("{'not': 'json'"))).toMatchObject({
        name: 'InvalidExecutionInput',
        message:
          "Invalid State Machine Execution Input: 'Unexpected character (''' (code 39)): was expecting double-quote to start field name'",
      });
    });

    it('refuses bad names and unknown state machines', async () => {
      const stateMachineArn = await create('run-names', passChain('One'));
      expect(await failureOf(ctx.sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'a/b' })))).toMatchObject({
        name: 'InvalidName',
        message: "Invalid Name: 'a/b'",
      });
      const missing = `${ARN_PREFIX}:stateMachine:run-missing`;
      expect(await failureOf(ctx.sfn.send(new StartExecutionCommand({ stateMachineArn: missing })))).toMatchObject({
        name: 'StateMachineDoesNotExist',
        message: `State Machine Does Not Exist: '${missing}'`,
      });
    });

    it('answers ExecutionDoesNotExist, and InvalidArn for an Express execution', async () => {
      const missing = `${ARN_PREFIX}:execution:run-chain:missing`;
      expect(await failureOf(ctx.sfn.send(new DescribeExecutionCommand({ executionArn: missing })))).toEqual({
        name: 'ExecutionDoesNotExist',
        message: `Execution Does Not Exist: '${missing}'`,
        status: 400,
      });
      const express = `${ARN_PREFIX}:express:fast:run:0f6ab8f6-56a2-4cf4-8f6b-b5e2a3c4d5e6`;
      expect(await failureOf(ctx.sfn.send(new DescribeExecutionCommand({ executionArn: express })))).toMatchObject({
        name: 'InvalidArn',
        message: "Invalid Arn: 'Resource type not valid in this context: express'",
      });
    });
  });

  describe('StartSyncExecution', () => {
    it('runs an Express execution and answers with its output and billing', async () => {
      const stateMachineArn = await create('sync-express', passChain('One'), 'EXPRESS');
      const result = await ctx.sfn.send(
        new StartSyncExecutionCommand({ stateMachineArn, name: 'quick', input: '{"x":true}' }),
      );
      expect(result).toMatchObject({
        stateMachineArn,
        name: 'quick',
        status: 'SUCCEEDED',
        input: '{"x":true}',
        output: '{"x":true,"One":1}',
        inputDetails: { included: true },
        outputDetails: { included: true },
        billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: 100 },
      });
      expect(result.executionArn).toMatch(new RegExp(`^${ARN_PREFIX}:express:sync-express:quick:[0-9a-f-]{36}$`));
      expect(result.stopDate!.getTime()).toBeGreaterThanOrEqual(result.startDate!.getTime());
    });

    it('answers 200 with the error of a failed execution', async () => {
      const failing = JSON.stringify({
        StartAt: 'F',
        States: { F: { Type: 'Fail', Error: 'Boom', Cause: 'on purpose' } },
      });
      const stateMachineArn = await create('sync-failing', failing, 'EXPRESS');
      const result = await ctx.sfn.send(new StartSyncExecutionCommand({ stateMachineArn }));
      expect(result).toMatchObject({ status: 'FAILED', error: 'Boom', cause: 'on purpose' });
      expect(result.output).toBeUndefined();
    });

    it('refuses a Standard state machine: StateMachineTypeNotSupported', async () => {
      const stateMachineArn = await create('sync-standard', passChain('One'));
      expect(await failureOf(ctx.sfn.send(new StartSyncExecutionCommand({ stateMachineArn })))).toEqual({
        name: 'StateMachineTypeNotSupported',
        message: 'This operation is not supported by this type of state machine',
        status: 400,
      });
    });
  });

  describe('ListExecutions and StopExecution', () => {
    it('stops a running execution with an error and cause, and lists by status', async () => {
      const stateMachineArn = await create('stoppable', WAIT_AN_HOUR);
      const { executionArn } = await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'halt-me' }));
      await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'keep-me' }));
      const stopped = await ctx.sfn.send(new StopExecutionCommand({ executionArn, error: 'Halt', cause: 'by test' }));
      expect(stopped.stopDate).toBeInstanceOf(Date);
      expect(await ctx.sfn.send(new DescribeExecutionCommand({ executionArn }))).toMatchObject({
        status: 'ABORTED',
        error: 'Halt',
        cause: 'by test',
        redriveStatus: 'REDRIVABLE',
      });
      const { events } = await ctx.sfn.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true }));
      expect(events![0]).toMatchObject({
        type: 'ExecutionAborted',
        previousEventId: 0,
        executionAbortedEventDetails: { error: 'Halt', cause: 'by test' },
      });

      const names = async (statusFilter?: 'RUNNING' | 'ABORTED') => {
        const listed = await ctx.sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter }));
        return listed.executions!.map((e) => `${e.name}:${e.status}`).sort();
      };
      expect(await names()).toEqual(['halt-me:ABORTED', 'keep-me:RUNNING']);
      expect(await names('RUNNING')).toEqual(['keep-me:RUNNING']);
      expect(await names('ABORTED')).toEqual(['halt-me:ABORTED']);
    });

    it('answers ExecutionDoesNotExist, a bad status filter and Express state machines with AWS errors', async () => {
      const missing = `${ARN_PREFIX}:execution:stoppable:missing`;
      expect(await failureOf(ctx.sfn.send(new StopExecutionCommand({ executionArn: missing })))).toMatchObject({
        name: 'ExecutionDoesNotExist',
        message: `Execution Does Not Exist: '${missing}'`,
      });
      const stateMachineArn = await create('list-filters', passChain('One'));
      const badFilter = new ListExecutionsCommand({ stateMachineArn, statusFilter: 'succeeded' as 'SUCCEEDED' });
      expect(await failureOf(ctx.sfn.send(badFilter))).toMatchObject({
        name: 'ValidationException',
        message:
          "1 validation error detected: Value 'succeeded' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, ABORTED, FAILED, RUNNING]",
      });
      const express = await create('list-express', passChain('One'), 'EXPRESS');
      expect(await failureOf(ctx.sfn.send(new ListExecutionsCommand({ stateMachineArn: express })))).toMatchObject({
        name: 'StateMachineTypeNotSupported',
        message: 'This operation is not supported by this type of state machine',
      });
    });
  });

  describe('RedriveExecution', () => {
    it('continues a failed execution from the failed state, and a stopped one from where it stopped', async () => {
      // Fails on the first attempt only: the context object counts the redrives.
      const definition = JSON.stringify({
        QueryLanguage: 'JSONata',
        StartAt: 'Once',
        States: {
          Once: { Type: 'Pass', Output: 'first', Next: 'Flaky' },
          Flaky: {
            Type: 'Pass',
            Output: "{% $states.context.Execution.RedriveCount > 0 ? 'redriven' : $error('first attempt') %}",
            End: true,
          },
        },
      });
      const stateMachineArn = await create('redrive-flaky', definition);
      const { executionArn } = await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn }));
      expect(await settled(executionArn!)).toMatchObject({ status: 'FAILED', redriveStatus: 'REDRIVABLE' });
      const { redriveDate } = await ctx.sfn.send(new RedriveExecutionCommand({ executionArn }));
      expect(redriveDate).toBeInstanceOf(Date);
      expect(await settled(executionArn!)).toMatchObject({
        status: 'SUCCEEDED',
        output: '"redriven"',
        redriveCount: 1,
      });
      const { events } = await ctx.sfn.send(new GetExecutionHistoryCommand({ executionArn }));
      expect(events!.map((e) => e.type).slice(-4)).toEqual([
        'ExecutionRedriven',
        'PassStateEntered',
        'PassStateExited',
        'ExecutionSucceeded',
      ]);

      const waits = await create('redrive-stopped', WAIT_AN_HOUR);
      const stopped = await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn: waits }));
      await ctx.sfn.send(new StopExecutionCommand({ executionArn: stopped.executionArn }));
      await ctx.sfn.send(new RedriveExecutionCommand({ executionArn: stopped.executionArn }));
      expect(await ctx.sfn.send(new DescribeExecutionCommand({ executionArn: stopped.executionArn }))).toMatchObject({
        status: 'RUNNING',
        redriveCount: 1,
        redriveStatus: 'NOT_REDRIVABLE',
        redriveStatusReason: 'Execution is RUNNING and cannot be redriven',
      });
      expect(
        await failureOf(ctx.sfn.send(new RedriveExecutionCommand({ executionArn: stopped.executionArn }))),
      ).toMatchObject({
        name: 'ExecutionNotRedrivable',
        message: 'Execution is RUNNING and cannot be redriven',
      });
    });
  });

  describe('GetExecutionHistory', () => {
    const chain = ['A', 'B', 'C'];
    const expectedTypes = [
      'ExecutionStarted',
      ...chain.flatMap(() => ['PassStateEntered', 'PassStateExited']),
      'ExecutionSucceeded',
    ];
    const ids = (events: HistoryEvent[] | undefined) => events!.map((e) => e.id);

    async function finished(name: string): Promise<string> {
      const stateMachineArn = await create(name, passChain(...chain));
      const { executionArn } = await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"n":1}' }));
      await settled(executionArn!);
      return executionArn!;
    }

    it('returns AWS events with dense ids and their predecessors', async () => {
      const executionArn = await finished('history-all');
      const { events, nextToken } = await ctx.sfn.send(new GetExecutionHistoryCommand({ executionArn }));
      expect(nextToken).toBeUndefined();
      expect(events!.map((e) => [e.id, e.type, e.previousEventId])).toEqual(
        expectedTypes.map((type, i) => [i + 1, type, i === 0 || i === 1 ? 0 : i]),
      );
      expect(events!.every((e) => e.timestamp instanceof Date)).toBe(true);
      expect(events![0].executionStartedEventDetails).toEqual({
        input: '{"n":1}',
        inputDetails: { truncated: false },
        roleArn: ROLE_ARN,
      });
      expect(events![1].stateEnteredEventDetails).toEqual({
        name: 'A',
        input: '{"n":1}',
        inputDetails: { truncated: false },
      });
      expect(events!.at(-1)!.executionSucceededEventDetails).toEqual({
        output: '{"n":1,"A":1,"B":2,"C":3}',
        outputDetails: { truncated: false },
      });
    });

    it('pages with maxResults and nextToken, in either order', async () => {
      const executionArn = await finished('history-pages');
      const pages = async (reverseOrder: boolean) => {
        const all: (number | undefined)[][] = [];
        let nextToken: string | undefined;
        do {
          const page = await ctx.sfn.send(
            new GetExecutionHistoryCommand({ executionArn, maxResults: 3, reverseOrder, nextToken }),
          );
          all.push(ids(page.events));
          nextToken = page.nextToken;
        } while (nextToken);
        return all;
      };
      expect(await pages(false)).toEqual([
        [1, 2, 3],
        [4, 5, 6],
        [7, 8],
      ]);
      expect(await pages(true)).toEqual([
        [8, 7, 6],
        [5, 4, 3],
        [2, 1],
      ]);
    });

    it('leaves out inputs and outputs when includeExecutionData is false', async () => {
      const executionArn = await finished('history-no-data');
      const { events } = await ctx.sfn.send(
        new GetExecutionHistoryCommand({ executionArn, includeExecutionData: false }),
      );
      expect(events!.map((e) => e.type)).toEqual(expectedTypes);
      expect(events![0].executionStartedEventDetails).toMatchObject({ roleArn: ROLE_ARN });
      expect(events![0].executionStartedEventDetails!.input).toBeUndefined();
      expect(events![1].stateEnteredEventDetails).toMatchObject({ name: 'A' });
      expect(events![1].stateEnteredEventDetails!.input).toBeUndefined();
      expect(events!.at(-1)!.executionSucceededEventDetails!.output).toBeUndefined();
    });

    it('refuses unknown executions and tokens of another listing', async () => {
      const executionArn = await finished('history-errors');
      const missing = `${ARN_PREFIX}:execution:history-errors:missing`;
      expect(await failureOf(ctx.sfn.send(new GetExecutionHistoryCommand({ executionArn: missing })))).toEqual({
        name: 'ExecutionDoesNotExist',
        message: `Execution Does Not Exist: '${missing}'`,
        status: 400,
      });
      const { nextToken } = await ctx.sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 2 }));
      const otherOrder = new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, nextToken });
      expect(await failureOf(ctx.sfn.send(otherOrder))).toMatchObject({
        name: 'InvalidToken',
        message: "Invalid Token: 'Invalid token'",
      });
    });
  });
}
