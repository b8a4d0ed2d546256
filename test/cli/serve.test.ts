// End-to-end: `lockstep serve` as a user runs it, killed with SIGKILL mid-execution and restarted. Needs
// `npm run build` first (`npm test` does it).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, describe, expect, it } from 'vitest';
import { exitOf as exited, killServers, startServe } from '../support/serve-process.js';
import { runToCompletion } from '../support/sfn-calls.js';

const data = mkdtempSync(join(tmpdir(), 'lockstep-serve-'));

afterAll(() => {
  killServers();
  rmSync(data, { recursive: true, force: true });
});

/** Starts `lockstep serve` on a free port over the scratch store; resolves with its endpoint. */
const serve = (...extra: string[]) => startServe(['--data', data, ...extra]);

function client(url: string): SFNClient {
  return new SFNClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
}

describe('lockstep serve (built CLI)', () => {
  it("runs a Task's Lambda function from the functions folder", async () => {
    const functions = join(data, 'functions');
    mkdirSync(functions, { recursive: true });
    writeFileSync(join(functions, 'greet.mjs'), 'export const handler = async (event) => ({ hello: event.name });\n');
    const server = await serve('--functions', functions);
    const sfn = client(server.url);
    const definition = JSON.stringify({
      StartAt: 'Greet',
      States: {
        Greet: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'greet', 'Payload.$': '$' },
          OutputPath: '$.Payload',
          End: true,
        },
      },
    });
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({ name: 'greeter', definition, roleArn: 'arn:aws:iam::123456789012:role/r' }),
    );
    const described = await runToCompletion(sfn, stateMachineArn!, '{"name":"Ada"}');
    expect([described.status, described.output]).toEqual(['SUCCEEDED', '{"hello":"Ada"}']);
    server.child.kill('SIGTERM');
    expect(await exited(server.child)).toBe(0);
  });

  it('calls an HTTP API with an API-key connection from --connections', async () => {
    const api = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ key: req.headers['x-api-key'], path: req.url }));
    });
    await new Promise<void>((done) => api.listen(0, '127.0.0.1', done));
    const connectionArn = 'arn:aws:events:us-east-1:123456789012:connection/scores/1';
    const connectionsFile = join(data, 'connections.json');
    writeFileSync(
      connectionsFile,
      JSON.stringify({
        [connectionArn]: {
          authorizationType: 'API_KEY',
          authParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'secret-key' } },
        },
      }),
    );
    const server = await serve('--connections', connectionsFile);
    try {
      const sfn = client(server.url);
      const port = (api.address() as { port: number }).port;
      const definition = JSON.stringify({
        StartAt: 'Score',
        States: {
          Score: {
            Type: 'Task',
            Resource: 'arn:aws:states:::http:invoke',
            Parameters: {
              ApiEndpoint: `http://127.0.0.1:${port}/score`,
              Method: 'GET',
              Authentication: { ConnectionArn: connectionArn },
            },
            ResultSelector: { 'body.$': '$.ResponseBody', 'status.$': '$.StatusCode' },
            End: true,
          },
        },
      });
      const { stateMachineArn } = await sfn.send(
        new CreateStateMachineCommand({ name: 'scorer', definition, roleArn: 'arn:aws:iam::123456789012:role/r' }),
      );
      const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn }));
      let described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      for (let i = 0; i < 100 && described.status === 'RUNNING'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      }
      expect(JSON.parse(described.output!)).toEqual({ body: { key: 'secret-key', path: '/score' }, status: 200 });
    } finally {
      server.child.kill('SIGTERM');
      await exited(server.child);
      api.close();
    }
  });

  it('finishes a Standard execution after being killed with SIGKILL during a Wait', async () => {
    const first = await serve();
    const sfn = client(first.url);
    const definition = JSON.stringify({
      StartAt: 'Pause',
      States: { Pause: { Type: 'Wait', Seconds: 1, Next: 'Done' }, Done: { Type: 'Pass', Result: 'done', End: true } },
    });
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({ name: 'survivor', definition, roleArn: 'arn:aws:iam::123456789012:role/r' }),
    );
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'run' }));
    first.child.kill('SIGKILL');
    await exited(first.child);

    const second = await serve();
    const again = client(second.url);
    let status: string | undefined;
    for (let i = 0; i < 100 && status !== 'SUCCEEDED'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = (await again.send(new DescribeExecutionCommand({ executionArn }))).status;
    }
    expect(status).toBe('SUCCEEDED');
    const { events } = await again.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events!.map((e) => [e.id, e.type, e.previousEventId])).toEqual([
      [1, 'ExecutionStarted', 0],
      [2, 'WaitStateEntered', 0],
      [3, 'WaitStateExited', 2],
      [4, 'PassStateEntered', 3],
      [5, 'PassStateExited', 4],
      [6, 'ExecutionSucceeded', 5],
    ]);
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
    expect(second.output()).toContain('Lockstep is stopping');
  });
});
