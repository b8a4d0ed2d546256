// End-to-end: EventBridge connections created against `lockstep serve` (EventBridge SDK, AWS CLI), used by an
// HTTP Task, and kept across a restart. Needs `npm run build` first (`npm test` does it).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  CreateConnectionCommand,
  DescribeConnectionCommand,
  EventBridgeClient,
  ListConnectionsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-eventbridge';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killServers, startServe, stopProcess as stop } from '../support/serve-process.js';

const data = mkdtempSync(join(tmpdir(), 'lockstep-connections-'));
const credentials = { accessKeyId: 'x', secretAccessKey: 'x' };
const AWS_CLI = '/usr/bin/aws';

/** A local API that echoes the API key header it got. */
let api: Server;
let apiPort: number;

beforeAll(async () => {
  api = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ key: req.headers['x-api-key'] ?? null, path: req.url }));
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  apiPort = (api.address() as AddressInfo).port;
});

afterAll(() => {
  killServers();
  api.close();
  rmSync(data, { recursive: true, force: true });
});

/** Starts `lockstep serve` on a free port over the scratch store; resolves with its endpoint. */
const serve = () => startServe(['--data', data]);

/** Runs a state machine whose HTTP Task calls the local API through `connectionArn`; resolves with its output. */
async function callThrough(url: string, name: string, connectionArn: string): Promise<unknown> {
  const sfn = new SFNClient({ endpoint: url, region: 'us-east-1', credentials });
  const definition = JSON.stringify({
    StartAt: 'Call',
    States: {
      Call: {
        Type: 'Task',
        Resource: 'arn:aws:states:::http:invoke',
        Parameters: {
          ApiEndpoint: `http://127.0.0.1:${apiPort}/${name}`,
          Method: 'GET',
          Authentication: { ConnectionArn: connectionArn },
        },
        ResultSelector: { 'body.$': '$.ResponseBody', 'status.$': '$.StatusCode' },
        End: true,
      },
    },
  });
  const { stateMachineArn } = await sfn.send(
    new CreateStateMachineCommand({ name, definition, roleArn: 'arn:aws:iam::123456789012:role/r' }),
  );
  const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn }));
  let described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
  for (let i = 0; i < 100 && described.status === 'RUNNING'; i++) {
    await new Promise((r) => setTimeout(r, 50));
    described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
  }
  expect(described.status).toBe('SUCCEEDED');
  return JSON.parse(described.output!);
}

describe('EventBridge connections on lockstep serve (built CLI)', () => {
  it('creates a connection with the EventBridge SDK, uses it in an HTTP Task, and keeps it across a restart', async () => {
    let server = await serve();
    const events = () => new EventBridgeClient({ endpoint: server.url, region: 'us-east-1', credentials });
    const created = await events().send(
      new CreateConnectionCommand({
        Name: 'scores',
        AuthorizationType: 'API_KEY',
        AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'sdk-secret' } },
      }),
    );
    expect(created.ConnectionArn).toMatch(/^arn:aws:events:us-east-1:123456789012:connection\/scores\/[0-9a-f-]{36}$/);
    expect(created.ConnectionState).toBe('AUTHORIZED');
    expect(created.CreationTime).toBeInstanceOf(Date);
    const described = await events().send(new DescribeConnectionCommand({ Name: 'scores' }));
    expect(described.AuthParameters).toEqual({ ApiKeyAuthParameters: { ApiKeyName: 'x-api-key' } });
    await expect(events().send(new DescribeConnectionCommand({ Name: 'missing' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );

    const arn = created.ConnectionArn!;
    expect(await callThrough(server.url, 'first', arn)).toEqual({
      body: { key: 'sdk-secret', path: '/first' },
      status: 200,
    });

    await stop(server.child);
    server = await serve();
    const listed = await events().send(new ListConnectionsCommand({}));
    expect(listed.Connections?.map((c) => c.ConnectionArn)).toEqual([arn]);
    expect(await callThrough(server.url, 'second', arn)).toEqual({
      body: { key: 'sdk-secret', path: '/second' },
      status: 200,
    });
    await stop(server.child);
  });

  it.skipIf(!existsSync(AWS_CLI))('creates a connection with `aws events create-connection`', async () => {
    const server = await serve();
    const aws = (...args: string[]) =>
      promisify(execFile)(AWS_CLI, ['events', ...args, '--endpoint-url', server.url, '--output', 'json'], {
        env: { ...process.env, AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x', AWS_DEFAULT_REGION: 'us-east-1' },
      });
    const { stdout } = await aws(
      'create-connection',
      '--name',
      'cli-made',
      '--authorization-type',
      'API_KEY',
      '--auth-parameters',
      JSON.stringify({ ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'cli-secret' } }),
    );
    const { ConnectionArn } = JSON.parse(stdout) as { ConnectionArn: string };
    expect(ConnectionArn).toMatch(/connection\/cli-made\//);
    const described = JSON.parse((await aws('describe-connection', '--name', 'cli-made')).stdout);
    expect(described).toMatchObject({ Name: 'cli-made', ConnectionState: 'AUTHORIZED', AuthorizationType: 'API_KEY' });
    expect(await callThrough(server.url, 'from-cli', ConnectionArn)).toEqual({
      body: { key: 'cli-secret', path: '/from-cli' },
      status: 200,
    });
    await expect(aws('describe-connection', '--name', 'nope')).rejects.toThrow(/ResourceNotFoundException/);
    await stop(server.child);
  });
});
