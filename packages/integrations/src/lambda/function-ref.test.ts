import { describe, expect, it } from 'vitest';
import { FunctionNameError, homeOf, legacyFunctionRef, parseFunctionName } from './function-ref.js';

const HOME = { partition: 'aws', region: 'us-east-1', accountId: '111111111111' };

describe('parseFunctionName', () => {
  it('resolves a bare name in the state machine’s region and account', () => {
    expect(parseFunctionName('my-fn', undefined, HOME)).toEqual({
      name: 'my-fn',
      ...HOME,
      arn: 'arn:aws:lambda:us-east-1:111111111111:function:my-fn',
    });
  });

  it('reads the qualifier from the name or from Qualifier', () => {
    expect(parseFunctionName('my-fn:prod', undefined, HOME)).toMatchObject({
      name: 'my-fn',
      qualifier: 'prod',
      arn: 'arn:aws:lambda:us-east-1:111111111111:function:my-fn:prod',
    });
    expect(parseFunctionName('my-fn', '7', HOME)).toMatchObject({ qualifier: '7' });
  });

  it('reads partial and full ARNs', () => {
    expect(parseFunctionName('222222222222:function:my-fn:$LATEST', undefined, HOME)).toMatchObject({
      name: 'my-fn',
      accountId: '222222222222',
      qualifier: '$LATEST',
      region: 'us-east-1',
    });
    expect(parseFunctionName('arn:aws-cn:lambda:cn-north-1:333333333333:function:my-fn', undefined, HOME)).toEqual({
      name: 'my-fn',
      partition: 'aws-cn',
      region: 'cn-north-1',
      accountId: '333333333333',
      arn: 'arn:aws-cn:lambda:cn-north-1:333333333333:function:my-fn',
    });
  });

  it('refuses a Qualifier that contradicts the name, with Lambda’s message', () => {
    const attempt = () => parseFunctionName('my-fn:1', '2', HOME);
    expect(attempt).toThrow(FunctionNameError);
    expect(attempt).toThrow('The derived qualifier from the function name does not match the specified qualifier.');
  });
});

describe('legacyFunctionRef', () => {
  it('reads the function of a legacy resource ARN', () => {
    expect(legacyFunctionRef('arn:aws:lambda:eu-west-1:444444444444:function:Pay:live')).toEqual({
      name: 'Pay',
      qualifier: 'live',
      partition: 'aws',
      region: 'eu-west-1',
      accountId: '444444444444',
      arn: 'arn:aws:lambda:eu-west-1:444444444444:function:Pay:live',
    });
  });
});

describe('homeOf', () => {
  it('reads the state machine ARN of the context object, else falls back', () => {
    const context = { StateMachine: { Id: 'arn:aws-us-gov:states:us-gov-west-1:555555555555:stateMachine:M' } };
    expect(homeOf(context, HOME)).toEqual({
      partition: 'aws-us-gov',
      region: 'us-gov-west-1',
      accountId: '555555555555',
    });
    expect(homeOf({}, HOME)).toBe(HOME);
    expect(homeOf(null, HOME)).toBe(HOME);
  });
});
