/**
 * Serving the app over HTTP with `@hono/node-server`.
 */
import {
  createServer,
  type ServerOptions as HttpServerOptions,
  type IncomingMessage,
  type RequestListener,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Operation } from '@lockstep/service';
import { type AppOptions, createApp } from './app.js';

/** Options of {@link startServer}. */
export interface ServerOptions extends AppOptions {
  /** The operations to serve, keyed by AWS operation name. */
  operations: Record<string, Operation>;
  /** @default '127.0.0.1' (local only: the API has no authentication) */
  host?: string;
  /** 0 picks a free port. @default 8083 */
  port?: number;
}

/** A listening server. */
export interface RunningServer {
  /** The endpoint to give SDKs, e.g. `http://127.0.0.1:8083`. */
  url: string;
  /** Stops accepting connections and resolves once the requests in flight are answered. */
  close(): Promise<void>;
}

/** Starts the API server; resolves once it listens (rejects if it cannot, e.g. the port is taken). */
export function startServer(options: ServerOptions): Promise<RunningServer> {
  const app = createApp(options.operations, options);
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: app.fetch,
        hostname: options.host ?? '127.0.0.1',
        port: options.port ?? 8083,
        createServer: acceptingProxyRequests as typeof createServer,
      },
      (info: AddressInfo) => {
        server.off('error', reject);
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({ url: `http://${host}:${info.port}`, close: () => close(server) });
      },
    ) as Server;
    server.once('error', reject);
  });
}

/**
 * An HTTP server that also answers requests sent to it as a proxy, in absolute form (`POST http://host:port/`):
 * the AWS CLI can reach StartSyncExecution's `sync-` host only that way (`HTTP_PROXY`). Routing ignores the host,
 * so the target becomes its path, which spares the adapter parsing hosts no URL allows (`sync-127.0.0.1`).
 */
function acceptingProxyRequests(options: HttpServerOptions, listener: RequestListener): Server {
  return createServer(options, (request, response) => listener(toOriginForm(request), response));
}

function toOriginForm(request: IncomingMessage): IncomingMessage {
  const target = request.url;
  if (target !== undefined && !target.startsWith('/')) {
    const afterScheme = target.indexOf('://');
    const path = afterScheme < 0 ? -1 : target.indexOf('/', afterScheme + 3);
    request.url = path < 0 ? '/' : target.slice(path);
  }
  return request;
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Kept-alive connections with no request in flight would otherwise hold `close` open until they time out.
    server.closeIdleConnections();
  });
}
