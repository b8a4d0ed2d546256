/** Activities: the list (ListActivities). */
import { api } from '../api/client.js';
import { ErrorNote } from '../components/ErrorNote.js';
import { useAsync } from '../components/use-async.js';
import { VirtualTable } from '../components/VirtualTable.js';
import { formatTime } from '../format.js';

/** The page. */
export function ActivitiesPage() {
  const activities = useAsync(() => api.listActivities(), []);
  return (
    <section className="page">
      <div className="page-head">
        <h1>Activities</h1>
        <button type="button" className="button" onClick={activities.reload}>
          Refresh
        </button>
      </div>
      <p className="muted">
        Activity workers poll their tasks with GetActivityTask and answer with SendTaskSuccess or SendTaskFailure. The
        API has no operation that lists pending tasks without taking them, so the console does not show them.
      </p>
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
    </section>
  );
}
