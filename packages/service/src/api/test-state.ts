/**
 * TestState: runs one state in isolation (the engine's `testState`) and answers `{status, output, error, cause,
 * nextState, inspectionData}`.
 *
 * Recorded AWS behaviour (LocalStack's AWS-validated `test_state/test_test_state_scenarios`): a Fail state answers
 * `FAILED` with its error and cause, a Choice its `nextState`; INFO answers no `inspectionData`; DEBUG and TRACE add
 * the data-flow stages (a Pass with `Result` has `result`, `afterResultSelector`, `afterResultPath` but no
 * `afterInputPath`/`afterParameters`; Choice, Succeed and Fail only `input` and `afterInputPath`), `variables` when
 * there are any, and `errorDetails.catchIndex` for `CAUGHT_ERROR`, whose output is the catcher's. A Task without
 * `roleArn` is `ValidationException: RoleArn must be specified when testing a Task state`. The model and the
 * developer guide: Map and Parallel need a mock, `RETRIABLE` carries `retryIndex` and `retryBackoffIntervalSeconds`.
 * Outputs and stages travel as JSON text, as the model's `SensitiveData` strings. Not supported yet: `mock`,
 * `context`, `stateConfiguration` and TRACE's HTTP request/response.
 */
import { formatInvalidDefinition, type Json, parseDefinition, parseJsonText } from '@lockstep/asl';
import { resolveTestedState, type TestedState, type TestStateResult, testState } from '@lockstep/engine';
import type { Operation, ServiceContext } from './context.js';
import { validationError } from './errors.js';
import { readExecutionInput } from './executions.js';
import { readRequest, Shape } from './request.js';
import { ServiceError } from './service-error.js';
import { compact } from './wire.js';

const INSPECTION_LEVELS = ['INFO', 'DEBUG', 'TRACE'] as const;
const UNSUPPORTED_TYPES = new Set(['Map', 'Parallel']);

/** The TestState operation, keyed by AWS operation name. */
export function testStateOperations(ctx: ServiceContext): Record<string, Operation> {
  return {
    TestState: async (request) => {
      const r = readRequest(request);
      const definitionText = r.requiredString('definition', Shape.Definition);
      const roleArn = r.string('roleArn', Shape.Arn);
      const inputText = r.string('input', Shape.SensitiveData);
      const level = r.enumeration('inspectionLevel', INSPECTION_LEVELS) ?? 'INFO';
      r.boolean('revealSecrets');
      const variablesText = r.string('variables', Shape.SensitiveData);
      const stateName = r.string('stateName', { min: 1, max: 80 });
      for (const member of ['mock', 'context', 'stateConfiguration']) {
        if (request[member] !== undefined && request[member] !== null) {
          throw validationError(`Lockstep's TestState does not support '${member}' yet.`);
        }
      }
      r.done();
      const state = testedState(definitionText, stateName);
      if (UNSUPPORTED_TYPES.has(state.definition.Type)) {
        throw new ServiceError(
          'InvalidDefinition',
          'TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]',
        );
      }
      if (state.definition.Type === 'Task' && roleArn === undefined) {
        throw validationError('RoleArn must be specified when testing a Task state');
      }
      const { input, inputText: text } = readExecutionInput(inputText);
      const name = `TestState-${Math.floor(ctx.random() * 2 ** 32).toString(16)}`;
      const stateMachineArn = `arn:aws:states:${ctx.region}:${ctx.accountId}:stateMachine:${name}`;
      const result = await testState({
        state,
        input,
        inputText: text,
        variables: readVariables(variablesText),
        identity: {
          executionArn: `arn:aws:states:${ctx.region}:${ctx.accountId}:express:${name}:${name}`,
          name,
          stateMachineArn,
          stateMachineName: name,
          roleArn: roleArn ?? (null as unknown as string),
          region: ctx.region,
          type: 'EXPRESS',
        },
        performers: { taskHandlers: ctx.taskHandlers, integrations: ctx.integrations },
        now: ctx.clock(),
        random: ctx.random,
      });
      return response(result, level === 'INFO' ? undefined : JSON.stringify(input));
    },
  };
}

/** The tested state; throws AWS's `InvalidDefinition`. */
function testedState(text: string, stateName: string | undefined): TestedState {
  const parsed = parseDefinition(text);
  if ('diagnostics' in parsed) throw new ServiceError('InvalidDefinition', formatInvalidDefinition(parsed.diagnostics));
  try {
    return resolveTestedState(parsed.definition as unknown as Record<string, unknown>, stateName);
  } catch (error) {
    if ((error as Error).name === 'InvalidDefinition')
      throw new ServiceError('InvalidDefinition', (error as Error).message);
    throw error;
  }
}

/** The `variables` member: a JSON object's text (the message is Lockstep's: AWS's is not recorded). */
function readVariables(text: string | undefined): Record<string, Json> | undefined {
  if (text === undefined) return undefined;
  const parsed = parseJsonText(text);
  if (!parsed.ok || parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    throw validationError('The variables must be a JSON object.');
  }
  return parsed.value as Record<string, Json>;
}

/** The response; `inputText` (DEBUG and TRACE) adds `inspectionData`. */
function response(result: TestStateResult, inputText: string | undefined): Record<string, unknown> {
  const body: Record<string, unknown> = compact({
    status: result.status,
    output: result.output === undefined ? undefined : JSON.stringify(result.output),
    error: result.error,
    cause: result.cause,
    nextState: result.nextState,
  });
  if (inputText !== undefined) body.inspectionData = inspectionData(result, inputText);
  return body;
}

function inspectionData(result: TestStateResult, inputText: string): Record<string, unknown> {
  const data: Record<string, unknown> = { input: inputText };
  for (const [stage, value] of Object.entries(result.stages)) data[stage] = JSON.stringify(value);
  if (result.variables) data.variables = JSON.stringify(result.variables);
  if (result.errorDetails) data.errorDetails = result.errorDetails;
  return data;
}
