/**
 * Serving the app over HTTP with `@hono/node-server`.
 */
import type { Server } from 'node:http';
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
      { fetch: app.fetch, hostname: options.host ?? '127.0.0.1', port: options.port ?? 8083 },
      (info: AddressInfo) => {
        server.off('error', reject);
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({ url: `http://${host}:${info.port}`, close: () => close(server) });
      },
    ) as Server;
    server.once('error', reject);
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Kept-alive connections with no request in flight would otherwise hold `close` open until they time out.
    server.closeIdleConnections();
  });
}
