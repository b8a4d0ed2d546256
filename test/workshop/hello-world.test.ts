// The workshop's hello world against `lockstep serve`: a Wait whose seconds come from the input, then a Pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStateMachine,
  historyOf,
  readExerciseFile,
  runToCompletion,
  startWorkshopServer,
  type WorkshopServer,
} from './workshop-server.js';

let server: WorkshopServer;
beforeAll(async () => {
  server = await startWorkshopServer('hello-world', { args: ['--wait-time-scale', '0'] });
});
afterAll(() => server?.close());

describe('workshop: hello world', () => {
  it('waits the seconds of the input, then passes', async () => {
    const arn = await createStateMachine(server.sfn, 'hello-world', 'hello-world.asl.json', 'hello-world');
    const done = await runToCompletion(server.sfn, arn, readExerciseFile('hello-world', 'input.json'));
    expect([done.status, JSON.parse(done.output!)]).toEqual([
      'SUCCEEDED',
      { message: 'Hello Ada, you waited 3 seconds' },
    ]);
    const events = await historyOf(server.sfn, done.executionArn!);
    expect(events.map((e) => [e.type, e.stateEnteredEventDetails?.name ?? e.stateExitedEventDetails?.name])).toEqual([
      ['ExecutionStarted', undefined],
      ['WaitStateEntered', 'Wait for timer'],
      ['WaitStateExited', 'Wait for timer'],
      ['PassStateEntered', 'Success'],
      ['PassStateExited', 'Success'],
      ['ExecutionSucceeded', undefined],
    ]);
  });
});
