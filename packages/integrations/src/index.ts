/**
 * `@lockstep/integrations`: what Task states call — Lambda functions (local, HTTP, AWS), AWS services through
 * the AWS SDK — as `Integration`s for the engine's runtimes, and the testing tools (mocked responses).
 */
export { awsSdkIntegration } from './aws-sdk/aws-sdk-integration.js';
export type { AwsCredentials, AwsSdkConfig } from './aws-sdk/config.js';
export * from './http/index.js';
export * from './lambda/index.js';
export {
  type MockConfig,
  type MockedAnswer,
  type MockedInvocations,
  type ParseMockConfigOptions,
  parseMockConfig,
} from './mock/mock-config.js';
export { MockConfigError } from './mock/mock-config-error.js';
export type { MockedResponses, MockTestCases } from './mock/test-case.js';
export { type RawResponse, sdkMetadata } from './sdk-metadata.js';
