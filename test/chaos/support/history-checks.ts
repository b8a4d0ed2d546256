/**
 * Histories as the chaos test compares them (no timestamps), and the invariants every recorded history must keep
 * on its own: dense ids, one start, one closing event, and no state entered more often than the in-memory run
 * enters it.
 */

/** A history event without its timestamp: type, ids and its details member (as plain JSON). */
export interface ComparableEvent {
  id: number;
  previousEventId: number;
  type: string;
  details?: unknown;
}

const CLOSING_EVENT: Record<string, string> = {
  SUCCEEDED: 'ExecutionSucceeded',
  FAILED: 'ExecutionFailed',
  TIMED_OUT: 'ExecutionTimedOut',
  ABORTED: 'ExecutionAborted',
};
const CLOSING_TYPES = new Set(Object.values(CLOSING_EVENT));

/** An event of the SDK or of the engine, as compared: its `...EventDetails` member as JSON, times left out. */
export function comparable(event: object): ComparableEvent {
  const { id, previousEventId, type } = event as { id?: number; previousEventId?: number; type?: string };
  const result: ComparableEvent = { id: id ?? -1, previousEventId: previousEventId ?? -1, type: type ?? '' };
  for (const [key, value] of Object.entries(event)) {
    if (key.endsWith('EventDetails') && value !== undefined) result.details = JSON.parse(JSON.stringify(value));
  }
  return result;
}

/** The problems of a recorded history on its own (empty when it keeps every invariant). */
export function historyInvariantProblems(events: readonly ComparableEvent[], status: string): string[] {
  const problems: string[] = [];
  events.forEach((event, index) => {
    if (event.id !== index + 1) problems.push(`event #${index + 1} has id ${event.id} (ids must be dense from 1)`);
  });
  const starts = events.filter((e) => e.type === 'ExecutionStarted').length;
  if (starts !== 1 || events[0]?.type !== 'ExecutionStarted') {
    problems.push(`${starts} ExecutionStarted events (exactly one, first, expected)`);
  }
  const closings = events.filter((e) => CLOSING_TYPES.has(e.type));
  if (closings.length !== 1 || events.at(-1) !== closings[0]) {
    problems.push(`closing events ${JSON.stringify(closings.map((e) => e.type))} (exactly one, last, expected)`);
  }
  if (closings.length > 0 && closings.at(-1)!.type !== CLOSING_EVENT[status]) {
    problems.push(`status ${status} closed by ${closings.at(-1)!.type}`);
  }
  return problems;
}

/** What a `...StateEntered` event enters: the state and its input. */
function entryKey(event: ComparableEvent): string | undefined {
  if (!event.type.endsWith('StateEntered')) return undefined;
  const { name, input } = (event.details ?? {}) as { name?: string; input?: string };
  return `${event.type} ${name} ${input}`;
}

function countEntries(events: readonly ComparableEvent[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const event of events) {
    const key = entryKey(event);
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * States entered with the same input more than once in `recorded` and more often than in `expected`: transitions
 * recorded twice (a loop may enter a state with the same input again, as often as the in-memory run does).
 */
export function repeatedTransitions(
  recorded: readonly ComparableEvent[],
  expected: readonly ComparableEvent[],
): string[] {
  const allowed = countEntries(expected);
  const repeated: string[] = [];
  for (const [key, count] of countEntries(recorded)) {
    const limit = allowed.get(key) ?? 0;
    if (count > 1 && count > limit) {
      repeated.push(`${key.slice(0, 200)} recorded ${count} times, by the in-memory run ${limit}`);
    }
  }
  return repeated;
}

/**
 * `events` without those `drop` selects, renumbered densely; an event whose predecessor was dropped points to the
 * dropped event's predecessor instead.
 */
export function withoutEvents(
  events: readonly ComparableEvent[],
  drop: (event: ComparableEvent) => boolean,
): ComparableEvent[] {
  const newId = new Map<number, number>([[0, 0]]);
  const kept: ComparableEvent[] = [];
  for (const event of events) {
    if (drop(event)) {
      newId.set(event.id, newId.get(event.previousEventId) ?? -1);
      continue;
    }
    newId.set(event.id, kept.length + 1);
    kept.push({ ...event, id: kept.length + 1, previousEventId: newId.get(event.previousEventId) ?? -1 });
  }
  return kept;
}
