/** State machines: the list (name, type, created, status), create (blank or from an example) and delete. */
import { useState } from 'react';
import { api } from '../api/client.js';
import type { StateMachineListItem } from '../api/types.js';
import { Dialog } from '../components/Dialog.js';
import { ErrorNote } from '../components/ErrorNote.js';
import { SearchField } from '../components/FilterFields.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { useAsync } from '../components/use-async.js';
import { VirtualTable } from '../components/VirtualTable.js';
import { formatTime } from '../format.js';
import { Link, navigate, paths } from '../router.js';
import { ExamplePicker } from './ExamplePicker.js';

/** The page. */
export function MachinesPage() {
  const machines = useAsync(() => api.listStateMachines(), []);
  const [search, setSearch] = useState('');
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<unknown>();
  const rows = (machines.value ?? []).filter((m) => m.name.toLowerCase().includes(search.toLowerCase()));

  const remove = async (machine: StateMachineListItem) => {
    if (!window.confirm(`Delete the state machine '${machine.name}'? Its running executions are stopped.`)) return;
    try {
      await api.deleteStateMachine(machine.stateMachineArn);
      machines.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="page">
      <div className="page-head">
        <h1>State machines</h1>
        <div className="actions">
          <button type="button" className="button" onClick={() => setPicking(true)}>
            Create from example
          </button>
          <button type="button" className="button primary" onClick={() => navigate(paths.create())}>
            Create state machine
          </button>
        </div>
      </div>
      <div className="filters">
        <SearchField value={search} onChange={setSearch} placeholder="Name contains…" />
        <span className="muted">{machines.value ? `${rows.length} of ${machines.value.length}` : ''}</span>
      </div>
      <ErrorNote error={machines.error ?? error} />
      <VirtualTable
        label="State machines"
        rows={rows}
        rowKey={(m) => m.stateMachineArn}
        onActivate={(m) => navigate(paths.machine(m.stateMachineArn))}
        empty={
          machines.loading ? (
            'Loading…'
          ) : (
            <>
              No state machines yet.{' '}
              <button type="button" className="link-button" onClick={() => setPicking(true)}>
                Start from an example
              </button>
              .
            </>
          )
        }
        columns={[
          {
            header: 'Name',
            width: '2fr',
            cell: (m) => (
              <Link href={paths.machine(m.stateMachineArn)} onClick={(e) => e.stopPropagation()}>
                {m.name}
              </Link>
            ),
          },
          { header: 'Type', width: '120px', cell: (m) => m.type },
          { header: 'Created', width: '200px', cell: (m) => formatTime(m.creationDate) },
          { header: 'Status', width: '110px', cell: () => <StatusBadge status="ACTIVE" /> },
          {
            header: 'Actions',
            width: '100px',
            cell: (m) => (
              <button
                type="button"
                className="button small danger"
                aria-label={`Delete ${m.name}`}
                onClick={(e) => {
                  e.stopPropagation();
                  void remove(m);
                }}
              >
                Delete
              </button>
            ),
          },
        ]}
      />
      <Dialog open={picking} title="Create from example" onClose={() => setPicking(false)} wide>
        <p className="muted">
          The examples of the repository (<code>examples/</code>). Those marked “runs as is” need nothing else; the
          others need Lambda functions (start the server with <code>--functions</code>) or another service.
        </p>
        <ExamplePicker />
      </Dialog>
    </section>
  );
}
