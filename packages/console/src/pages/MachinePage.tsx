/** A state machine: its details, executions, graph, definition, versions and tags; start, edit, delete. */
import { useMemo, useState } from 'react';
import { api } from '../api/client.js';
import { Dialog } from '../components/Dialog.js';
import { ErrorNote } from '../components/ErrorNote.js';
import { JsonEditor } from '../components/JsonEditor.js';
import { Tabs } from '../components/Tabs.js';
import { useAsync } from '../components/use-async.js';
import { VirtualTable } from '../components/VirtualTable.js';
import { formatTime, prettyJson } from '../format.js';
import { WorkflowGraph } from '../graph/WorkflowGraph.js';
import { Link, navigate, paths } from '../router.js';
import { ExecutionsList } from './ExecutionsList.js';
import { StartExecution } from './StartExecution.js';

const TABS = [
  { key: 'executions', label: 'Executions' },
  { key: 'graph', label: 'Graph' },
  { key: 'definition', label: 'Definition' },
  { key: 'versions', label: 'Versions' },
  { key: 'tags', label: 'Tags' },
] as const;

type TabKey = (typeof TABS)[number]['key'];

/** The page. */
export function MachinePage({ arn, tab }: { arn: string; tab?: string }) {
  const machine = useAsync(() => api.describeStateMachine(arn), [arn]);
  const active: TabKey = TABS.some((t) => t.key === tab) ? (tab as TabKey) : 'executions';
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>();
  const definition = useMemo(() => {
    try {
      return machine.value ? JSON.parse(machine.value.definition) : undefined;
    } catch {
      return undefined;
    }
  }, [machine.value]);

  const remove = async () => {
    if (!window.confirm(`Delete the state machine '${machine.value?.name}'?`)) return;
    try {
      await api.deleteStateMachine(arn);
      navigate(paths.machines());
    } catch (e) {
      setError(e);
    }
  };

  const m = machine.value;
  return (
    <section className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link href={paths.machines()}>State machines</Link> / <span>{m?.name ?? '…'}</span>
      </nav>
      <div className="page-head">
        <h1>{m?.name ?? 'State machine'}</h1>
        <div className="actions">
          <button type="button" className="button danger" onClick={remove} disabled={!m}>
            Delete
          </button>
          <button type="button" className="button" onClick={() => navigate(paths.edit(arn))} disabled={!m}>
            Edit
          </button>
          <button type="button" className="button primary" onClick={() => setStarting(true)} disabled={!m}>
            Start execution
          </button>
        </div>
      </div>
      <ErrorNote error={machine.error ?? error} />
      {m && (
        <dl className="facts">
          <div className="wide">
            <dt>ARN</dt>
            <dd>
              <code>{m.stateMachineArn}</code>
            </dd>
          </div>
          <div>
            <dt>Type</dt>
            <dd>{m.type}</dd>
          </div>
          <div>
            <dt>Created</dt>
            <dd>{formatTime(m.creationDate)}</dd>
          </div>
          <div>
            <dt>Role</dt>
            <dd>
              <code>{m.roleArn}</code>
            </dd>
          </div>
          {m.revisionId && (
            <div>
              <dt>Revision</dt>
              <dd>
                <code>{m.revisionId}</code>
              </dd>
            </div>
          )}
        </dl>
      )}
      <Tabs
        label="State machine"
        tabs={[...TABS]}
        active={active}
        onChange={(key) => navigate(paths.machine(arn, key), true)}
      />
      <div role="tabpanel" className="tab-panel">
        {active === 'executions' && <ExecutionsList of={arn} />}
        {active === 'graph' && definition && (
          <div className="graph-frame">
            <WorkflowGraph definition={definition} exportName={m?.name} />
          </div>
        )}
        {active === 'definition' && m && (
          <JsonEditor label="Definition" value={prettyJson(m.definition)} readOnly height="60vh" />
        )}
        {active === 'versions' && <Versions arn={arn} />}
        {active === 'tags' && <Tags arn={arn} />}
      </div>
      <Dialog open={starting} title="Start execution" onClose={() => setStarting(false)} wide>
        <StartExecution stateMachineArn={arn} />
      </Dialog>
    </section>
  );
}

function Versions({ arn }: { arn: string }) {
  const versions = useAsync(() => api.listStateMachineVersions(arn), [arn]);
  return (
    <>
      <ErrorNote error={versions.error} />
      <VirtualTable
        label="Versions"
        rows={versions.value ?? []}
        rowKey={(v) => v.stateMachineVersionArn}
        empty="No published versions (publish one with PublishStateMachineVersion, or CreateStateMachine with publish)."
        columns={[
          { header: 'Version', width: '100px', cell: (v) => v.stateMachineVersionArn.split(':').pop() },
          { header: 'ARN', width: '3fr', cell: (v) => <code>{v.stateMachineVersionArn}</code> },
          { header: 'Created', width: '200px', cell: (v) => formatTime(v.creationDate) },
        ]}
      />
    </>
  );
}

function Tags({ arn }: { arn: string }) {
  const tags = useAsync(() => api.listTags(arn), [arn]);
  return (
    <>
      <ErrorNote error={tags.error} />
      <VirtualTable
        label="Tags"
        rows={tags.value ?? []}
        rowKey={(t) => t.key}
        empty="No tags."
        columns={[
          { header: 'Key', width: '1fr', cell: (t) => t.key },
          { header: 'Value', width: '2fr', cell: (t) => t.value },
        ]}
      />
    </>
  );
}
