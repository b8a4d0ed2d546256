import { describe, expect, it } from 'vitest';
import { javaHashMapOrder, sdkMetadata } from './sdk-metadata.js';

describe('SdkHttpMetadata', () => {
  it('orders AllHttpHeaders as the Java HashMap AWS serializes (two AWS recordings)', () => {
    // Recorded orders (SQS sendMessage, DynamoDB putItem); the servers sent them in some other order.
    const sqs = ['x-amzn-RequestId', 'connection', 'Content-Length', 'Date', 'Content-Type'];
    const dynamodb = [
      'Server',
      'Connection',
      'x-amzn-RequestId',
      'x-amz-crc32',
      'Content-Length',
      'Date',
      'Content-Type',
    ];
    expect(javaHashMapOrder(['Content-Type', 'Date', 'x-amzn-RequestId', 'connection', 'Content-Length'])).toEqual(sqs);
    expect(
      javaHashMapOrder([
        'Server',
        'Date',
        'Content-Type',
        'Content-Length',
        'Connection',
        'x-amzn-RequestId',
        'x-amz-crc32',
      ]),
    ).toEqual(dynamodb);
  });

  it('builds both metadata members, HttpHeaders sorted without regard to case', () => {
    const rawHeaders = [
      'x-amzn-RequestId',
      'r-1',
      'Content-Type',
      'text/xml',
      'Content-Length',
      '294',
      'connection',
      'keep-alive',
    ];
    const metadata = sdkMetadata({ statusCode: 200, rawHeaders }, 'r-1');
    expect(JSON.stringify(metadata)).toBe(
      JSON.stringify({
        SdkHttpMetadata: {
          AllHttpHeaders: {
            'x-amzn-RequestId': ['r-1'],
            connection: ['keep-alive'],
            'Content-Length': ['294'],
            'Content-Type': ['text/xml'],
          },
          HttpHeaders: {
            connection: 'keep-alive',
            'Content-Length': '294',
            'Content-Type': 'text/xml',
            'x-amzn-RequestId': 'r-1',
          },
          HttpStatusCode: 200,
        },
        SdkResponseMetadata: { RequestId: 'r-1' },
      }),
    );
  });
});
