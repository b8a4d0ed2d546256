/** Runs TestState in the engine's tests: a definition, its input and the request's options. */
import type { ExecutionIdentity } from '../execution.js';
import { resolveTestedState, type TestStateOptions, type TestStateResult, testState } from '../test-state.js';

const identity: ExecutionIdentity = {
  executionArn: 'arn:aws:states:us-east-1:123456789012:express:T:T',
  name: 'T',
  stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:T',
  stateMachineName: 'T',
  roleArn: 'arn:aws:iam::123456789012:role/R',
  region: 'us-east-1',
  type: 'EXPRESS',
};

/** The request's options beyond the state and its input. */
export type TestRequest = Partial<Omit<TestStateOptions, 'state' | 'input' | 'inputText' | 'identity'>> & {
  stateName?: string;
};

/** Tests the state `definition` (a whole machine's with `stateName`) on `input`. */
export function runTestState(definition: object, input: unknown, request: TestRequest = {}): Promise<TestStateResult> {
  const { stateName, ...options } = request;
  return testState({
    performers: {},
    now: 0,
    random: () => 0.5,
    ...options,
    state: resolveTestedState(definition as Record<string, unknown>, stateName, options.mock !== undefined),
    input: input as never,
    inputText: JSON.stringify(input),
    identity,
  });
}
