/** History events between the engine's AWS-shaped objects and the store's rows. */
import type { HistoryEvent } from '@lockstep/engine';
import type { StoredHistoryEvent } from '../store/records.js';

/** An engine event as a stored row: times in epoch ms, the details member as JSON text. */
export function toStoredEvent(event: HistoryEvent): StoredHistoryEvent {
  const stored: StoredHistoryEvent = {
    id: event.id,
    previousEventId: event.previousEventId,
    timestamp: event.timestamp.getTime(),
    type: event.type,
  };
  for (const key in event) {
    if (key.endsWith('EventDetails')) {
      stored.details = JSON.stringify(event[key as keyof HistoryEvent]);
      break;
    }
  }
  return stored;
}
