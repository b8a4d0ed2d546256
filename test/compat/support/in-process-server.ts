/**
 * The Step Functions API as a real HTTP server inside the test process: `startServer` over `createService` over an
 * in-memory SQLite store, listening on a free port.
 */

import { startServer } from '@lockstep/server';
import { createService } from '@lockstep/service';
import { openSqliteStore } from '@lockstep/store-sqlite';

/** A running in-process server. */
export interface InProcessServer {
  /** The endpoint as the server prints it (`http://127.0.0.1:<port>`). */
  url: string;
  port: number;
  /** The AWS operation names the service implements. */
  operations: string[];
  /** Stops the server, the runtime and the store, in that order. */
  close(): Promise<void>;
}

/**
 * Starts the server. GetActivityTask polls for `activityPollMs` (AWS: 60 s) so that an empty poll answers quickly,
 * and the runtime looks for due work every few milliseconds instead of every second.
 */
export async function startInProcessServer(options: { activityPollMs?: number } = {}): Promise<InProcessServer> {
  const store = openSqliteStore({ memory: true });
  const service = createService({ store, activityPollMs: options.activityPollMs ?? 250, runtime: { idleMs: 5 } });
  service.start();
  const server = await startServer({ operations: service.operations, port: 0 });
  return {
    url: server.url,
    port: Number(new URL(server.url).port),
    operations: Object.keys(service.operations),
    close: async () => {
      await server.close();
      await service.stop();
      await store.close();
    },
  };
}
