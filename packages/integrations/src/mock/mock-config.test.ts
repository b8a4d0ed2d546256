import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMockConfig } from './mock-config.js';
import { MockConfigError } from './mock-config-error.js';

/** The mock configuration of the Step Functions developer guide ("sfn-local-mock-cfg-file"). */
const GUIDE_TEXT = readFileSync(new URL('./guide-example.mock-config.json', import.meta.url), 'utf8');
const GUIDE_CONFIG = JSON.parse(GUIDE_TEXT);

/** The message and path of the error `parseMockConfig` throws for `source`. */
function refusal(source: string | object): { message: string; path: string } {
  try {
    parseMockConfig(source, { source: 'MockConfigFile.json' });
  } catch (e) {
    expect(e).toBeInstanceOf(MockConfigError);
    const { message, path } = e as MockConfigError;
    return { message, path };
  }
  throw new Error('expected the configuration to be refused');
}

/** `GUIDE_CONFIG` with `MockedResponses.X` set to `response`. */
function withResponse(response: unknown): object {
  return { ...GUIDE_CONFIG, MockedResponses: { ...GUIDE_CONFIG.MockedResponses, X: response } };
}

describe('parseMockConfig', () => {
  it("reads the developer guide's configuration, from its text or as a value", () => {
    for (const source of [GUIDE_TEXT, GUIDE_CONFIG]) {
      const config = parseMockConfig(source);
      expect([...config.stateMachines.get('LambdaSQSIntegration')!.keys()]).toEqual([
        'HappyPath',
        'RetryPath',
        'HybridPath',
      ]);
      expect(config.stateMachines.get('LambdaSQSIntegration')!.get('HybridPath')).toEqual(
        new Map([['LambdaState', 'MockedLambdaSuccess']]),
      );
      expect(config.mockedResponses.get('MockedLambdaRetry')).toEqual([
        {
          key: '0',
          first: 0,
          last: 0,
          answer: { kind: 'throw', error: 'Lambda.ResourceNotReadyException', cause: 'Lambda resource is not ready.' },
        },
        {
          key: '1-2',
          first: 1,
          last: 2,
          answer: { kind: 'throw', error: 'Lambda.TimeoutException', cause: 'Lambda timed out.' },
        },
        {
          key: '3',
          first: 3,
          last: 3,
          answer: {
            kind: 'return',
            value: { StatusCode: 200, Payload: { StatusCode: 200, body: 'Hello from Lambda!' } },
          },
        },
      ]);
    }
  });

  it('orders entries by invocation, takes any JSON as Return, and allows gaps and empty responses', () => {
    const config = parseMockConfig(
      withResponse({ '5-7': { Return: null }, '2': { Return: [1, 'two'] }, '0': { Return: 'zero' } }),
    );
    expect(config.mockedResponses.get('X')!.map((e) => [e.key, e.answer])).toEqual([
      ['0', { kind: 'return', value: 'zero' }],
      ['2', { kind: 'return', value: [1, 'two'] }],
      ['5-7', { kind: 'return', value: null }],
    ]);
    expect(parseMockConfig(withResponse({})).mockedResponses.get('X')).toEqual([]);
  });

  it.each([
    ['{"StateMachines": ', '$', 'is not JSON ('],
    [[], '$', 'must be an object, not [].'],
    [{ MockedResponses: {} }, '$', 'has no StateMachines.'],
    [{ StateMachines: {} }, '$', 'has no MockedResponses.'],
    [{ StateMachines: {}, MockedResponses: {}, Mocks: {} }, '$.Mocks', 'is not a field of this object'],
    [{ StateMachines: { M: {} }, MockedResponses: {} }, '$.StateMachines.M', 'has no TestCases.'],
    [
      { StateMachines: { M: { TestCase: {} } }, MockedResponses: {} },
      '$.StateMachines.M.TestCase',
      'is not a field of this object (expected TestCases).',
    ],
    [
      { StateMachines: { M: { TestCases: { 'Happy Path': [] } } }, MockedResponses: {} },
      "$.StateMachines.M.TestCases['Happy Path']",
      'must be an object, not [].',
    ],
    [
      { StateMachines: { M: { TestCases: { T: { Lambda: 7 } } } }, MockedResponses: {} },
      '$.StateMachines.M.TestCases.T.Lambda',
      'must name a mocked response (a string), not 7.',
    ],
    [{ StateMachines: {}, MockedResponses: { X: 'none' } }, '$.MockedResponses.X', 'must be an object, not "none".'],
  ])('refuses %j at %s', (source, path, problem) => {
    const { message, path: where } = refusal(source as string | object);
    expect(where).toBe(path);
    expect(message.startsWith(`Invalid mock configuration in MockConfigFile.json: ${path} ${problem}`)).toBe(true);
  });

  it.each([
    [{ first: { Return: 1 } }, '$.MockedResponses.X.first is not an invocation number'],
    [{ '-1': { Return: 1 } }, "$.MockedResponses.X['-1'] is not an invocation number"],
    [{ '2-1': { Return: 1 } }, "$.MockedResponses.X['2-1'] is not an invocation number"],
    [{ '1-2-3': { Return: 1 } }, "$.MockedResponses.X['1-2-3'] is not an invocation number"],
    [
      { '0-2': { Return: 1 }, '2': { Return: 2 } },
      "$.MockedResponses.X['2'] overlaps the key '0-2' (an invocation has one response).",
    ],
    [{ '0': {} }, "$.MockedResponses.X['0'] must have exactly one field, Return or Throw, not none."],
    [
      { '0': { Return: 1, Throw: { Error: 'E', Cause: 'C' } } },
      "$.MockedResponses.X['0'] must have exactly one field, Return or Throw, not Return, Throw.",
    ],
    [{ '0': { Returns: 1 } }, "$.MockedResponses.X['0'] must have exactly one field, Return or Throw, not Returns."],
    [{ '0': { Throw: 'Boom' } }, '$.MockedResponses.X[\'0\'].Throw must be an object, not "Boom".'],
    [{ '0': { Throw: { Error: 'E' } } }, "$.MockedResponses.X['0'].Throw.Cause must be a string, not nothing."],
    [{ '0': { Throw: { Error: 1, Cause: 'C' } } }, "$.MockedResponses.X['0'].Throw.Error must be a string, not 1."],
    [
      { '0': { Throw: { Error: 'E', Cause: 'C', Code: 1 } } },
      "$.MockedResponses.X['0'].Throw.Code is not a field of this object (expected Error, Cause).",
    ],
  ])('refuses the mocked response %j', (response, expected) => {
    expect(refusal(withResponse(response)).message).toContain(`MockConfigFile.json: ${expected}`);
  });

  it('names the source only when told it', () => {
    expect(() => parseMockConfig('{}')).toThrow('Invalid mock configuration: $ has no StateMachines.');
  });
});

describe('MockConfig.testCase', () => {
  const config = parseMockConfig(GUIDE_CONFIG);

  it('resolves a test case: the states it mocks and those it leaves to run for real', () => {
    const responses = config.testCase('LambdaSQSIntegration', 'HybridPath');
    expect([responses.mocks('LambdaState'), responses.mocks('SQSState')]).toEqual([true, false]);
    expect(config.testCase('LambdaSQSIntegration', 'HybridPath')).toBe(responses);
  });

  it('refuses a state machine or a test case the configuration does not define', () => {
    expect(() => config.testCase('Other', 'HappyPath')).toThrow(
      "The mock configuration has no test cases for the state machine 'Other' (it has them for: 'LambdaSQSIntegration').",
    );
    expect(() => config.testCase('LambdaSQSIntegration', 'SadPath')).toThrow(
      "The mock configuration defines no test case 'SadPath' for the state machine 'LambdaSQSIntegration'" +
        " (it defines: 'HappyPath', 'RetryPath', 'HybridPath').",
    );
  });

  it('refuses a test case that names a mocked response MockedResponses does not define', () => {
    const broken = parseMockConfig({
      StateMachines: { M: { TestCases: { T: { S: 'Missing' } } } },
      MockedResponses: {},
    });
    expect(() => broken.testCase('M', 'T')).toThrow(
      "The test case 'T' of the state machine 'M' mocks the state 'S' with the mocked response 'Missing'," +
        ' which MockedResponses does not define.',
    );
  });
});
