// The workshop's Map over orders against `lockstep serve`: a Map (MaxConcurrency 2) whose iterations choose on the
// order's priority and call a Lambda function per order.
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
  server = await startWorkshopServer('map-orders');
});
afterAll(() => server?.close());

describe('workshop: Map over orders', () => {
  it('processes every order with the shipping its priority chooses', async () => {
    const arn = await createStateMachine(server.sfn, 'map-orders', 'map-orders.asl.json', 'map-orders');
    const done = await runToCompletion(server.sfn, arn, readExerciseFile('map-orders', 'input.json'));
    expect([done.status, done.output && JSON.parse(done.output)], server.output()).toEqual([
      'SUCCEEDED',
      {
        count: 4,
        processed: [
          { orderId: 'A-1', shipping: 'express', days: 1, costCents: 2700 },
          { orderId: 'A-2', shipping: 'standard', days: 5, costCents: 300 },
          { orderId: 'A-3', shipping: 'express', days: 1, costCents: 1800 },
          { orderId: 'A-4', shipping: 'standard', days: 5, costCents: 1500 },
        ],
      },
    ]);

    const events = await historyOf(server.sfn, done.executionArn!);
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect(events.find((e) => e.type === 'MapStateStarted')!.mapStateStartedEventDetails).toEqual({ length: 4 });
    expect([count('MapIterationStarted'), count('MapIterationSucceeded'), count('MapStateSucceeded')]).toEqual([
      4, 4, 1,
    ]);
    expect([count('ChoiceStateEntered'), count('TaskSucceeded')]).toEqual([4, 4]);
    const entered = events
      .filter((e) => e.type === 'TaskStateEntered')
      .map((e) => e.stateEnteredEventDetails!.name)
      .sort();
    expect(entered).toEqual(['Ship express', 'Ship express', 'Ship standard', 'Ship standard']);
    // MaxConcurrency 2: no more than two iterations run at once.
    let running = 0;
    let most = 0;
    for (const e of events) {
      if (e.type === 'MapIterationStarted') most = Math.max(most, ++running);
      if (e.type === 'MapIterationSucceeded') running--;
    }
    expect(most).toBeLessThanOrEqual(2);
  });
});
