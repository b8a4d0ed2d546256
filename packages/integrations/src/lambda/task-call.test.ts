import { parseResource } from '@lockstep/engine';
import { describe, expect, it } from 'vitest';
import { CONTEXT } from './lambda.test-support.js';
import { eventText, InvalidParametersError, taskCall } from './task-call.js';

const HOME = { partition: 'aws', region: 'us-east-1', accountId: '111111111111' };

function task(resource: string, input: unknown) {
  return {
    stateName: 'Start',
    resource,
    input: input as never,
    context: CONTEXT as never,
    resourceInfo: parseResource(resource),
    idempotencyKey: 'k',
  };
}

describe('eventText', () => {
  it('sends no Payload, or null, as {} (recorded: the identity function answered {})', () => {
    expect(eventText(undefined)).toBe('{}');
    expect(eventText(null)).toBe('{}');
  });

  it('sends a string of JSON text as that text (recorded: "null" answered null, "\\"HelloWorld\\"" a string)', () => {
    expect(eventText('null')).toBe('null');
    expect(eventText('"HelloWorld"')).toBe('"HelloWorld"');
    expect(eventText('0.0')).toBe('0.0');
  });

  it('sends other values as their JSON', () => {
    expect(eventText({ a: [1, true] })).toBe('{"a":[1,true]}');
    expect(eventText('plain words')).toBe('"plain words"');
    expect(eventText(0)).toBe('0');
  });
});

describe('taskCall', () => {
  it('sends a legacy function the effective input', () => {
    const call = taskCall(task('arn:aws:lambda:us-east-1:111111111111:function:Pay', 'HelloWorld'), HOME, 'id');
    expect(call).toEqual({
      form: 'legacy',
      ref: expect.objectContaining({ name: 'Pay', arn: 'arn:aws:lambda:us-east-1:111111111111:function:Pay' }),
      request: {
        payload: '"HelloWorld"',
        requestId: 'id',
        functionName: 'arn:aws:lambda:us-east-1:111111111111:function:Pay',
      },
    });
  });

  it('reads lambda:invoke parameters', () => {
    const parameters = {
      FunctionName: 'Pay:live',
      Payload: { amount: 3 },
      InvocationType: 'Event',
      LogType: 'Tail',
      ClientContext: 'e30=',
    };
    expect(taskCall(task('arn:aws:states:::lambda:invoke', parameters), HOME, 'id')).toEqual({
      form: 'invoke',
      ref: expect.objectContaining({ name: 'Pay', qualifier: 'live' }),
      request: {
        payload: '{"amount":3}',
        requestId: 'id',
        functionName: 'Pay:live',
        invocationType: 'Event',
        logType: 'Tail',
        clientContext: 'e30=',
      },
    });
  });

  it('refuses parameters without a FunctionName string', () => {
    expect(() => taskCall(task('arn:aws:states:::lambda:invoke', { Payload: 1 }), HOME, 'id')).toThrow(
      InvalidParametersError,
    );
    expect(() => taskCall(task('arn:aws:states:::lambda:invoke', { FunctionName: 7 }), HOME, 'id')).toThrow(
      `The Parameters '{"FunctionName":7}' could not be used to start the Task: [The field 'FunctionName' is required and must be a string]`,
    );
  });
});
