/** The table view of an execution: each state run (state, type, status, resource, started after, duration, retries). */

import { StatusBadge } from '../components/StatusBadge.js';
import { VirtualTable } from '../components/VirtualTable.js';
import { formatDuration } from '../format.js';
import type { StateRun } from './state-runs.js';

/** Props of {@link StateTable}. */
export interface StateTableProps {
  runs: readonly StateRun[];
  /** Epoch seconds. */
  startDate: number;
  onSelect: (run: StateRun) => void;
}

/** The table. */
export function StateTable({ runs, startDate, onSelect }: StateTableProps) {
  return (
    <VirtualTable
      label="States"
      rows={runs}
      rowKey={(r) => String(r.enteredEventId)}
      onActivate={onSelect}
      columns={[
        {
          header: 'State',
          width: '2fr',
          cell: (r) => (
            <>
              {r.name}
              {r.iteration && <span className="muted"> · iteration {r.iteration.index}</span>}
            </>
          ),
        },
        { header: 'Type', width: '90px', cell: (r) => r.type },
        { header: 'Status', width: '120px', cell: (r) => <StatusBadge status={r.status} /> },
        { header: 'Resource', width: '1.5fr', cell: (r) => r.resource ?? '' },
        { header: 'Started after', width: '110px', cell: (r) => formatDuration((r.enteredAt - startDate) * 1000) },
        {
          header: 'Duration',
          width: '100px',
          cell: (r) => (r.exitedAt === undefined ? '—' : formatDuration((r.exitedAt - r.enteredAt) * 1000)),
        },
        { header: 'Retries', width: '70px', cell: (r) => r.retries },
      ]}
    />
  );
}
