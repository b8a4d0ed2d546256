import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { NOT_BUILT_PAGE } from './console-assets.js';

const built = mkdtempSync(join(tmpdir(), 'lockstep-console-'));
mkdirSync(join(built, 'assets'));
writeFileSync(join(built, 'index.html'), '<!doctype html><title>console</title>');
writeFileSync(join(built, 'assets', 'index-abc123.js'), 'console.log(1)');
writeFileSync(join(built, 'assets', 'index-abc123.css'), 'body{}');
writeFileSync(join(built, 'favicon.svg'), '<svg/>');
writeFileSync(join(tmpdir(), 'lockstep-console-secret.txt'), 'secret');
const notBuilt = mkdtempSync(join(tmpdir(), 'lockstep-console-empty-'));

afterAll(() => {
  rmSync(built, { recursive: true, force: true });
  rmSync(notBuilt, { recursive: true, force: true });
});

const ping = async () => ({ ok: true });
const app = createApp({ Ping: ping }, { consoleDir: built });

describe('the console beside the API', () => {
  it('serves index.html at / and at client routes, revalidated', async () => {
    for (const path of ['/', '/executions/arn%3Aaws%3Astates%3Aus-east-1%3A1%3Aexecution%3Am%3Ae', '/simulator']) {
      const response = await app.request(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<title>console</title>');
    }
  });

  it('serves hashed assets with their content type, cached for good', async () => {
    const script = await app.request('/assets/index-abc123.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await script.text()).toBe('console.log(1)');
    const style = await app.request('/assets/index-abc123.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const icon = await app.request('/favicon.svg');
    expect([icon.status, icon.headers.get('content-type'), icon.headers.get('cache-control')]).toEqual([
      200,
      'image/svg+xml',
      'no-cache',
    ]);
  });

  it('answers 404 for missing files and paths outside the console', async () => {
    expect((await app.request('/assets/missing.js')).status).toBe(404);
    expect((await app.request('/assets/..%2F..%2Flockstep-console-secret.txt')).status).toBe(404);
    expect((await app.request('/%2e%2e/lockstep-console-secret.txt')).status).toBe(404);
  });

  it('leaves the API as it is: POST / and other methods', async () => {
    const response = await app.request('/', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.Ping' },
    });
    expect(await response.json()).toEqual({ ok: true });
    const put = await app.request('/', { method: 'PUT' });
    expect([put.status, await put.json()]).toEqual([
      400,
      { __type: 'com.amazon.coral.service#UnknownOperationException' },
    ]);
  });

  it('says how to build the console when it is not built', async () => {
    const response = await createApp({}, { consoleDir: notBuilt }).request('/');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(NOT_BUILT_PAGE);
  });

  it('serves no console without a console folder (GET / is an unknown operation, as on AWS)', async () => {
    const response = await createApp({}).request('/');
    expect(response.status).toBe(400);
  });
});
