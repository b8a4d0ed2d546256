import { describe, expect, it } from 'vitest';
import { clientPackageName, errorPrefix } from './service-names.js';

describe('service names', () => {
  it('finds the SDK v3 client package of a Step Functions service name', () => {
    expect(clientPackageName('s3')).toBe('@aws-sdk/client-s3');
    expect(clientPackageName('sfn')).toBe('@aws-sdk/client-sfn');
    expect(clientPackageName('eventbridge')).toBe('@aws-sdk/client-eventbridge');
    expect(clientPackageName('secretsmanager')).toBe('@aws-sdk/client-secrets-manager');
    expect(clientPackageName('cloudwatchlogs')).toBe('@aws-sdk/client-cloudwatch-logs');
    expect(clientPackageName('databasemigration')).toBe('@aws-sdk/client-database-migration-service');
    expect(clientPackageName('config')).toBe('@aws-sdk/client-config-service');
    expect(clientPackageName('route53')).toBe('@aws-sdk/client-route-53');
    expect(clientPackageName('bedrockruntime')).toBe('@aws-sdk/client-bedrock-runtime');
  });

  it("uses AWS's exception prefixes, and the Java client name for services missing from AWS's table", () => {
    expect(errorPrefix('s3', 'S3Client')).toBe('S3');
    expect(errorPrefix('dynamodb', 'DynamoDBClient')).toBe('DynamoDb');
    expect(errorPrefix('sfn', 'SFNClient')).toBe('Sfn');
    expect(errorPrefix('acmpca', 'ACMPCAClient')).toBe('AcmPca');
    expect(errorPrefix('cloudwatchlogs', 'CloudWatchLogsClient')).toBe('CloudWatchLogs');
    expect(errorPrefix('bedrockruntime', 'BedrockRuntimeClient')).toBe('BedrockRuntime');
  });
});
