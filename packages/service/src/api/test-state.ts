/**
 * TestState: runs one state in isolation (the engine's `testState`) and answers `{status, output, error, cause,
 * nextState, inspectionData}`.
 *
 * Recorded AWS behaviour (LocalStack's AWS-validated `test_state` snapshots): a Fail state answers `FAILED` with its
 * error and cause, a Choice its `nextState`; INFO answers no `inspectionData`; DEBUG and TRACE add the data-flow
 * stages (a Pass with `Result` has `result`, `afterResultSelector`, `afterResultPath` but no
 * `afterInputPath`/`afterParameters`; Choice, Succeed and Fail only `input` and `afterInputPath`), `variables` when
 * there are any, and `errorDetails` (`catchIndex` for `CAUGHT_ERROR`; `retryIndex` and `retryBackoffIntervalSeconds`
 * for `RETRIABLE`; `retryIndex` alone when the matching retrier is exhausted). A Task without `roleArn` or `mock` is
 * `ValidationException: RoleArn must be specified when testing a Task state`. Outputs and stages travel as JSON
 * text, as the model's `SensitiveData` strings; a mocked Map adds `maxConcurrency` and its tolerated failure
 * threshold. A `mock` gives a Task's, Map's or Parallel's result or error instead of performing its work (a Map or
 * Parallel runs only with one); `context` is the `$$` the state reads; `stateConfiguration` sets the retry attempt,
 * the Map's failed iterations and its ItemReader's data. At TRACE an HTTP Task adds the `request` it sent and the
 * `response` it got; without `revealSecrets` the request leaves out what its connection adds.
 */
import { formatInvalidDefinition, type Json, parseDefinition, parseJsonText } from '@lockstep/asl';
import {
  resolveTestedState,
  type TestedState,
  type TestStateOptions,
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
const FIELD_VALIDATION_MODES = ['STRICT', 'PRESENT', 'NONE'] as const;

type Mock = NonNullable<TestStateOptions['mock']>;
type StateConfiguration = NonNullable<TestStateOptions['stateConfiguration']>;
type HttpExchange = NonNullable<TestStateResult['http']>;

/** The TestState operation, keyed by AWS operation name. */
export function testStateOperations(ctx: ServiceContext): Record<string, Operation> {
  return {
    TestState: async (request) => {
      const r = readRequest(request);
      const definitionText = r.requiredString('definition', Shape.Definition);
      const roleArn = r.string('roleArn', Shape.Arn);
      const inputText = r.string('input', Shape.SensitiveData);
      const level = r.enumeration('inspectionLevel', INSPECTION_LEVELS) ?? 'INFO';
      const revealSecrets = r.boolean('revealSecrets') === true;
      const variablesText = r.string('variables', Shape.SensitiveData);
      const stateName = r.string('stateName', Shape.Name);
      const mockMembers = readMockMembers(r);
      const contextText = r.string('context', Shape.SensitiveData);
      const stateConfiguration = readStateConfiguration(r);
      r.done();
      const state = testedState(definitionText, stateName, mockMembers !== undefined);
      if (!mockMembers && (state.definition.Type === 'Map' || state.definition.Type === 'Parallel')) {
        throw new ServiceError(
          'InvalidDefinition',
          'TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]',
        );
      }
      const mock = mockMembers && readMock(mockMembers, revealSecrets);
      if (state.definition.Type === 'Task' && roleArn === undefined && !mock) {
        throw validationError('RoleArn must be specified when testing a Task state');
      }
      const { input, inputText: text } = readExecutionInput(inputText);
      const name = `TestState-${Math.floor(ctx.random() * 2 ** 32).toString(16)}`;
      const stateMachineArn = `arn:aws:states:${ctx.region}:${ctx.accountId}:stateMachine:${name}`;
      const result = await asServiceErrors(() =>
        testState({
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
          stateConfiguration,
          context: readContext(contextText),
          trace: level === 'TRACE' ? { revealSecrets } : undefined,
          now: ctx.clock(),
          random: ctx.random,
        }),
      );
      return response(result, level === 'INFO' ? undefined : JSON.stringify(input));
    },
  };
}

/** The tested state; throws AWS's `InvalidDefinition`. */
function testedState(text: string, stateName: string | undefined, mocked: boolean): TestedState {
  const parsed = parseDefinition(text);
  if ('diagnostics' in parsed) throw new ServiceError('InvalidDefinition', formatInvalidDefinition(parsed.diagnostics));
  return asServiceErrorsSync(() =>
    resolveTestedState(parsed.definition as unknown as Record<string, unknown>, stateName, mocked),
  );
}

/** The engine names its request errors by AWS error code (`ValidationException`, `InvalidDefinition`). */
const ENGINE_ERROR_CODES = new Set(['ValidationException', 'InvalidDefinition']);

function toServiceError(error: unknown): unknown {
  const name = (error as Error | undefined)?.name;
  return name && ENGINE_ERROR_CODES.has(name) ? new ServiceError(name, (error as Error).message) : error;
}

function asServiceErrorsSync<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw toServiceError(error);
  }
}

async function asServiceErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toServiceError(error);
  }
}

/** The members of the model's `MockInput`. */
interface MockMembers {
  result?: string;
  errorOutput?: { error?: string; cause?: string };
  fieldValidationMode?: (typeof FIELD_VALIDATION_MODES)[number];
}

function readMockMembers(r: RequestReader): MockMembers | undefined {
  const mock = r.structure('mock');
  if (!mock) return undefined;
  const result = mock.string('result', Shape.SensitiveData);
  const fieldValidationMode = mock.enumeration('fieldValidationMode', FIELD_VALIDATION_MODES);
  const errorOutput = mock.structure('errorOutput');
  return {
    result,
    fieldValidationMode,
    errorOutput: errorOutput && {
      error: errorOutput.string('error', Shape.SensitiveError),
      cause: errorOutput.string('cause', Shape.SensitiveCause),
    },
  };
}

/**
 * The `mock` as the engine takes it. Messages: LocalStack's AWS-validated ones. The engine checks the mock against
 * the state (its type, a Map's or Parallel's result, the integration's response shape).
 */
function readMock(mock: MockMembers, revealSecrets: boolean): Mock {
  if (revealSecrets) throw validationError('TestState does not support RevealSecrets when a mock is specified.');
  if (mock.result !== undefined && mock.errorOutput !== undefined) {
    throw validationError('A test mock should have only one of the following fields: [result, errorOutput].');
  }
  if (mock.errorOutput !== undefined) return { errorOutput: mock.errorOutput };
  if (mock.result === undefined) {
    // Lockstep's message, in the style of the recorded one above: AWS's for an empty mock is not recorded.
    throw validationError('A test mock should have one of the following fields: [result, errorOutput].');
  }
  const parsed = parseJsonText(mock.result);
  if (!parsed.ok) throw validationError('Mocked result must be valid JSON');
  return { result: parsed.value as Json, fieldValidationMode: mock.fieldValidationMode };
}

/** The model's `TestStateConfiguration`: its constraints are the model's (minimum 0, length 1 to 80, ...). */
function readStateConfiguration(r: RequestReader): StateConfiguration | undefined {
  const config = r.structure('stateConfiguration');
  if (!config) return undefined;
  return compact({
    retrierRetryCount: config.integer('retrierRetryCount', { min: 0 }),
    errorCausedByState: config.string('errorCausedByState', { ...Shape.Name, sensitive: true }),
    mapIterationFailureCount: config.integer('mapIterationFailureCount', { min: 0 }),
    mapItemReaderData: config.string('mapItemReaderData', Shape.SensitiveData),
  }) as StateConfiguration;
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
  if (result.map) Object.assign(data, result.map);
  if (result.variables) data.variables = JSON.stringify(result.variables);
  if (result.errorDetails) data.errorDetails = result.errorDetails;
  if (result.http) Object.assign(data, httpInspection(result.http));
  return data;
}

/**
 * The model's `InspectionDataRequest` and `InspectionDataResponse`, all strings. AWS's header and protocol formats
 * are not recorded: headers are a JSON object of each name's values, as the HTTP Task's `Headers` output has them.
 */
function httpInspection(exchange: HttpExchange): Record<string, unknown> {
  const { request, response: answer } = exchange;
  const requestHeaders: Record<string, string[]> = {};
  for (const [name, value] of request.headers) (requestHeaders[name] ??= []).push(value);
  return compact({
    request: compact({
      protocol: request.protocol,
      method: request.method,
      url: request.url,
      headers: JSON.stringify(requestHeaders),
      body: request.body,
    }),
    response:
      answer &&
      compact({
        protocol: answer.protocol,
        statusCode: String(answer.statusCode),
        statusMessage: answer.statusMessage,
        headers: JSON.stringify(answer.headers),
        body: answer.body,
      }),
  });
}
