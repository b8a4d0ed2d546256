/** The HTTP Task integration (`arn:aws:states:::http:invoke`) and its configuration. */
export type {
  ConnectionAuthorizationType,
  ConnectionAuthParameters,
  ConnectionConfig,
  ConnectionHttpParameters,
  ConnectionParameter,
  HttpTaskConfig,
} from './config.js';
export { HttpErrorName, httpIntegration } from './http-integration.js';
