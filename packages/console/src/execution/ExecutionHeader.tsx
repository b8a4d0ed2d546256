/** An execution's header: status, ARN, machine, type, start and end, duration, transitions, error and cause. */
import type { ExecutionDescription } from '../api/types.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { arnName, formatDuration, formatTime, prettyJson } from '../format.js';
import { Link, paths } from '../router.js';
import { definingMachineArn } from './map-run.js';

/** Props of {@link ExecutionHeader}. */
export interface ExecutionHeaderProps {
  execution: ExecutionDescription;
  /** State transitions so far (states entered). */
  transitions: number;
}

/** The header's facts. */
export function ExecutionHeader({ execution: e, transitions }: ExecutionHeaderProps) {
  // AWS names Express executions `...:express:<machine>:<name>`, Standard ones `...:execution:...`.
  const type = e.executionArn.split(':')[5] === 'express' ? 'EXPRESS' : 'STANDARD';
  const end = e.stopDate ?? Date.now() / 1000;
  return (
    <>
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd data-testid="execution-status">
            <StatusBadge status={e.status} />
          </dd>
        </div>
        <div className="wide">
          <dt>Execution ARN</dt>
          <dd>
            <code>{e.executionArn}</code>
          </dd>
        </div>
        <div>
          <dt>State machine</dt>
          <dd>
            <Link href={paths.machine(definingMachineArn(e.stateMachineArn))}>{arnName(e.stateMachineArn)}</Link>
          </dd>
        </div>
        <div>
          <dt>Type</dt>
          <dd>{type}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>{formatTime(e.startDate)}</dd>
        </div>
        <div>
          <dt>Ended</dt>
          <dd>{formatTime(e.stopDate)}</dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{formatDuration((end - e.startDate) * 1000)}</dd>
        </div>
        <div>
          <dt>State transitions</dt>
          <dd>{transitions}</dd>
        </div>
        {(e.redriveCount ?? 0) > 0 && (
          <div>
            <dt>Redrives</dt>
            <dd>{e.redriveCount}</dd>
          </div>
        )}
      </dl>
      {(e.error !== undefined || e.cause !== undefined) && (
        <div className="error-note" role="note" data-testid="execution-error">
          <strong>{e.error}</strong> {prettyJson(e.cause)}
        </div>
      )}
    </>
  );
}
