/**
 * An execution's event history: every event (virtualized, so 10,000 events render at once), filtered by type or
 * text, each expandable to its details.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { HistoryEvent } from '../api/types.js';
import { ChoiceField, SearchField } from '../components/FilterFields.js';
import { VirtualTable } from '../components/VirtualTable.js';
import { formatDuration, formatTime } from '../format.js';
import { eventDetails } from './state-runs.js';

/** Props of {@link EventHistory}. */
export interface EventHistoryProps {
  events: readonly HistoryEvent[];
  /** Epoch seconds: times are also shown as elapsed from the start. */
  startDate: number;
}

/** The history table. */
export function EventHistory({ events, startDate }: EventHistoryProps) {
  const [type, setType] = useState('');
  const [text, setText] = useState('');
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  // How long the table took to render (read by the end-to-end test).
  const mounted = useRef(performance.now());
  useEffect(() => {
    requestAnimationFrame(() =>
      performance.measure('event-history', { start: mounted.current, end: performance.now() }),
    );
  }, []);
  const types = useMemo(() => [...new Set(events.map((e) => e.type))].sort(), [events]);
  const rows = useMemo(() => {
    const needle = text.toLowerCase();
    return events.filter(
      (e) =>
        (!type || e.type === type) &&
        (!needle ||
          e.type.toLowerCase().includes(needle) ||
          JSON.stringify(eventDetails(e) ?? '')
            .toLowerCase()
            .includes(needle)),
    );
  }, [events, type, text]);

  const toggle = (event: HistoryEvent) => {
    const next = new Set(open);
    if (next.has(event.id)) next.delete(event.id);
    else next.add(event.id);
    setOpen(next);
  };

  return (
    <div className="stack">
      <div className="filters">
        <ChoiceField label="Type" value={type} options={types} anyLabel="All types" onChange={setType} />
        <SearchField value={text} onChange={setText} placeholder="State name, error…" />
        <span className="muted" data-testid="events-count">
          {rows.length} of {events.length} events
        </span>
      </div>
      <VirtualTable
        label="Event history"
        rows={rows}
        rowKey={(e) => String(e.id)}
        onActivate={toggle}
        height="64vh"
        expanded={(e) =>
          open.has(e.id) ? (
            <pre className="json-block">
              {JSON.stringify(
                { previousEventId: e.previousEventId, ...expandPayloads(eventDetails(e) ?? {}) },
                null,
                2,
              )}
            </pre>
          ) : undefined
        }
        columns={[
          { header: 'ID', width: '64px', cell: (e) => e.id },
          {
            header: 'Type',
            width: '220px',
            cell: (e) => (
              <span className={`event-type${/Failed|TimedOut|Aborted/.test(e.type) ? ' is-error' : ''}`}>
                <span aria-hidden="true">{open.has(e.id) ? '▾ ' : '▸ '}</span>
                {e.type}
              </span>
            ),
          },
          { header: 'Step', width: '1fr', cell: (e) => String((eventDetails(e)?.name as string | undefined) ?? '') },
          { header: 'Elapsed', width: '100px', cell: (e) => formatDuration((e.timestamp - startDate) * 1000) },
          { header: 'Timestamp', width: '190px', cell: (e) => formatTime(e.timestamp) },
        ]}
      />
    </div>
  );
}

/** Details with their JSON payloads (`input`, `output`, `parameters`...) parsed, for reading. */
function expandPayloads(details: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === 'string' && /^[[{]/.test(value)) {
      try {
        result[key] = JSON.parse(value);
        continue;
      } catch {
        // Not JSON after all: shown as text.
      }
    }
    result[key] = value;
  }
  return result;
}
