/**
 * A state machine's configuration members (`loggingConfiguration`, `tracingConfiguration`,
 * `encryptionConfiguration`): read from a request, normalized as AWS shows them back, and stored as JSON text.
 *
 * Recorded AWS behaviour (LocalStack's AWS-validated `test_sfn_api_logs`): an absent or partial logging
 * configuration reads back as `{level: 'OFF', includeExecutionData: false}` (keeping `destinations` when given, even
 * empty); a level other than `OFF` needs exactly one destination, and more than one is always refused.
 */
import type { RequestReader } from './request.js';
import { Shape } from './request.js';
import { ServiceError } from './service-error.js';

/** `loggingConfiguration` as stored and described. */
export interface LoggingConfiguration {
  level: 'ALL' | 'ERROR' | 'FATAL' | 'OFF';
  includeExecutionData: boolean;
  destinations?: { cloudWatchLogsLogGroup?: { logGroupArn?: string } }[];
}

/** The logging configuration of a state machine created without one. */
export const DEFAULT_LOGGING_CONFIGURATION = JSON.stringify({ level: 'OFF', includeExecutionData: false });

/** The tracing configuration of a state machine created without one. */
export const DEFAULT_TRACING_CONFIGURATION = JSON.stringify({ enabled: false });

/**
 * What DescribeStateMachine/DescribeActivity show as `encryptionConfiguration`: AWS's default, an AWS-owned key.
 * Lockstep has no KMS, so it is the only configuration it accepts.
 */
export const ENCRYPTION_CONFIGURATION = { type: 'AWS_OWNED_KEY' } as const;

const LOG_LEVELS = ['ALL', 'ERROR', 'FATAL', 'OFF'] as const;

/**
 * Reads `loggingConfiguration` (model constraints only): the normalized configuration, or undefined when absent.
 * Call {@link assertValidLogging} on it after `done()`.
 */
export function readLoggingConfiguration(request: RequestReader): LoggingConfiguration | undefined {
  const config = request.structure('loggingConfiguration');
  if (!config) return undefined;
  const level = config.enumeration('level', LOG_LEVELS) ?? 'OFF';
  const includeExecutionData = config.boolean('includeExecutionData') ?? false;
  const destinations = config.structureList('destinations')?.map((destination) => {
    const group = destination.structure('cloudWatchLogsLogGroup');
    if (!group) return {};
    const logGroupArn = group.string('logGroupArn', Shape.Arn);
    return { cloudWatchLogsLogGroup: logGroupArn === undefined ? {} : { logGroupArn } };
  });
  return destinations ? { level, includeExecutionData, destinations } : { level, includeExecutionData };
}

/** Throws AWS's `InvalidLoggingConfiguration` unless the configuration names the one destination it needs. */
export function assertValidLogging(config: LoggingConfiguration | undefined): void {
  if (!config) return;
  const count = config.destinations?.length ?? 0;
  if (count > 1 || (config.level !== 'OFF' && count !== 1)) {
    throw new ServiceError(
      'InvalidLoggingConfiguration',
      'Invalid Logging Configuration: Must specify exactly one Log Destination.',
    );
  }
}

/** Reads `tracingConfiguration` as stored JSON text (`{"enabled":false}` when `enabled` is absent). */
export function readTracingConfiguration(request: RequestReader): string | undefined {
  const config = request.structure('tracingConfiguration');
  if (!config) return undefined;
  return JSON.stringify({ enabled: config.boolean('enabled') ?? false });
}

/**
 * Reads `encryptionConfiguration`. The model's constraints are checked; an AWS-owned key is accepted (it is the
 * default) and a customer managed KMS key is refused with `InvalidEncryptionConfiguration` after `done()` by
 * {@link assertSupportedEncryption}: Lockstep cannot call KMS (message Lockstep's own).
 */
export function readEncryptionType(request: RequestReader): string | undefined {
  const config = request.structure('encryptionConfiguration');
  if (!config) return undefined;
  config.string('kmsKeyId', { min: 1, max: 2048 });
  config.integer('kmsDataKeyReusePeriodSeconds', { min: 60, max: 900 });
  return config.enumeration('type', ['AWS_OWNED_KEY', 'CUSTOMER_MANAGED_KMS_KEY'], true);
}

/** Refuses encryption configurations other than AWS's default (see {@link readEncryptionType}). */
export function assertSupportedEncryption(type: string | undefined): void {
  if (type === undefined || type === ENCRYPTION_CONFIGURATION.type) return;
  throw new ServiceError(
    'InvalidEncryptionConfiguration',
    'Invalid Encryption Configuration: customer managed KMS keys are not supported by Lockstep.',
  );
}
