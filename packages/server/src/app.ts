/**
 * The Step Functions HTTP API as a Hono app: `POST /` with `X-Amz-Target: AWSStepFunctions.<Operation>` and a JSON
 * body, answered with the operation's result or AWS's error body. EventBridge's operations served alongside (the
 * connections of HTTP Tasks) are reached with `X-Amz-Target: AWSEvents.<Operation>` and answered in EventBridge's
 * AWS JSON 1.1: its content type, and error bodies whose `__type` is the bare error name.
 *
 * Routing looks at the target header only: SDKs send StartSyncExecution and TestState to a `sync-` prefixed host,
 * which must reach the same operations. Bad requests (unknown targets, bodies that are not JSON objects, bodies over
 * AWS's 1 MB request limit, operations that throw something unexpected) get an error response, never a crash.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Operation } from '@lockstep/service';
import { Hono } from 'hono';
import {
  CONTENT_TYPE,
  errorBody,
  isWireError,
  MAX_REQUEST_BYTES,
  protocolError,
  TARGET_PREFIX,
  type WireError,
} from './aws-json.js';
import { mountConsole } from './console-assets.js';

/** EventBridge's target prefix: `X-Amz-Target: AWSEvents.<Operation>`. */
const EVENTS_TARGET_PREFIX = 'AWSEvents.';

/** EventBridge's media type (AWS JSON 1.1). */
const EVENTS_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** How a request is answered: Step Functions' AWS JSON 1.0, or EventBridge's 1.1. */
interface Protocol {
  contentType: string;
  errorBody(error: WireError): Record<string, unknown>;
}

const STEP_FUNCTIONS: Protocol = { contentType: CONTENT_TYPE, errorBody };

/** EventBridge names errors without a namespace (`{"__type":"ResourceNotFoundException","message":...}`). */
const EVENTS: Protocol = {
  contentType: EVENTS_CONTENT_TYPE,
  errorBody: (error) => ({ __type: error.code, ...(error.message && { message: error.message }), ...error.members }),
};

/** Options of {@link createApp}. */
export interface AppOptions {
  /** EventBridge operations (keyed by AWS operation name, e.g. `CreateConnection`), for `AWSEvents.` targets. */
  eventsOperations?: Record<string, Operation>;
  /** Where unexpected operation failures are reported (once each). @default console.error */
  logError?: (message: string, error: unknown) => void;
  /** The built web console (`@lockstep/console`'s `dist/`), served at `GET /`; no console without it. */
  consoleDir?: string;
}

/** The app serving `operations` (keyed by AWS operation name, e.g. `CreateStateMachine`). */
export function createApp(operations: Record<string, Operation>, options: AppOptions = {}): Hono {
  const logError = options.logError ?? ((message, error) => console.error(message, error));
  const app = new Hono();

  app.post('/', async (c) => {
    const target = c.req.header('x-amz-target') ?? '';
    const events = options.eventsOperations !== undefined && target.startsWith(EVENTS_TARGET_PREFIX);
    const protocol = events ? EVENTS : STEP_FUNCTIONS;
    const failure = (error: WireError): Response => reply(protocol, protocol.errorBody(error), error.status);
    // Served by @hono/node-server, the Node request is at hand: reading it directly skips building a web
    // Request and a web stream for each call (a large part of a small call's cost).
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    const text = incoming ? await readIncoming(incoming) : await readBody(c.req.raw);
    if (text === undefined) {
      return failure(protocolError('RequestEntityTooLargeException', 413, 'Request entity too large'));
    }
    const request = parseObject(text);
    if (!request) return failure(protocolError('SerializationException', 400));
    const [prefix, served] = events ? [EVENTS_TARGET_PREFIX, options.eventsOperations!] : [TARGET_PREFIX, operations];
    const name = target.startsWith(prefix) ? target.slice(prefix.length) : undefined;
    const operation = name !== undefined && Object.hasOwn(served, name) ? served[name] : undefined;
    if (!operation) return failure(protocolError('UnknownOperationException', 400));
    try {
      return reply(protocol, await operation(request), 200);
    } catch (error) {
      if (isWireError(error)) return failure(error);
      logError(`${name} failed unexpectedly`, error);
      return failure(protocolError('InternalFailure', 500));
    }
  });

  if (options.consoleDir !== undefined) mountConsole(app, options.consoleDir);

  // Any other method or path: AWS's request layer knows no operation there.
  app.all('*', () => stepFunctionsFailure(protocolError('UnknownOperationException', 400)));

  // Failures outside the operations (e.g. the connection breaks while the body is read).
  app.onError((error) => {
    logError('request failed unexpectedly', error);
    return stepFunctionsFailure(protocolError('InternalFailure', 500));
  });

  return app;
}

function stepFunctionsFailure(error: WireError): Response {
  return reply(STEP_FUNCTIONS, errorBody(error), error.status);
}

function reply(protocol: Protocol, body: Record<string, unknown>, status: number): Response {
  return new Response(JSON.stringify(body), {
    status,
    // SDKs report the request id (`$metadata.requestId`) from this header.
    headers: { 'content-type': protocol.contentType, 'x-amzn-requestid': randomUUID() },
  });
}

/**
 * The body as text, or undefined when it exceeds {@link MAX_REQUEST_BYTES}: a declared length is refused before
 * anything is read, and a chunked body is read only up to the limit, so an oversized request costs at most 1 MB.
 */
async function readBody(request: Request): Promise<string | undefined> {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_REQUEST_BYTES) return undefined;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_REQUEST_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** {@link readBody} for a Node request. */
function readIncoming(incoming: IncomingMessage): Promise<string | undefined> {
  if (Number(incoming.headers['content-length'] ?? 0) > MAX_REQUEST_BYTES) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > MAX_REQUEST_BYTES) {
        incoming.destroy();
        resolve(undefined);
      } else {
        chunks.push(chunk);
      }
    });
    incoming.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    incoming.on('error', reject);
  });
}

/** The body as a JSON object, or undefined when it is not one (AWS: SerializationException). */
function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
