// End-to-end: `lockstep serve` reading the project's lockstep.config.json: Lambda functions mapped by name to a
// module (relative to the file) or an HTTP endpoint, and an HTTP Task's connection. Needs `npm run build` first
// (`npm test` does it).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(repoRoot, 'packages/cli/dist/main.js');
const project = mkdtempSync(join(tmpdir(), 'lockstep-config-file-'));
const running = new Set<ChildProcess>();
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
  for (const child of running) child.kill('SIGKILL');
  api.close();
  rmSync(project, { recursive: true, force: true });
});

/** Starts `lockstep serve` in the project folder; resolves with its endpoint and what it printed. */
function serve(...extra: string[]): Promise<{ child: ChildProcess; url: string; output: string }> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--memory', ...extra], { cwd: project });
  running.add(child);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /at (http:\/\/\S+) /.exec(output);
      if (match) resolve({ child, url: match[1], output });
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`lockstep serve exited with ${code}: ${output}`)));
  });
}

/** Runs `lockstep serve` expecting it to fail at once; resolves with its exit code and stderr. */
function serveFailing(...extra: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--memory', ...extra], { cwd: project });
  running.add(child);
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

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
    expect(server.output).toContain(`config: ${join(project, 'lockstep.config.json')}`);
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
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"name":"Ada"}' }));
    let described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    for (let i = 0; i < 200 && described.status === 'RUNNING'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    }
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
    const { code, stderr } = await serveFailing('--config', 'broken.json');
    expect(code).toBe(2);
    expect(stderr).toBe(
      `lockstep: config file '${join(project, 'broken.json')}': defaultFunctionTarget.url must be an http:// or ` +
        'https:// URL, not "nowhere"\n',
    );
  });
});
