/**
 * `@lockstep/server`: the Step Functions HTTP API (AWS JSON 1.0) over the Lockstep service.
 */

export { type AppOptions, createApp } from './app.js';
export { CONTENT_TYPE, MAX_REQUEST_BYTES, TARGET_PREFIX } from './aws-json.js';
export { type RunningServer, type ServerOptions, startServer } from './serve.js';
