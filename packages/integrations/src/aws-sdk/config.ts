/**
 * Configuration of the AWS SDK integrations: where the services are, as whom to call them, and how client packages
 * are found. Everything defaults to what the AWS SDK itself reads (`AWS_REGION`, `AWS_ENDPOINT_URL`,
 * `AWS_ENDPOINT_URL_<SERVICE>`, the default credential chain).
 */

/** AWS credentials, as the AWS SDK v3 takes them. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Options of `awsSdkIntegration`. */
export interface AwsSdkConfig {
  /**
   * Region of every call.
   * @default `AWS_REGION`, else `AWS_DEFAULT_REGION`, else the execution's region (from its ARN)
   */
  region?: string;
  /**
   * Endpoint of every service, as `AWS_ENDPOINT_URL` sets it (e.g. `http://localhost:4566`).
   * @default the SDK's: `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the shared config file, then AWS
   */
  endpoint?: string;
  /**
   * Endpoints by Step Functions service name (`s3`, `dynamodb`, `sqs`, `sns`, `eventbridge`, `sfn`, ...); they win
   * over `endpoint`. The optimized `events:putEvents` uses `eventbridge`'s.
   */
  endpoints?: Readonly<Record<string, string>>;
  /** Credentials of every call. @default the SDK's default provider chain (environment, profile, SSO, IMDS...) */
  credentials?: AwsCredentials | (() => Promise<AwsCredentials>);
  /**
   * Further SDK v3 client options by Step Functions service name (`'*'` for all), e.g. `{ '*': { maxAttempts: 1 } }`.
   * S3 uses path-style addressing when an endpoint is configured, as local S3 servers expect; `{ s3: {
   * forcePathStyle: false } }` turns that off.
   */
  clientOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /**
   * How often a `.sync` Task describes the job it waits for (`glue:startJobRun.sync`, ...), in milliseconds.
   * @default 1000
   */
  syncPollIntervalMs?: number;
  /** Directory whose `node_modules` provide the client packages. @default `process.cwd()` */
  resolveFrom?: string;
  /**
   * Loads a client package by name; resolves `undefined` when it is not installed. For bundlers and tests.
   * @default `import()` from this package, then from `resolveFrom`
   */
  loadPackage?: (packageName: string) => Promise<Record<string, unknown> | undefined>;
}

/** The region of a call: configured, from the environment, or the execution's (`arn:aws:states:REGION:...`). */
export function callRegion(config: AwsSdkConfig, executionArn: string | undefined): string {
  const executionRegion = executionArn?.split(':')[3];
  return config.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? (executionRegion || 'us-east-1');
}

/** The endpoint configured for a service, or `undefined` when the SDK's own resolution applies. */
export function configuredEndpoint(config: AwsSdkConfig, service: string): string | undefined {
  return config.endpoints?.[service] ?? config.endpoint;
}
