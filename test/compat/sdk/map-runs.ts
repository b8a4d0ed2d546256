/**
 * Distributed Map runs through the SDK: ListMapRuns, DescribeMapRun, UpdateMapRun, and ListExecutions and
 * DescribeExecution of a run's child executions (the SDK parses every member of AWS's shapes, dates included).
 */
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeMapRunCommand,
  ListExecutionsCommand,
  ListMapRunsCommand,
  StartExecutionCommand,
  UpdateMapRunCommand,
} from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { ARN_PREFIX, eventually, failureOf, ROLE_ARN } from '../support/sdk-client.js';
import type { SdkSuiteContext } from './context.js';

const definition = JSON.stringify({
  StartAt: 'Fan',
  States: {
    Fan: {
      Type: 'Map',
      Label: 'Spread',
      MaxConcurrency: 2,
      ToleratedFailurePercentage: 50,
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: 'Echo',
        States: { Echo: { Type: 'Pass', Parameters: { 'got.$': '$' }, End: true } },
      },
      End: true,
    },
  },
});

/** Describes the Map Run operations against `ctx`'s server. */
export function describeMapRuns(ctx: SdkSuiteContext): void {
  describe('Map Runs', () => {
    it('lists, describes and updates the run of a Distributed Map, and lists its children by run', async () => {
      const created = await ctx.sfn.send(
        new CreateStateMachineCommand({ name: 'map-runs', definition, roleArn: ROLE_ARN }),
      );
      const { executionArn } = await ctx.sfn.send(
        new StartExecutionCommand({ stateMachineArn: created.stateMachineArn, input: '[1,2,3]' }),
      );
      const described = await eventually(
        () => ctx.sfn.send(new DescribeExecutionCommand({ executionArn })),
        (d) => d.status !== 'RUNNING',
      );
      expect(JSON.parse(described.output!)).toEqual([{ got: 1 }, { got: 2 }, { got: 3 }]);

      const { mapRuns } = await ctx.sfn.send(new ListMapRunsCommand({ executionArn }));
      expect(mapRuns).toHaveLength(1);
      const mapRunArn = mapRuns![0].mapRunArn!;
      expect(mapRunArn).toMatch(new RegExp(`^${ARN_PREFIX}:mapRun:map-runs/Spread:[0-9a-f-]{36}$`));
      expect(mapRuns![0]).toMatchObject({ executionArn, stateMachineArn: `${created.stateMachineArn}/Spread` });
      expect(mapRuns![0].startDate).toBeInstanceOf(Date);

      const run = await ctx.sfn.send(new DescribeMapRunCommand({ mapRunArn }));
      expect(run).toMatchObject({
        mapRunArn,
        executionArn,
        status: 'SUCCEEDED',
        maxConcurrency: 2,
        toleratedFailurePercentage: 50,
        toleratedFailureCount: 0,
        itemCounts: { pending: 0, running: 0, succeeded: 3, failed: 0, timedOut: 0, aborted: 0, total: 3 },
        executionCounts: { succeeded: 3, total: 3, resultsWritten: 3 },
        redriveCount: 0,
      });
      expect(run.stopDate).toBeInstanceOf(Date);
      expect(await ctx.sfn.send(new UpdateMapRunCommand({ mapRunArn, maxConcurrency: 4 }))).toMatchObject({});
      expect((await ctx.sfn.send(new DescribeMapRunCommand({ mapRunArn }))).maxConcurrency).toBe(4);

      const { executions } = await ctx.sfn.send(new ListExecutionsCommand({ mapRunArn }));
      expect(executions).toHaveLength(3);
      expect(executions![0]).toMatchObject({
        stateMachineArn: `${created.stateMachineArn}/Spread`,
        status: 'SUCCEEDED',
        mapRunArn,
        itemCount: 1,
      });
      expect(executions![0].executionArn).toBe(`${ARN_PREFIX}:execution:map-runs/Spread:${executions![0].name}`);
      const child = await ctx.sfn.send(new DescribeExecutionCommand({ executionArn: executions![0].executionArn }));
      expect(child.mapRunArn).toBe(mapRunArn);
      const parentListing = await ctx.sfn.send(new ListExecutionsCommand({ stateMachineArn: created.stateMachineArn }));
      expect(parentListing.executions!.map((e) => e.executionArn)).toEqual([executionArn]);
    });

    it("answers AWS's errors for unknown runs and executions", async () => {
      const unknown = `${ARN_PREFIX}:mapRun:map-runs/Spread:00000000-0000-4000-a000-000000000000`;
      const notFound = { name: 'ResourceNotFound', message: `Resource not found: '${unknown}'`, status: 400 };
      expect(await failureOf(ctx.sfn.send(new DescribeMapRunCommand({ mapRunArn: unknown })))).toEqual(notFound);
      expect(await failureOf(ctx.sfn.send(new UpdateMapRunCommand({ mapRunArn: unknown, maxConcurrency: 1 })))).toEqual(
        notFound,
      );
      expect(await failureOf(ctx.sfn.send(new ListExecutionsCommand({ mapRunArn: unknown })))).toEqual(notFound);
      const missing = `${ARN_PREFIX}:execution:map-runs:missing`;
      expect(await failureOf(ctx.sfn.send(new ListMapRunsCommand({ executionArn: missing })))).toEqual({
        name: 'ExecutionDoesNotExist',
        message: `Execution Does Not Exist: '${missing}'`,
        status: 400,
      });
    });
  });
}
