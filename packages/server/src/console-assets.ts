/**
 * The web console's files, served beside the API: `GET /assets/*` and the other files of the built console (from
 * `@lockstep/console`'s `dist/`) with their content types, and `index.html` for every other `GET`, so that the
 * console's client routes (`/executions/<arn>`...) load it. Hashed assets are cached for good; `index.html` is
 * revalidated, so that a rebuilt console is picked up. Without a build, `GET /` says how to make one.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context, Hono } from 'hono';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Vite names the files under `assets/` by their content's hash: a changed file gets a new name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** Shown at `/` when the console has not been built. */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Lockstep</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>The Lockstep console is not built</h1>
<p>The Step Functions API is served here (POST /). To use the web console, build it and restart the server:</p>
<pre>npm run build</pre>
</body></html>
`;

/** Serves the console built in `consoleDir` on `app` (before the app's catch-all route). */
export function mountConsole(app: Hono, consoleDir: string): void {
  const root = resolve(consoleDir);
  app.get('*', async (c) => {
    let path: string;
    try {
      path = decodeURIComponent(c.req.path);
    } catch {
      return c.text('Not found', 404);
    }
    // A path with an extension names a file; anything else is one of the console's routes.
    if (path.startsWith('/assets/') || extname(path) !== '') {
      const file = resolve(join(root, path));
      if (!file.startsWith(root + sep)) return c.text('Not found', 404);
      const body = await readOrUndefined(file);
      if (!body) return c.text('Not found', 404);
      return send(
        c,
        body,
        CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE,
      );
    }
    const index = await readOrUndefined(join(root, 'index.html'));
    return send(c, index ?? Buffer.from(NOT_BUILT_PAGE), CONTENT_TYPES['.html'], REVALIDATE);
  });
}

function send(c: Context, body: Buffer, contentType: string, cacheControl: string): Response {
  return c.body(new Uint8Array(body), 200, {
    'content-type': contentType,
    'cache-control': cacheControl,
    'x-content-type-options': 'nosniff',
  });
}

async function readOrUndefined(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch {
    return undefined;
  }
}
