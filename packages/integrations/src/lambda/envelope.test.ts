import { describe, expect, it } from 'vitest';
import { javaHashMapOrder } from '../sdk-metadata.js';
import { invokeEnvelope, payloadValue } from './envelope.js';
import { masked } from './lambda.test-support.js';

/** AWS's lambda:invoke result for a function returning `{}` (LocalStack's test_invoke, recorded 2025-11-06). */
const RECORDED_EMPTY_OBJECT = {
  ExecutedVersion: '$LATEST',
  Payload: {},
  SdkHttpMetadata: {
    AllHttpHeaders: {
      'X-Amz-Executed-Version': ['$LATEST'],
      'x-amzn-Remapped-Content-Length': ['0'],
      Connection: ['keep-alive'],
      'x-amzn-RequestId': ['<request-id>'],
      'Content-Length': ['2'],
      Date: ['<date>'],
      'X-Amzn-Trace-Id': ['<trace-id>'],
      'Content-Type': ['application/json'],
    },
    HttpHeaders: {
      Connection: 'keep-alive',
      'Content-Length': '2',
      'Content-Type': 'application/json',
      Date: '<date>',
      'X-Amz-Executed-Version': '$LATEST',
      'x-amzn-Remapped-Content-Length': '0',
      'x-amzn-RequestId': '<request-id>',
      'X-Amzn-Trace-Id': '<trace-id>',
    },
    HttpStatusCode: 200,
  },
  SdkResponseMetadata: { RequestId: '<request-id>' },
  StatusCode: 200,
};

const REQUEST_ID = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';

describe('invokeEnvelope', () => {
  it("is AWS's recorded envelope, members and header order included", () => {
    const envelope = invokeEnvelope({
      statusCode: 200,
      payload: '{}',
      executedVersion: '$LATEST',
      requestId: REQUEST_ID,
    });
    expect(JSON.stringify(masked(envelope))).toBe(JSON.stringify(RECORDED_EMPTY_OBJECT));
  });

  it('puts LogResult after ExecutedVersion and X-Amz-Log-Result first among the headers (recorded, LogType Tail)', () => {
    const envelope = invokeEnvelope({
      statusCode: 200,
      payload: '{}',
      executedVersion: '$LATEST',
      logResult: 'U1RBUlQ=',
      requestId: REQUEST_ID,
    }) as Record<string, any>;
    expect(Object.keys(envelope)).toEqual([
      'ExecutedVersion',
      'LogResult',
      'Payload',
      'SdkHttpMetadata',
      'SdkResponseMetadata',
      'StatusCode',
    ]);
    expect(Object.keys(envelope.SdkHttpMetadata.AllHttpHeaders)[0]).toBe('X-Amz-Log-Result');
    expect(Object.keys(envelope.SdkHttpMetadata.HttpHeaders)).toEqual([
      'Connection',
      'Content-Length',
      'Content-Type',
      'Date',
      'X-Amz-Executed-Version',
      'X-Amz-Log-Result',
      'x-amzn-Remapped-Content-Length',
      'x-amzn-RequestId',
      'X-Amzn-Trace-Id',
    ]);
  });

  it('counts Content-Length in bytes of the payload text (recorded: "HelloWorld!" is 13)', () => {
    const envelope = invokeEnvelope({ statusCode: 200, payload: '"HelloWorld!"', requestId: REQUEST_ID }) as any;
    expect(envelope.Payload).toBe('HelloWorld!');
    expect(envelope.SdkHttpMetadata.HttpHeaders['Content-Length']).toBe('13');
    expect(invokeEnvelope({ statusCode: 200, payload: '"é"', requestId: REQUEST_ID })).toMatchObject({
      SdkHttpMetadata: { HttpHeaders: { 'Content-Length': '4' } },
    });
  });
});

describe('payloadValue', () => {
  it('parses JSON and keeps other text as a string', () => {
    expect(payloadValue('null')).toBe(null);
    expect(payloadValue('[1,{"a":2}]')).toEqual([1, { a: 2 }]);
    expect(payloadValue('not json')).toBe('not json');
    expect(payloadValue('')).toBe('');
  });
});

describe('javaHashMapOrder', () => {
  it("iterates as java.util.HashMap does: AWS's recorded header order", () => {
    const inserted = [
      'Date',
      'Content-Type',
      'Content-Length',
      'Connection',
      'x-amzn-RequestId',
      'x-amzn-Remapped-Content-Length',
      'X-Amz-Executed-Version',
      'X-Amzn-Trace-Id',
    ];
    expect(javaHashMapOrder(inserted)).toEqual([
      'X-Amz-Executed-Version',
      'x-amzn-Remapped-Content-Length',
      'Connection',
      'x-amzn-RequestId',
      'Content-Length',
      'Date',
      'X-Amzn-Trace-Id',
      'Content-Type',
    ]);
  });

  it('keeps insertion order within a bucket and grows the table past 12 keys', () => {
    // Connection and x-amzn-RequestId share bucket 8 of 16.
    expect(javaHashMapOrder(['x-amzn-RequestId', 'Connection'])).toEqual(['x-amzn-RequestId', 'Connection']);
    const many = Array.from({ length: 13 }, (_, i) => `k${i}`);
    expect(javaHashMapOrder(many)).toHaveLength(13);
    expect(new Set(javaHashMapOrder(many))).toEqual(new Set(many));
  });
});
