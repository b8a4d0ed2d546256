import { describe, expect, it } from 'vitest';
import type { ExecutionIdentity } from './execution.js';
import { resolveTestedState, TESTED_STATE_NAME, testState } from './test-state.js';

const identity: ExecutionIdentity = {
  executionArn: 'arn:aws:states:us-east-1:123456789012:express:T:T',
  name: 'T',
  stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:T',
  stateMachineName: 'T',
  roleArn: 'arn:aws:iam::123456789012:role/R',
  region: 'us-east-1',
  type: 'EXPRESS',
};

function run(
  definition: object,
  input: unknown,
  options: { stateName?: string; handler?: (input: unknown) => unknown } = {},
) {
  const handler = options.handler;
  return testState({
    state: resolveTestedState(definition as Record<string, unknown>, options.stateName),
    input: input as never,
    inputText: JSON.stringify(input),
    identity,
    performers: handler ? { taskHandlers: { [options.stateName ?? TESTED_STATE_NAME]: handler } } : {},
    now: 0,
    random: () => 0.5,
  });
}

describe('testState', () => {
  it('does not wait out a Wait state', async () => {
    expect(await run({ Type: 'Wait', Seconds: 3600, Next: 'After' }, { a: 1 })).toEqual({
      status: 'SUCCEEDED',
      output: { a: 1 },
      nextState: 'After',
      stages: {},
    });
  });

  it('stops before the next state even when it is the tested state itself', async () => {
    const result = await run({ Type: 'Pass', Result: 1, Next: TESTED_STATE_NAME }, {});
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: 1, nextState: TESTED_STATE_NAME });
  });

  it('records JSONata stages: afterArguments and result', async () => {
    const definition = {
      Type: 'Task',
      QueryLanguage: 'JSONata',
      Resource: 'arn:aws:states:::lambda:invoke',
      Arguments: { n: '{% $states.input.n + 1 %}' },
      Output: '{% $states.result.n * 10 %}',
      End: true,
    };
    const result = await run(definition, { n: 1 }, { handler: (input) => input });
    expect(result).toEqual({ status: 'SUCCEEDED', output: 20, stages: { afterArguments: { n: 2 }, result: { n: 2 } } });
  });

  it('rejects a stateName the machine does not have', () => {
    const machine = { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } };
    expect(() => resolveTestedState(machine, 'B')).toThrow("State 'B' does not exist in the definition.");
  });
});
