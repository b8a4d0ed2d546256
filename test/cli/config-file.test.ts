// End-to-end: `lockstep serve` reading the project's lockstep.config.json: Lambda functions mapped by name to a
// module (relative to the file) or an HTTP endpoint, and an HTTP Task's connection. Needs `npm run build` first
// (`npm test` does it).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killServers, serveFailing, startServe } from '../support/serve-process.js';
import { runToCompletion } from '../support/sfn-calls.js';

const project = mkdtempSync(join(tmpdir(), 'lockstep-config-file-'));
const connectionArn = 'arn:aws:events:us-east-1:123456789012:connection/scores/1';

/** A local API: `/shout` is a function behind HTTP (upper-cases `text`), `/score` echoes the API key it got. */
let api: Server;
let apiUrl: string;

beforeAll(async () => {
  api = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/shout') res.end(JSON.stringify({ text: String(JSON.parse(body).text).toUpperCase() }));
      else res.end(JSON.stringify({ key: req.headers['x-api-key'] ?? null }));
    });
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});

afterAll(() => {
  killServers();
  api.close();
  rmSync(project, { recursive: true, force: true });
});

/** Starts `lockstep serve` in memory in the project folder; resolves with its endpoint and what it printed. */
const serve = (...extra: string[]) => startServe(['--memory', ...extra], { cwd: project });

describe('lockstep serve with lockstep.config.json (built CLI)', () => {
  it('runs functions mapped by name to a module and to an HTTP endpoint, and uses its connections', async () => {
    mkdirSync(join(project, 'src'), { recursive: true });
    writeFileSync(
      join(project, 'src', 'handlers.mjs'),
      'export const greet = async (event) => ({ text: process.env.GREETING + ", " + event.name });\n',
    );
    writeFileSync(
      join(project, 'lockstep.config.json'),
      JSON.stringify({
        functions: {
          greet: { module: 'src/handlers.mjs', handler: 'greet', environment: { GREETING: 'Hello' } },
          shout: { type: 'http', url: `${apiUrl}/shout` },
        },
        connections: {
          [connectionArn]: {
            authorizationType: 'API_KEY',
            authParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'from-config' } },
          },
        },
      }),
    );
    const server = await serve();
    expect(server.output()).toContain(`config: ${join(project, 'lockstep.config.json')}`);
    const sfn = new SFNClient({
      endpoint: server.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
    const definition = JSON.stringify({
      StartAt: 'Greet',
      States: {
        Greet: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'greet', 'Payload.$': '$' },
          OutputPath: '$.Payload',
          Next: 'Shout',
        },
        Shout: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:123456789012:function:shout',
          Next: 'Score',
        },
        Score: {
          Type: 'Task',
          Resource: 'arn:aws:states:::http:invoke',
          Parameters: {
            ApiEndpoint: `${apiUrl}/score`,
            Method: 'GET',
            Authentication: { ConnectionArn: connectionArn },
          },
          ResultSelector: { 'key.$': '$.ResponseBody.key' },
          ResultPath: '$.score',
          End: true,
        },
      },
    });
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({ name: 'configured', definition, roleArn: 'arn:aws:iam::123456789012:role/r' }),
    );
    const described = await runToCompletion(sfn, stateMachineArn!, '{"name":"Ada"}');
    expect([described.status, described.output]).toEqual([
      'SUCCEEDED',
      '{"text":"HELLO, ADA","score":{"key":"from-config"}}',
    ]);
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('exits with 2 naming the bad field of the file --config names', async () => {
    writeFileSync(join(project, 'broken.json'), '{"defaultFunctionTarget":{"type":"http","url":"nowhere"}}');
    const { code, stderr } = await serveFailing(['--memory', '--config', 'broken.json'], { cwd: project });
    expect(code).toBe(2);
    expect(stderr).toBe(
      `lockstep: config file '${join(project, 'broken.json')}': defaultFunctionTarget.url must be an http:// or ` +
        'https:// URL, not "nowhere"\n',
    );
  });
});
