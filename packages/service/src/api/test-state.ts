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
 * Outputs and stages travel as JSON text, as the model's `SensitiveData` strings. A `mock` (Task only here) gives
 * the Task's result or error instead of performing it, with LocalStack's AWS-validated messages; `context` is the
 * `$$` the state reads. Not supported yet: mocking Map and Parallel, the mock's API-schema checks
 * (`fieldValidationMode` STRICT and PRESENT are accepted and act as NONE), `stateConfiguration` and TRACE's HTTP
 * request/response.
 */
import { formatInvalidDefinition, type Json, parseDefinition, parseJsonText } from '@lockstep/asl';
import {
  resolveTestedState,
  type TaskOutcome,
  type TestedState,
  type TestStateResult,
  testState,
} from '@lockstep/engine';
import type { Operation, ServiceContext } from './context.js';
import { validationError } from './errors.js';
import { readExecutionInput } from './executions.js';
import { type RequestReader, readRequest, Shape } from './request.js';
import { ServiceError } from './service-error.js';
import { compact } from './wire.js';

const INSPECTION_LEVELS = ['INFO', 'DEBUG', 'TRACE'] as const;
const UNSUPPORTED_TYPES = new Set(['Map', 'Parallel']);
const FIELD_VALIDATION_MODES = ['STRICT', 'PRESENT', 'NONE'] as const;

/** The TestState operation, keyed by AWS operation name. */
export function testStateOperations(ctx: ServiceContext): Record<string, Operation> {
  return {
    TestState: async (request) => {
      const r = readRequest(request);
      const definitionText = r.requiredString('definition', Shape.Definition);
      const roleArn = r.string('roleArn', Shape.Arn);
      const inputText = r.string('input', Shape.SensitiveData);
      const level = r.enumeration('inspectionLevel', INSPECTION_LEVELS) ?? 'INFO';
      const revealSecrets = r.boolean('revealSecrets');
      const variablesText = r.string('variables', Shape.SensitiveData);
      const stateName = r.string('stateName', { min: 1, max: 80 });
      const mockRequest = readMockMembers(r);
      const contextText = r.string('context', Shape.SensitiveData);
      for (const member of ['stateConfiguration']) {
        if (request[member] !== undefined && request[member] !== null) {
          throw validationError(`Lockstep's TestState does not support '${member}' yet.`);
        }
      }
      r.done();
      const state = testedState(definitionText, stateName);
      const mocked = mockRequest !== undefined;
      if (!mocked && UNSUPPORTED_TYPES.has(state.definition.Type)) {
        throw new ServiceError(
          'InvalidDefinition',
          'TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]',
        );
      }
      const mock = mocked ? readMock(mockRequest, state.definition.Type, revealSecrets === true) : undefined;
      if (state.definition.Type === 'Task' && roleArn === undefined && !mock) {
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
        mock,
        context: readContext(contextText),
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

/**
 * The `mock` member as the Task's outcome. Messages: LocalStack's AWS-validated ones; the state-type check covers
 * Wait and Choice too (the reference: mocks apply to Task, Map and Parallel only).
 */
function readMock(mock: MockMembers, type: string, revealSecrets: boolean): TaskOutcome {
  if (type !== 'Task') {
    if (UNSUPPORTED_TYPES.has(type)) {
      throw validationError("Lockstep's TestState does not support mocking a Map or Parallel state yet.");
    }
    throw validationError(`State type '${type}' is not supported when a mock is specified`);
  }
  if (revealSecrets) throw validationError('TestState does not support RevealSecrets when a mock is specified.');
  if (mock.result !== undefined && mock.errorOutput !== undefined) {
    throw validationError('A test mock should have only one of the following fields: [result, errorOutput].');
  }
  if (mock.result !== undefined) {
    const parsed = parseJsonText(mock.result);
    if (!parsed.ok) throw validationError('Mocked result must be valid JSON');
    return { ok: true, output: parsed.value as Json };
  }
  return { ok: false, error: mock.errorOutput?.error, cause: mock.errorOutput?.cause };
}

/** The members of the model's `MockInput`. */
interface MockMembers {
  result?: string;
  errorOutput?: { error?: string; cause?: string };
}

function readMockMembers(r: RequestReader): MockMembers | undefined {
  const mock = r.structure('mock');
  if (!mock) return undefined;
  const result = mock.string('result', Shape.SensitiveData);
  mock.enumeration('fieldValidationMode', FIELD_VALIDATION_MODES);
  const errorOutput = mock.structure('errorOutput');
  return {
    result,
    errorOutput: errorOutput && { error: errorOutput.string('error'), cause: errorOutput.string('cause') },
  };
}

/** The `context` member: a JSON object's text (the message is Lockstep's: AWS's is not recorded). */
function readContext(text: string | undefined): Json | undefined {
  if (text === undefined) return undefined;
  const parsed = parseJsonText(text);
  if (!parsed.ok || parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    throw validationError('The context must be a JSON object.');
  }
  return parsed.value as Json;
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
