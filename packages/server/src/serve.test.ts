import {
  CreateActivityCommand,
  CreateStateMachineCommand,
  DescribeActivityCommand,
  DescribeStateMachineCommand,
  ListStateMachinesCommand,
  ListTagsForResourceCommand,
  SFNClient,
  StateMachineDoesNotExist,
  TagResourceCommand,
  ValidateStateMachineDefinitionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityOperations } from '../../service/src/api/activities.js';
import type { ServiceContext } from '../../service/src/api/context.js';
import { stateMachineOperations } from '../../service/src/api/state-machines.js';
import { tagOperations } from '../../service/src/api/tags.js';
import { validateDefinitionOperations } from '../../service/src/api/validate-definition.js';
import type { ExecutionRuntime } from '../../service/src/runtime/execution-runtime.js';
import { createMemoryStore } from '../../service/src/store/memory-store.js';
import { type RunningServer, startServer } from './serve.js';

const DEFINITION = `{
  "Comment": "formatting kept",
  "StartAt": "Hello",
  "States": { "Hello": { "Type": "Pass", "End": true } }
}`;

// The admin operations never run executions; this runtime only has to exist.
const runtime: ExecutionRuntime = { wake() {}, async deliver() {}, async waitForActivityTask() {} };

let server: RunningServer;
let sfn: SFNClient;

beforeAll(async () => {
  const ctx: ServiceContext = {
    store: createMemoryStore(),
    runtime,
    accountId: '123456789012',
    region: 'us-east-1',
    clock: Date.now,
    random: Math.random,
  };
  const operations = {
    ...stateMachineOperations(ctx),
    ...activityOperations(ctx),
    ...tagOperations(ctx),
    ...validateDefinitionOperations(ctx),
  };
  server = await startServer({ operations, port: 0 });
  sfn = new SFNClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
});

afterAll(async () => {
  sfn?.destroy();
  await server?.close();
});

describe('the real server with @aws-sdk/client-sfn', () => {
  it('listens on 127.0.0.1 by default', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('creates, describes and lists state machines', async () => {
    const before = Date.now();
    const created = await sfn.send(
      new CreateStateMachineCommand({
        name: 'Hello',
        definition: DEFINITION,
        roleArn: 'arn:aws:iam::123456789012:role/sfn',
      }),
    );
    expect(created.stateMachineArn).toBe('arn:aws:states:us-east-1:123456789012:stateMachine:Hello');
    expect(created.creationDate).toBeInstanceOf(Date);
    expect(created.creationDate!.getTime()).toBeGreaterThanOrEqual(before);

    const described = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
    expect(described).toMatchObject({
      name: 'Hello',
      definition: DEFINITION,
      status: 'ACTIVE',
      type: 'STANDARD',
      loggingConfiguration: { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: { enabled: false },
    });
    expect(described.creationDate).toEqual(created.creationDate);

    const listed = await sfn.send(new ListStateMachinesCommand({}));
    expect(listed.stateMachines?.map((m) => m.name)).toContain('Hello');
  });

  it('tags a state machine', async () => {
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({ name: 'Tagged', definition: DEFINITION, roleArn: 'arn:aws:iam::1:role/r' }),
    );
    await sfn.send(new TagResourceCommand({ resourceArn: stateMachineArn, tags: [{ key: 'team', value: 'core' }] }));
    const { tags } = await sfn.send(new ListTagsForResourceCommand({ resourceArn: stateMachineArn }));
    expect(tags).toEqual([{ key: 'team', value: 'core' }]);
  });

  it('creates and describes activities', async () => {
    const { activityArn } = await sfn.send(new CreateActivityCommand({ name: 'work' }));
    const described = await sfn.send(new DescribeActivityCommand({ activityArn }));
    expect(described).toMatchObject({ activityArn, name: 'work', encryptionConfiguration: { type: 'AWS_OWNED_KEY' } });
  });

  it('validates definitions', async () => {
    const result = await sfn.send(new ValidateStateMachineDefinitionCommand({ definition: '{"StartAt":"X"}' }));
    expect(result).toMatchObject({
      result: 'FAIL',
      truncated: false,
      diagnostics: [{ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', location: '/' }],
    });
  });

  it("throws the SDK's modeled error with AWS's message", async () => {
    const missing = 'arn:aws:states:us-east-1:123456789012:stateMachine:Missing';
    const error = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: missing })).catch((e) => e);
    expect(error).toBeInstanceOf(StateMachineDoesNotExist);
    expect(error.name).toBe('StateMachineDoesNotExist');
    expect(error.message).toBe(`State Machine Does Not Exist: '${missing}'`);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});
