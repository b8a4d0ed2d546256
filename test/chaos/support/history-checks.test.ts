// The chaos test's own judges: they must catch what they are there to catch.
import { describe, expect, it } from 'vitest';
import {
  type ComparableEvent,
  comparable,
  historyInvariantProblems,
  repeatedTransitions,
  withoutEvents,
} from './history-checks.js';

const event = (id: number, previousEventId: number, type: string, details?: unknown): ComparableEvent =>
  details === undefined ? { id, previousEventId, type } : { id, previousEventId, type, details };
const entered = (id: number, previous: number, name: string, input: string) =>
  event(id, previous, 'PassStateEntered', { name, input });

describe('chaos history checks', () => {
  it('reads the details member of an SDK or engine event and leaves the timestamp out', () => {
    const sdkEvent = { timestamp: new Date(), type: 'PassStateEntered', id: 2, previousEventId: 1 };
    expect(comparable({ ...sdkEvent, stateEnteredEventDetails: { name: 'A', input: '{}' } })).toEqual(
      entered(2, 1, 'A', '{}'),
    );
  });

  it('accepts a well-formed history and names every broken invariant', () => {
    const good = [event(1, 0, 'ExecutionStarted'), entered(2, 0, 'A', '{}'), event(3, 2, 'ExecutionSucceeded')];
    expect(historyInvariantProblems(good, 'SUCCEEDED')).toEqual([]);
    const bad = [event(1, 0, 'ExecutionStarted'), event(3, 1, 'ExecutionStarted'), event(4, 3, 'ExecutionFailed')];
    expect(historyInvariantProblems(bad, 'SUCCEEDED')).toEqual([
      'event #2 has id 3 (ids must be dense from 1)',
      'event #3 has id 4 (ids must be dense from 1)',
      '2 ExecutionStarted events (exactly one, first, expected)',
      'status SUCCEEDED closed by ExecutionFailed',
    ]);
    expect(historyInvariantProblems([...good, event(4, 3, 'ExecutionSucceeded')], 'SUCCEEDED')).toEqual([
      'closing events ["ExecutionSucceeded","ExecutionSucceeded"] (exactly one, last, expected)',
    ]);
  });

  it('finds a state entered twice with the same input, beyond what the in-memory run does', () => {
    const once = [entered(1, 0, 'A', '{}'), entered(2, 1, 'B', '{}')];
    const twice = [entered(1, 0, 'A', '{}'), entered(2, 1, 'A', '{}'), entered(3, 2, 'B', '{}')];
    expect(repeatedTransitions(twice, once)).toEqual([
      'PassStateEntered A {} recorded 2 times, by the in-memory run 1',
    ]);
    expect(repeatedTransitions(twice, twice)).toEqual([]);
    expect(repeatedTransitions([entered(1, 0, 'A', '{"x":1}')], once)).toEqual([]);
  });

  it('drops events and renumbers the rest, pointing past the dropped ones', () => {
    const history = [
      event(1, 0, 'ActivityScheduled'),
      event(2, 1, 'ActivityStarted'),
      event(3, 2, 'ActivityTimedOut'),
      event(4, 3, 'ExecutionFailed'),
    ];
    expect(withoutEvents(history, (e) => e.type === 'ActivityStarted')).toEqual([
      event(1, 0, 'ActivityScheduled'),
      event(2, 1, 'ActivityTimedOut'),
      event(3, 2, 'ExecutionFailed'),
    ]);
  });
});
