/**
 * Activities: the list (ListActivities), and the tasks still open for them, found in the histories of running
 * Standard executions (see `pending-tasks.ts`), refreshed every few seconds.
 */
import { api } from '../api/client.js';
import { ErrorNote } from '../components/ErrorNote.js';
import { useAsync } from '../components/use-async.js';
import { VirtualTable } from '../components/VirtualTable.js';
import { arnName, formatTime } from '../format.js';
import { Link, paths } from '../router.js';
import { type PendingTask, pendingTasks } from './pending-tasks.js';

/** How many running executions the page reads the histories of, at most. */
const MAX_EXECUTIONS_READ = 100;
const REFRESH_MS = 5_000;

/** The open activity tasks of the running Standard executions (the most recent ones, up to a limit). */
async function loadPendingTasks(): Promise<PendingTask[]> {
  const machines = (await api.listStateMachines()).filter((m) => m.type === 'STANDARD');
  const running = (
    await Promise.all(
      machines.map((m) => api.listExecutions(m.stateMachineArn, { statusFilter: 'RUNNING', maxResults: 100 })),
    )
  ).flatMap((page) => page.items);
  const read = running.slice(0, MAX_EXECUTIONS_READ);
  const histories = await Promise.all(read.map((e) => api.getExecutionHistory(e.executionArn)));
  return read.flatMap((e, i) => pendingTasks(e.executionArn, histories[i]));
}

/** The page. */
export function ActivitiesPage() {
  const activities = useAsync(() => api.listActivities(), []);
  const tasks = useAsync(loadPendingTasks, [], { pollMs: REFRESH_MS });
  return (
    <section className="page">
      <div className="page-head">
        <h1>Activities</h1>
        <button
          type="button"
          className="button"
          onClick={() => {
            activities.reload();
            tasks.reload();
          }}
        >
          Refresh
        </button>
      </div>
      <ErrorNote error={activities.error} />
      <VirtualTable
        label="Activities"
        rows={activities.value ?? []}
        rowKey={(a) => a.activityArn}
        empty={activities.loading ? 'Loading…' : 'No activities. Create one with CreateActivity.'}
        columns={[
          { header: 'Name', width: '1fr', cell: (a) => a.name },
          { header: 'ARN', width: '2fr', cell: (a) => <code>{a.activityArn}</code> },
          { header: 'Created', width: '200px', cell: (a) => formatTime(a.creationDate) },
        ]}
      />
      <h2>Open tasks</h2>
      <p className="muted">
        Tasks that running executions scheduled and no worker finished yet, read from their histories (no API operation
        lists tasks without handing them out). Workers take them with GetActivityTask.
      </p>
      <ErrorNote error={tasks.error} />
      <VirtualTable
        label="Open activity tasks"
        rows={tasks.value ?? []}
        rowKey={(t) => `${t.executionArn}/${t.scheduled}/${t.stateName}`}
        empty={tasks.loading && !tasks.value ? 'Loading…' : 'No open tasks.'}
        columns={[
          { header: 'Activity', width: '1fr', cell: (t) => arnName(t.activityArn) },
          {
            header: 'Execution',
            width: '1.5fr',
            cell: (t) => <Link href={paths.execution(t.executionArn)}>{arnName(t.executionArn)}</Link>,
          },
          { header: 'State', width: '1fr', cell: (t) => t.stateName },
          { header: 'Scheduled', width: '200px', cell: (t) => formatTime(t.scheduled) },
          {
            header: 'Worker',
            width: '1fr',
            cell: (t) => (t.workerName === undefined ? <em>waiting for a worker</em> : t.workerName || '(unnamed)'),
          },
        ]}
      />
    </section>
  );
}
