import { describe, expect, it } from 'vitest';
import { javaV1ExceptionName, javaV2ExceptionName, javaV2MemberName, pascalCase } from './java-naming.js';

describe('Java SDK names', () => {
  it('names members as the AWS SDK integrations return them (DynamoDB `Bool`, `Nul`, recorded by users)', () => {
    expect(['S', 'N', 'SS', 'BOOL', 'NULL', 'M', 'L'].map(javaV2MemberName)).toEqual([
      'S',
      'N',
      'Ss',
      'Bool',
      'Nul',
      'M',
      'L',
    ]);
  });

  it('keeps names AWS returns unchanged (S3 GetObject, recorded)', () => {
    const names = ['AcceptRanges', 'ContentLength', 'ContentType', 'ETag', 'LastModified', 'Metadata', 'Body'];
    expect(names.map(javaV2MemberName)).toEqual(names);
  });

  it('splits acronyms and numbers as the Java code generator does', () => {
    expect(pascalCase('MD5OfMessageBody')).toBe('Md5OfMessageBody');
    expect(pascalCase('SSECustomerAlgorithm')).toBe('SseCustomerAlgorithm');
    expect(pascalCase('SSEKMSKeyId')).toBe('SsekmsKeyId');
    expect(pascalCase('restApiId')).toBe('RestApiId');
    expect(pascalCase('DynamoDB')).toBe('DynamoDb');
    expect(pascalCase('SFN')).toBe('Sfn');
    expect(pascalCase('EC2')).toBe('Ec2');
  });

  it('names exceptions as the Java SDK v2 does', () => {
    expect(javaV2ExceptionName('NoSuchKey')).toBe('NoSuchKeyException');
    expect(javaV2ExceptionName('InvalidToken')).toBe('InvalidTokenException');
    expect(javaV2ExceptionName('ResourceNotFoundException')).toBe('ResourceNotFoundException');
    expect(javaV2ExceptionName('KMSAccessDeniedException')).toBe('KmsAccessDeniedException');
    expect(javaV2ExceptionName('EC2ThrottledException')).toBe('Ec2ThrottledException');
    expect(javaV2ExceptionName('CacheClusterNotFoundFault')).toBe('CacheClusterNotFoundException');
  });

  it('names exceptions as the Java SDK v1 does', () => {
    expect(javaV1ExceptionName('NotFound')).toBe('NotFoundException');
    expect(javaV1ExceptionName('QueueDoesNotExist')).toBe('QueueDoesNotExistException');
    expect(javaV1ExceptionName('ConditionalCheckFailedException')).toBe('ConditionalCheckFailedException');
    expect(javaV1ExceptionName('CacheClusterNotFoundFault')).toBe('CacheClusterNotFoundException');
  });
});
