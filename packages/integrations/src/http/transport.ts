/**
 * One HTTP exchange over `node:http`/`node:https`: unlike `fetch`, it sends exactly the headers given (no
 * implicit `Accept`, `Accept-Encoding` or `Sec-Fetch-*`) and keeps response header names as the server wrote them.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** A request to send. */
export interface OutgoingRequest {
  url: string;
  method: string;
  headers: ReadonlyArray<readonly [string, string]>;
  body?: string;
  /** The whole exchange is abandoned after this long. */
  timeoutMs: number;
}

/** A response received. */
export interface ReceivedResponse {
  /** The HTTP version the server answered with (`1.1`). */
  httpVersion: string;
  statusCode: number;
  statusText: string;
  /** Header values by name as the server spelled it (first spelling wins), repeated headers in order. */
  headers: Record<string, string[]>;
  body: string;
}

/** The exchange did not finish in time. */
export class HttpTimeoutError extends Error {}

/** The exchange failed below HTTP (refused, reset, DNS). `message` names the failure without the request's data. */
export class HttpSocketError extends Error {}

/** A request in flight. */
export interface PendingExchange {
  response: Promise<ReceivedResponse>;
  cancel(): void;
}

/** Sends `outgoing`; the promise rejects with {@link HttpTimeoutError} or {@link HttpSocketError}. */
export function exchange(outgoing: OutgoingRequest): PendingExchange {
  const url = new URL(outgoing.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers: Record<string, string> = {};
  for (const [name, value] of outgoing.headers) headers[name] = value;
  if (outgoing.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(outgoing.body));
  let timer: NodeJS.Timeout | undefined;
  let abandon: (reason: Error) => void = () => {};
  const response = new Promise<ReceivedResponse>((resolve, reject) => {
    const req = send(url, { method: outgoing.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({
          httpVersion: res.httpVersion,
          statusCode: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          headers: groupHeaders(res),
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
      res.on('error', (e) => fail(e));
    });
    const fail = (e: Error) => {
      clearTimeout(timer);
      reject(e instanceof HttpTimeoutError ? e : new HttpSocketError(socketFailure(e)));
    };
    abandon = (reason) => {
      req.destroy(reason);
      fail(reason);
    };
    req.on('error', fail);
    timer = setTimeout(() => abandon(new HttpTimeoutError('timeout')), outgoing.timeoutMs);
    req.end(outgoing.body);
  });
  return {
    response,
    cancel: () => {
      clearTimeout(timer);
      // A cancelled call's outcome is never read: settle it quietly.
      response.catch(() => {});
      abandon(new HttpSocketError('cancelled'));
    },
  };
}

function groupHeaders(res: IncomingMessage): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  const spelling = new Map<string, string>();
  const raw = res.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    const key = spelling.get(name.toLowerCase()) ?? name;
    spelling.set(name.toLowerCase(), key);
    (grouped[key] ??= []).push(raw[i + 1] as string);
  }
  return grouped;
}

/** The failure's code (`ECONNREFUSED`, `ENOTFOUND`...): never its message, which may repeat the URL. */
function socketFailure(e: Error): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code ?? e.name;
}
