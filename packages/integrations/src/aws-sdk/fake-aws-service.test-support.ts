/**
 * A test double of an AWS service endpoint: an HTTP server on a free local port that records each request and
 * answers what the test's handler says, with helpers for the AWS JSON and query (XML) protocols. The SDK clients are
 * pointed at it as at any endpoint. Also: invoking an integration once, outside an execution.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Json } from '@lockstep/asl';
import { type Integration, type IntegrationRequest, parseResource } from '@lockstep/engine';

/** A request the double received. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The `X-Amz-Target` of JSON-protocol requests, e.g. `DynamoDB_20120810.PutItem`. */
  readonly target: string | undefined;
}

/** What the double answers. Headers are sent in order with their names' case; no `Date` is added. */
export interface CannedResponse {
  readonly status?: number;
  readonly headers?: readonly (readonly [string, string])[];
  readonly body?: string;
}

/** A running double. */
export interface FakeAwsService {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  readonly requests: RecordedRequest[];
  /** Replaces the handler. */
  respond(handler: (request: RecordedRequest) => CannedResponse): void;
  close(): Promise<void>;
}

/** Starts a double on a free port. */
export async function startFakeAwsService(
  handler?: (request: RecordedRequest) => CannedResponse,
): Promise<FakeAwsService> {
  const requests: RecordedRequest[] = [];
  let respond: (request: RecordedRequest) => CannedResponse = handler ?? (() => ({ status: 500, body: 'no handler' }));
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const target = req.headers['x-amz-target'];
      const request: RecordedRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        target: typeof target === 'string' ? target : undefined,
      };
      requests.push(request);
      const answer = respond(request);
      const body = Buffer.from(answer.body ?? '');
      res.sendDate = false;
      res.writeHead(answer.status ?? 200, [...(answer.headers ?? []), ['Content-Length', String(body.length)]].flat());
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    respond: (next) => {
      respond = next;
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A JSON-protocol answer (DynamoDB, SQS: `application/x-amz-json-1.0`; EventBridge: 1.1). */
export function jsonAnswer(
  body: object,
  requestId: string,
  contentType = 'application/x-amz-json-1.0',
): CannedResponse {
  return {
    headers: [
      ['x-amzn-RequestId', requestId],
      ['Content-Type', contentType],
    ],
    body: JSON.stringify(body),
  };
}

/** A JSON-protocol error; `queryError` is the `x-amzn-query-error` of query-compatible services (SQS). */
export function jsonError(
  type: string,
  message: string,
  requestId: string,
  options: { status?: number; queryError?: string; contentType?: string } = {},
): CannedResponse {
  return {
    status: options.status ?? 400,
    headers: [
      ['x-amzn-RequestId', requestId],
      ['Content-Type', options.contentType ?? 'application/x-amz-json-1.0'],
      ...(options.queryError ? [['x-amzn-query-error', options.queryError] as const] : []),
    ],
    body: JSON.stringify({ __type: type, message }),
  };
}

/** A query-protocol (XML) answer of `action` (SNS), `result` being the inner XML of `<ActionResult>`. */
export function queryAnswer(action: string, result: string, requestId: string, namespace: string): CannedResponse {
  return {
    headers: [
      ['x-amzn-RequestId', requestId],
      ['Content-Type', 'text/xml'],
    ],
    body:
      `<${action}Response xmlns="${namespace}"><${action}Result>${result}</${action}Result>` +
      `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`,
  };
}

/** A query-protocol (XML) error. */
export function queryError(
  code: string,
  message: string,
  requestId: string,
  status: number,
  namespace: string,
): CannedResponse {
  return {
    status,
    headers: [
      ['x-amzn-RequestId', requestId],
      ['Content-Type', 'text/xml'],
    ],
    body:
      `<ErrorResponse xmlns="${namespace}"><Error><Type>Sender</Type><Code>${code}</Code>` +
      `<Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  };
}

/** How an integration ended one invocation. */
export type Reported =
  | { readonly kind: 'succeed' | 'submitted'; readonly output: Json }
  | { readonly kind: 'fail'; readonly error: string | undefined; readonly cause: string | undefined };

/** The request of a Task of `resource` with `input` as its effective input, in a sample execution. */
export function sampleTaskRequest(resource: string, input: Json): IntegrationRequest {
  return {
    stateName: 'Task',
    resource,
    input,
    context: {
      Execution: { Id: 'arn:aws:states:us-east-1:111111111111:execution:Machine:run-1' },
      StateMachine: { Id: 'arn:aws:states:us-east-1:111111111111:stateMachine:Machine' },
    },
    resourceInfo: parseResource(resource),
    idempotencyKey: 'arn:aws:states:us-east-1:111111111111:execution:Machine:run-1/2/0',
  };
}

/** Invokes `integration` for a Task of `resource` with `input` as its effective input, in a sample execution. */
export function invokeOnce(integration: Integration, resource: string, input: Json): Promise<Reported> {
  const request = sampleTaskRequest(resource, input);
  return new Promise((resolve) => {
    integration.invoke(request, {
      succeed: (output) => resolve({ kind: 'succeed', output }),
      submitted: (output) => resolve({ kind: 'submitted', output }),
      fail: (error, cause) => resolve({ kind: 'fail', error, cause }),
    });
  });
}

/** The output an invocation succeeded (or was submitted) with; throws when it failed. */
export function outputOf(reported: Reported): { [key: string]: Json } {
  if (reported.kind === 'fail') throw new Error(`failed: ${reported.error}: ${reported.cause}`);
  const { output } = reported;
  if (typeof output !== 'object' || output === null || Array.isArray(output))
    throw new Error('output is not an object');
  return output;
}
