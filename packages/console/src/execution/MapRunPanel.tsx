/**
 * The Map Run of the Distributed Map state selected on an execution's graph (DescribeMapRun): its status, dates,
 * concurrency and tolerance, its items and child executions by status, polled every second while it runs; a form
 * to change a running run's settings (UpdateMapRun); and its child executions (ListExecutions by Map Run), each
 * linking to its own page. A state retried after its run failed started one run per attempt: the latest is shown.
 */
import { useEffect, useState } from 'react';
import { api } from '../api/client.js';
import { ErrorNote } from '../components/ErrorNote.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { useAsync } from '../components/use-async.js';
import { formatDuration, formatTime } from '../format.js';
import { ExecutionsList } from '../pages/ExecutionsList.js';
import { MapRunSettings } from './MapRunSettings.js';
import { mapRunCountRows, mapRunLabel } from './map-run.js';

/** Props of {@link MapRunPanel}. */
export interface MapRunPanelProps {
  /** The Map Runs the state started, one per attempt, oldest first (none before its `MapRunStarted`). */
  mapRunArns: readonly string[];
}

const POLL_MS = 1000;

/** The panel. */
export function MapRunPanel({ mapRunArns }: MapRunPanelProps) {
  const [chosen, setChosen] = useState(mapRunArns.length - 1);
  useEffect(() => setChosen(mapRunArns.length - 1), [mapRunArns.length]);
  const arn = mapRunArns[Math.min(chosen, mapRunArns.length - 1)];

  return (
    <section className="map-run" aria-label="Map Run">
      <div className="page-head">
        <h2>Map Run{arn ? ` ${mapRunLabel(arn)}` : ''}</h2>
        {mapRunArns.length > 1 && (
          <label className="field inline">
            <span>Attempt</span>
            <select value={chosen} onChange={(e) => setChosen(Number(e.target.value))}>
              {mapRunArns.map((a, i) => (
                <option key={a} value={i}>
                  {i + 1} of {mapRunArns.length}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {arn ? <MapRunDetails key={arn} arn={arn} /> : <p className="muted">The Map Run has not started yet.</p>}
    </section>
  );
}

function MapRunDetails({ arn }: { arn: string }) {
  const described = useAsync(() => api.describeMapRun(arn), [arn], {
    pollMs: POLL_MS,
    poll: (r) => r.status === 'RUNNING',
  });
  const run = described.value;
  if (!run) return <ErrorNote error={described.error} />;
  const running = run.status === 'RUNNING';
  const rows = mapRunCountRows(run);
  return (
    <>
      <ErrorNote error={described.error} />
      <dl className="facts compact">
        <div>
          <dt>Status</dt>
          <dd data-testid="map-run-status">
            <StatusBadge status={run.status} />
          </dd>
        </div>
        <div className="wide">
          <dt>Map Run ARN</dt>
          <dd>
            <code>{run.mapRunArn}</code>
          </dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>{formatTime(run.startDate)}</dd>
        </div>
        <div>
          <dt>Ended</dt>
          <dd>{formatTime(run.stopDate)}</dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{formatDuration(((run.stopDate ?? Date.now() / 1000) - run.startDate) * 1000)}</dd>
        </div>
        <div>
          <dt>Max concurrency</dt>
          {/* AWS's MaxConcurrency 0 runs every child at once. */}
          <dd>{run.maxConcurrency === 0 ? 'no limit' : run.maxConcurrency}</dd>
        </div>
        <div>
          <dt>Tolerated failure count</dt>
          <dd>{run.toleratedFailureCount}</dd>
        </div>
        <div>
          <dt>Tolerated failure %</dt>
          <dd>{run.toleratedFailurePercentage}</dd>
        </div>
      </dl>
      <table className="count-table" aria-label="Map Run counts" data-testid="map-run-counts">
        <thead>
          <tr>
            <td />
            {rows.map((row) => (
              <th key={row.status} scope="col">
                {row.status}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr data-testid="map-run-items">
            <th scope="row">Items</th>
            {rows.map((row) => (
              <td key={row.status}>{row.items}</td>
            ))}
          </tr>
          <tr data-testid="map-run-executions">
            <th scope="row">Child executions</th>
            {rows.map((row) => (
              <td key={row.status}>{row.executions}</td>
            ))}
          </tr>
        </tbody>
      </table>
      {running && <MapRunSettings run={run} onUpdated={described.reload} />}
      <h3>Child executions</h3>
      <ExecutionsList of={{ mapRunArn: arn }} live={running} />
    </>
  );
}
