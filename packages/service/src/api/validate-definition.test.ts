import { describe, expect, it } from 'vitest';
import { failureOf, testContext } from '../test-support.js';
import { validateDefinitionOperations } from './validate-definition.js';

const { ValidateStateMachineDefinition: validate } = validateDefinitionOperations(testContext());

describe('ValidateStateMachineDefinition', () => {
  it('answers OK for a valid definition', async () => {
    const definition = '{"StartAt":"StartState","States":{"StartState":{"Type":"Pass","End":true}}}';
    expect(await validate({ definition })).toEqual({ result: 'OK', diagnostics: [], truncated: false });
  });

  it("answers AWS's recorded diagnostics", async () => {
    expect(await validate({ definition: '' })).toEqual({
      result: 'FAIL',
      diagnostics: [
        { severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'Definition must be a valid JSON object' },
      ],
      truncated: false,
    });
    expect(await validate({ definition: 'not a definition' })).toEqual({
      result: 'FAIL',
      diagnostics: [
        {
          severity: 'ERROR',
          code: 'INVALID_JSON_DESCRIPTION',
          message:
            "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (String)\"not a definition\"; line: 1, column: 4]",
          location: '[Source: (String)"not a definition"; line: 1, column: 4]',
        },
      ],
      truncated: false,
    });
    expect(await validate({ definition: '{}' })).toEqual({
      result: 'FAIL',
      diagnostics: [
        {
          severity: 'ERROR',
          code: 'SCHEMA_VALIDATION_FAILED',
          message: 'These fields are required: [States, StartAt]',
          location: '/',
        },
      ],
      truncated: false,
    });
  });

  it('validates for the type', async () => {
    const definition = JSON.stringify({
      StartAt: 'SendMessageWithWait',
      States: {
        SendMessageWithWait: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', End: true },
      },
    });
    expect((await validate({ definition })).result).toBe('OK');
    expect(await validate({ definition, type: 'EXPRESS' })).toEqual({
      result: 'FAIL',
      diagnostics: [
        {
          severity: 'ERROR',
          code: 'SCHEMA_VALIDATION_FAILED',
          message: "Express state machine does not support '.waitForTaskToken' service integration ",
          location: '/States/SendMessageWithWait/Resource',
        },
      ],
      truncated: false,
    });
  });

  it('truncates to maxResults', async () => {
    const definition = JSON.stringify({
      StartAt: 'A',
      States: { A: { Type: 'Pass', Next: 'X' }, B: { Type: 'Pass', Next: 'Y' }, C: { Type: 'Pass', Next: 'Z' } },
    });
    const all = await validate({ definition });
    expect((all.diagnostics as unknown[]).length).toBeGreaterThan(1);
    const one = await validate({ definition, maxResults: 1 });
    expect(one).toEqual({ result: 'FAIL', diagnostics: [(all.diagnostics as unknown[])[0]], truncated: true });
  });

  it('validates the request as AWS does', async () => {
    expect(await failureOf(validate({ definition: '{}', maxResults: 101, severity: 'INFO' }))).toMatchObject({
      code: 'ValidationException',
      message:
        "2 validation errors detected: Value 'INFO' at 'severity' failed to satisfy constraint: Member must satisfy enum value set: [ERROR, WARNING]; Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
    });
  });
});
