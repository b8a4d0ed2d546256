// The workshop's Express statistics against `lockstep serve`: an EXPRESS machine whose Parallel calls three functions,
// run with StartSyncExecution.
import { StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStateMachine, readExerciseFile, startWorkshopServer, type WorkshopServer } from './workshop-server.js';

let server: WorkshopServer;
let arn: string;
beforeAll(async () => {
  server = await startWorkshopServer('express-statistics');
  arn = await createStateMachine(
    server.sfn,
    'express-statistics',
    'express-statistics.asl.json',
    'express-statistics',
    'EXPRESS',
  );
});
afterAll(() => server?.close());

describe('workshop: Express parallel statistics', () => {
  it('answers StartSyncExecution with the three results merged', async () => {
    const input = readExerciseFile('express-statistics', 'input.json');
    const done = await server.sfn.send(new StartSyncExecutionCommand({ stateMachineArn: arn, input }));
    expect([done.status, done.output && JSON.parse(done.output)], server.output()).toEqual([
      'SUCCEEDED',
      { sum: 108, average: 18, min: 4, max: 42 },
    ]);
    expect(done.executionArn).toMatch(/^arn:aws:states:us-east-1:123456789012:express:express-statistics:/);
  });

  it("answers with the failure when a branch's function fails", async () => {
    const done = await server.sfn.send(
      new StartSyncExecutionCommand({ stateMachineArn: arn, input: JSON.stringify({ numbers: null }) }),
    );
    expect([done.status, done.error]).toEqual(['FAILED', 'TypeError']);
  });
});
