/**
 * A machine's executions, or a Map Run's child executions: filter by status (ListExecutions' `statusFilter`), search
 * by name, pages of 1,000 (AWS's maximum; "Load more"), stop a running one. Refreshed every 2 seconds while one of
 * them runs (or while the list is `live`: a running Map Run starts more children).
 */
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client.js';
import type { ExecutionListItem, ExecutionStatus } from '../api/types.js';
import { ErrorNote } from '../components/ErrorNote.js';
import { ChoiceField, SearchField } from '../components/FilterFields.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { useAsync } from '../components/use-async.js';
import { VirtualTable } from '../components/VirtualTable.js';
import { formatDuration, formatTime } from '../format.js';
import { Link, navigate, paths } from '../router.js';

const STATUSES: ExecutionStatus[] = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'];
const PAGE_SIZE = 1000;
const POLL_MS = 2000;

/** Props of {@link ExecutionsList}. */
export interface ExecutionsListProps {
  /** A state machine's ARN, or the Map Run whose children to list. */
  of: string | { mapRunArn: string };
  /** Whether to keep refreshing even with no execution running. */
  live?: boolean;
}

/** The list. */
export function ExecutionsList({ of, live = false }: ExecutionsListProps) {
  const source = typeof of === 'string' ? of : of.mapRunArn;
  const children = typeof of !== 'string';
  const [status, setStatus] = useState<ExecutionStatus | ''>('');
  const [search, setSearch] = useState('');
  const [pages, setPages] = useState(1);
  const [error, setError] = useState<unknown>();
  const started = useRef(performance.now());
  const executions = useAsync(
    async () => {
      const items: ExecutionListItem[] = [];
      let nextToken: string | undefined;
      for (let page = 0; page < pages; page++) {
        const result = await api.listExecutions(of, {
          statusFilter: status || undefined,
          maxResults: PAGE_SIZE,
          nextToken,
        });
        items.push(...result.items);
        nextToken = result.nextToken;
        if (!nextToken) break;
      }
      return { items, nextToken };
    },
    // A list that stops being live is read once more: the children that ended since the last refresh.
    [source, status, pages, live],
    { pollMs: POLL_MS, poll: (v) => live || v.items.some((e) => e.status === 'RUNNING') },
  );
  const rows = (executions.value?.items ?? []).filter((e) => e.name.toLowerCase().includes(search.toLowerCase()));

  // How long the list took from the page's request to its rendered rows (read by the end-to-end test).
  const measured = useRef(false);
  useEffect(() => {
    if (measured.current || !executions.value) return;
    measured.current = true;
    requestAnimationFrame(() =>
      performance.measure('executions-list', { start: started.current, end: performance.now() }),
    );
  }, [executions.value]);

  const stop = async (execution: ExecutionListItem) => {
    try {
      await api.stopExecution(execution.executionArn);
      executions.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className="stack">
      <div className="filters">
        <ChoiceField label="Status" value={status} options={STATUSES} anyLabel="Any" onChange={setStatus} />
        <SearchField value={search} onChange={setSearch} placeholder="Name contains…" />
        <button type="button" className="button small" onClick={executions.reload}>
          Refresh
        </button>
        <span className="muted" data-testid="executions-count">
          {executions.value ? `${rows.length} shown` : ''}
        </span>
      </div>
      <ErrorNote error={executions.error ?? error} />
      <VirtualTable
        label={children ? 'Child executions' : 'Executions'}
        rows={rows}
        rowKey={(e) => e.executionArn}
        onActivate={(e) => navigate(paths.execution(e.executionArn))}
        empty={executions.loading ? 'Loading…' : 'No executions.'}
        columns={[
          {
            header: 'Name',
            width: '2fr',
            cell: (e) => (
              <Link href={paths.execution(e.executionArn)} onClick={(event) => event.stopPropagation()}>
                {e.name}
              </Link>
            ),
          },
          { header: 'Status', width: '130px', cell: (e) => <StatusBadge status={e.status} /> },
          ...(children ? [{ header: 'Items', width: '60px', cell: (e: ExecutionListItem) => e.itemCount ?? '—' }] : []),
          { header: 'Started', width: '190px', cell: (e) => formatTime(e.startDate) },
          { header: 'Ended', width: '190px', cell: (e) => formatTime(e.stopDate) },
          {
            header: 'Duration',
            width: '100px',
            cell: (e) => formatDuration(((e.stopDate ?? Date.now() / 1000) - e.startDate) * 1000),
          },
          {
            header: 'Actions',
            width: '80px',
            cell: (e) =>
              e.status === 'RUNNING' ? (
                <button
                  type="button"
                  className="button small danger"
                  onClick={(event) => {
                    event.stopPropagation();
                    void stop(e);
                  }}
                >
                  Stop
                </button>
              ) : null,
          },
        ]}
      />
      {executions.value?.nextToken && (
        <button type="button" className="button" onClick={() => setPages(pages + 1)}>
          Load more
        </button>
      )}
    </div>
  );
}
