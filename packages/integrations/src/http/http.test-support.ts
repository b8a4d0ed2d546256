/**
 * Local servers for the HTTP Task tests: an API that records each request and answers what the test
 * routes, and an OAuth client-credentials token endpoint that counts the tokens it issues.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the API received. */
export interface RecordedRequest {
  method: string;
  /** Path and query as sent. */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Answers a request; may delay or never answer. */
export type Route = (req: RecordedRequest, res: ServerResponse) => void;

/** A running local server. */
export interface LocalServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Starts an API server on port 0 answering with `route`. */
export async function startApi(route: Route): Promise<LocalServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    readBody(req).then((body) => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      requests.push(recorded);
      route(recorded, res);
    });
  });
  return listen(server, requests);
}

/** A token endpoint issuing `token-1`, `token-2`, ... valid `expiresIn` seconds, for one client. */
export async function startTokenEndpoint(
  client: { id: string; secret: string },
  expiresIn: number,
): Promise<LocalServer & { issued(): number }> {
  let issued = 0;
  const expected = `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}`;
  const api = await startApi((req, res) => {
    if (req.headers.authorization !== expected || !req.body.includes('grant_type=client_credentials')) {
      res.writeHead(401, { 'Content-Type': 'application/json' }).end(`{"error":"invalid_client","echo":"${req.body}"}`);
      return;
    }
    issued += 1;
    res
      .writeHead(200, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ access_token: `token-${issued}`, token_type: 'Bearer', expires_in: expiresIn }));
  });
  return { ...api, issued: () => issued };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function listen(server: Server, requests: RecordedRequest[]): Promise<LocalServer> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
