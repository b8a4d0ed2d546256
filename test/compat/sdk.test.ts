/**
 * `@aws-sdk/client-sfn` against a real Lockstep server started in this process (HTTP on a free port, SQLite in
 * memory): every operation the service implements, each succeeding and failing with AWS's error names and messages.
 *
 * The shared client talks to `http://127.0.0.1:<port>` with `disableHostPrefix: true`: otherwise the SDK sends
 * StartSyncExecution to `sync-127.0.0.1`, which does not resolve (see sdk/protocol.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAliases } from './sdk/aliases.js';
import type { SdkSuiteContext } from './sdk/context.js';
import { describeExecutions } from './sdk/executions.js';
import { describeMapRuns } from './sdk/map-runs.js';
import { describeProtocol } from './sdk/protocol.js';
import { describeStateMachines } from './sdk/state-machines.js';
import { describeTagsAndValidation } from './sdk/tags-and-validation.js';
import { describeTasks } from './sdk/tasks.js';
import { describeTestState } from './sdk/test-state.js';
import { type InProcessServer, startInProcessServer } from './support/in-process-server.js';
import { type CallLog, sfnClient } from './support/sdk-client.js';

let server: InProcessServer | undefined;
let client: SdkSuiteContext['sfn'] | undefined;
const calls: CallLog = new Map();

const ctx: SdkSuiteContext = {
  get server() {
    return server!;
  },
  get sfn() {
    return client!;
  },
  calls,
};

beforeAll(async () => {
  server = await startInProcessServer();
  client = sfnClient(server.url, { disableHostPrefix: true }, calls);
});

afterAll(async () => {
  client?.destroy();
  await server?.close();
});

describe('@aws-sdk/client-sfn against lockstep', () => {
  describeStateMachines(ctx);
  describeAliases(ctx);
  describeExecutions(ctx);
  describeMapRuns(ctx);
  describeTasks(ctx);
  describeTagsAndValidation(ctx);
  describeTestState(ctx);
  describeProtocol(ctx);

  // Runs last: the suites above have called every operation by now.
  it('called every operation the service implements, with a success and an error', () => {
    const seen = server!.operations.map((operation) => [operation, [...(calls.get(operation) ?? [])].sort()]);
    expect(Object.fromEntries(seen)).toEqual(
      Object.fromEntries(server!.operations.map((operation) => [operation, ['error', 'ok']])),
    );
  });
});
