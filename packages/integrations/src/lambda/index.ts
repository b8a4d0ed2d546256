/**
 * The Lambda integration: `lambdaIntegration(config)` and its configuration.
 */
export type {
  AwsFunctionConfig,
  DefaultFunctionTarget,
  FunctionConfig,
  HttpFunctionConfig,
  LambdaConfig,
  LambdaLogEntry,
  LocalFunctionConfig,
} from './config.js';
export { type LambdaIntegration, lambdaIntegration } from './lambda-integration.js';
