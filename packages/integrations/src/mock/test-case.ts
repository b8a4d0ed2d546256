/**
 * A test case of a mock configuration, as an execution runs it: the states it names answer each call with the
 * entry of their mocked response that covers the call's invocation number, as Step Functions Local does:
 * - `Return`: the task succeeds with that value as the service's response (not checked against the service's
 *   shape, as Step Functions Local does not either);
 * - `Throw`: the task fails with that `Error` and `Cause` (history: `TaskFailed`, or `LambdaFunctionFailed` for a
 *   Lambda function ARN), which `Retry` and `Catch` handle as any task failure;
 * - no entry covers the call ("you must specify a mocked response for every invocation ... If you do not, the
 *   state machine execution will fail"): the task fails with `States.Runtime`, which nothing catches;
 * - an activity: Step Functions Local refuses to mock one and fails the execution with `States.Runtime`.
 */
import { ErrorName } from '@lockstep/asl';
import { parseResource, type RunExecutionOptions, type TaskOutcome, type TaskRequest } from '@lockstep/engine';
import type { MockConfig, MockedInvocations } from './mock-config.js';
import { MockConfigError } from './mock-config-error.js';

/** Test cases of mocked responses by state machine, as the runtimes take them (`runExecution`'s `mockConfig`). */
export type MockTestCases = NonNullable<RunExecutionOptions['mockConfig']>;

/** A test case's mocked responses, as the runtimes consult them. */
export type MockedResponses = ReturnType<MockTestCases['testCase']>;

/** Step Functions Local's cause when a test case mocks an activity state (recorded in aws-samples issue 69). */
const ACTIVITY_CAUSE =
  'Activity state cannot be mocked. Please remove mocks mapped for all activity state in the mock config file.';

/**
 * The mocked responses of `StateMachines.<stateMachineName>.TestCases.<testCase>`. Throws {@link MockConfigError}
 * when the configuration does not define that test case, or when the test case names a mocked response that
 * `MockedResponses` does not define.
 */
export function testCaseResponses(config: MockConfig, stateMachineName: string, testCase: string): MockedResponses {
  const testCases = config.stateMachines.get(stateMachineName);
  if (!testCases) {
    throw new MockConfigError(
      `The mock configuration has no test cases for the state machine '${stateMachineName}'` +
        ` (it has them for: ${list(config.stateMachines.keys())}).`,
      `$.StateMachines['${stateMachineName}']`,
    );
  }
  const states = testCases.get(testCase);
  if (!states) {
    throw new MockConfigError(
      `The mock configuration defines no test case '${testCase}' for the state machine '${stateMachineName}'` +
        ` (it defines: ${list(testCases.keys())}).`,
      `$.StateMachines['${stateMachineName}'].TestCases['${testCase}']`,
    );
  }
  const byState = new Map<string, { name: string; entries: readonly MockedInvocations[] }>();
  for (const [stateName, name] of states) {
    const entries = config.mockedResponses.get(name);
    if (!entries) {
      throw new MockConfigError(
        `The test case '${testCase}' of the state machine '${stateMachineName}' mocks the state '${stateName}'` +
          ` with the mocked response '${name}', which MockedResponses does not define.`,
        `$.StateMachines['${stateMachineName}'].TestCases['${testCase}']['${stateName}']`,
      );
    }
    byState.set(stateName, { name, entries });
  }
  return {
    mocks: (stateName) => byState.has(stateName),
    respond(request: TaskRequest, invocation: number): TaskOutcome {
      if (parseResource(request.resource).kind === 'activity') {
        return { ok: false, error: ErrorName.Runtime, cause: ACTIVITY_CAUSE };
      }
      const { name, entries } = byState.get(request.stateName)!;
      const entry = entries.find((e) => e.first <= invocation && invocation <= e.last);
      if (!entry) {
        const defined = entries.length === 0 ? 'none' : entries.map((e) => e.key).join(', ');
        return {
          ok: false,
          error: ErrorName.Runtime,
          cause:
            `The mocked response '${name}' of the state '${request.stateName}' (test case '${testCase}') has no` +
            ` response for invocation ${invocation}; it defines the invocations: ${defined}.`,
        };
      }
      const { answer } = entry;
      return answer.kind === 'return'
        ? { ok: true, output: answer.value }
        : { ok: false, error: answer.error, cause: answer.cause };
    },
  };
}

function list(names: Iterable<string>): string {
  const all = [...names].map((n) => `'${n}'`);
  return all.length === 0 ? 'none' : all.join(', ');
}
