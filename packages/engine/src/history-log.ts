/**
 * History as it is recorded: parallel arrays instead of two objects per event, and states' inputs and outputs
 * as values, so that executions whose history nobody reads (most test runs) pay neither for AWS-shaped events
 * nor for the JSON text of every payload. {@link HistoryLog.toArray} builds the events, in AWS's shape, when
 * they are read. Payload values are immutable (the engine never mutates a value), so their text is the same then.
 */
import type { Json } from '@lockstep/asl';
import { detailsKey, type HistoryEvent, type HistoryEventType, historyText, payloadDetails } from './history.js';
import { stringify } from './payload.js';

/** Marks the events that carry no payload. */
const NO_PAYLOAD = Symbol('no payload');

/** The events of one step, or of a whole execution. Ids are dense from `firstId`. */
export class HistoryLog {
  readonly #types: HistoryEventType[] = [];
  readonly #previous: number[] = [];
  readonly #times: number[] = [];
  /** A details object; or, for payload events, undefined with the payload in `#payloads` (and `#texts`). */
  readonly #details: (Record<string, unknown> | undefined)[] = [];
  readonly #names: (string | undefined)[] = [];
  readonly #payloads: (Json | typeof NO_PAYLOAD)[] = [];
  /** A payload's text when it was at hand as it was recorded. */
  readonly #texts: (string | undefined)[] = [];

  constructor(readonly firstId: number) {}

  /** How many events are recorded. */
  get length(): number {
    return this.#types.length;
  }

  /** The id the next recorded event gets. */
  get nextId(): number {
    return this.firstId + this.#types.length;
  }

  /** Records an event with its details object (or none); returns its id. */
  add(type: HistoryEventType, previousEventId: number, time: number, details?: Record<string, unknown>): number {
    return this.#push(type, previousEventId, time, details, undefined, NO_PAYLOAD, undefined);
  }

  /**
   * Records an event whose details are a payload: `...StateEntered` (`name`, `input`), `...StateExited`
   * (`name`, `output`) or `ExecutionSucceeded` (`output`, no name), with the payload's `text` if it is known.
   * Returns its id.
   */
  addPayload(
    type: HistoryEventType,
    previousEventId: number,
    time: number,
    name: string | undefined,
    payload: Json,
    text: string | undefined,
  ): number {
    return this.#push(type, previousEventId, time, undefined, name, payload, text);
  }

  /** The events from id `fromId` on, in AWS's `GetExecutionHistory` shape. */
  toArray(fromId = this.firstId): HistoryEvent[] {
    const from = fromId - this.firstId;
    const events: HistoryEvent[] = new Array(this.length - from);
    let date = new Date(Number.NaN);
    // A state's output is the next state's input: one text serves both events.
    let lastPayload: Json | undefined;
    let lastText = '';
    for (let i = from; i < this.length; i++) {
      const time = this.#times[i];
      // Events of one instant share a Date.
      if (date.getTime() !== time) date = new Date(time);
      const type = this.#types[i];
      const event: HistoryEvent = { timestamp: date, type, id: this.firstId + i, previousEventId: this.#previous[i] };
      let details = this.#details[i];
      const payload = this.#payloads[i];
      if (payload !== NO_PAYLOAD) {
        let text = this.#texts[i];
        if (text === undefined) {
          if (payload !== lastPayload || lastText === '') lastText = stringify(payload);
          text = lastText;
        }
        lastPayload = payload;
        lastText = text;
        details = payloadEventDetails(type, this.#names[i], text);
      }
      if (details) event[detailsKey(type)] = details;
      events[i - from] = event;
    }
    return events;
  }

  #push(
    type: HistoryEventType,
    previousEventId: number,
    time: number,
    details: Record<string, unknown> | undefined,
    name: string | undefined,
    payload: Json | typeof NO_PAYLOAD,
    text: string | undefined,
  ): number {
    this.#types.push(type);
    this.#previous.push(previousEventId);
    this.#times.push(time);
    this.#details.push(details);
    this.#names.push(name);
    this.#payloads.push(payload);
    this.#texts.push(text);
    return this.firstId + this.#types.length - 1;
  }
}

function payloadEventDetails(type: HistoryEventType, name: string | undefined, text: string): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  if (name !== undefined) details.name = name;
  if (type.endsWith('Entered')) {
    details.input = historyText(text);
    details.inputDetails = payloadDetails(text);
  } else {
    details.output = historyText(text);
    details.outputDetails = payloadDetails(text);
  }
  return details;
}
