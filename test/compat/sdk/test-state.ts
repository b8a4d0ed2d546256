/**
 * TestState through the SDK: the response members (`inspectionData` included) and AWS's errors reach the client.
 */
import { TestStateCommand } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { failureOf } from '../support/sdk-client.js';
import type { SdkSuiteContext } from './context.js';

/** Describes the TestState operation against `ctx`'s server. */
export function describeTestState(ctx: SdkSuiteContext): void {
  describe('TestState', () => {
    it('answers the status, output, next state and inspection data', async () => {
      const definition = JSON.stringify({ Type: 'Pass', Parameters: { 'v.$': '$.x' }, Next: 'After' });
      const { $metadata, ...response } = await ctx.sfn.send(
        new TestStateCommand({ definition, input: '{"x":1}', inspectionLevel: 'DEBUG' }),
      );
      expect(response).toEqual({
        status: 'SUCCEEDED',
        output: '{"v":1}',
        nextState: 'After',
        inspectionData: {
          input: '{"x":1}',
          afterInputPath: '{"x":1}',
          afterParameters: '{"v":1}',
          afterResultSelector: '{"v":1}',
          afterResultPath: '{"v":1}',
        },
      });
    });

    it("answers AWS's ValidationException for a Task without roleArn", async () => {
      const definition = JSON.stringify({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true });
      expect(await failureOf(ctx.sfn.send(new TestStateCommand({ definition })))).toMatchObject({
        name: 'ValidationException',
        message: 'RoleArn must be specified when testing a Task state',
      });
    });
  });
}
