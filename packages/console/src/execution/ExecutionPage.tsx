/**
 * An execution: its header; the graph coloured by each state's status (with a legend, Map iterations by index and
 * the selected state's details, and a selected Distributed Map's Map Run); the table of state runs; the event
 * history; input and output. A Map Run's child says whose it is. While the execution runs, the page polls
 * DescribeExecution and GetExecutionHistory every second (the console uses the public API only; there is no event
 * stream).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client.js';
import type { HistoryEvent } from '../api/types.js';
import { Dialog } from '../components/Dialog.js';
import { ErrorNote } from '../components/ErrorNote.js';
import { Tabs } from '../components/Tabs.js';
import { useAsync } from '../components/use-async.js';
import { type Block, blockOf } from '../editor/definition-edit.js';
import { arnName, prettyJson } from '../format.js';
import { WorkflowGraph } from '../graph/WorkflowGraph.js';
import { StartExecution } from '../pages/StartExecution.js';
import { Link, paths } from '../router.js';
import { EventHistory } from './EventHistory.js';
import { ExecutionHeader } from './ExecutionHeader.js';
import { Legend } from './Legend.js';
import { MapRunChildNote } from './MapRunChildNote.js';
import { MapRunPanel } from './MapRunPanel.js';
import { definingMachineArn, isDistributedMap } from './map-run.js';
import { StateDetails } from './StateDetails.js';
import { StateTable } from './StateTable.js';
import { analyseHistory, inIteration, stateStatuses } from './state-runs.js';

const TABS = [
  { key: 'graph', label: 'Graph view' },
  { key: 'table', label: 'Table view' },
  { key: 'events', label: 'Event history' },
  { key: 'io', label: 'Input and output' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

const POLL_MS = 1000;

/** The page. */
export function ExecutionPage({ arn }: { arn: string }) {
  const mounted = useRef(performance.now());
  const [tab, setTab] = useState<TabKey>(() => {
    const asked = new URLSearchParams(location.search).get('tab');
    return TABS.some((t) => t.key === asked) ? (asked as TabKey) : 'graph';
  });
  const [selected, setSelected] = useState<string>();
  const [iteration, setIteration] = useState<{ map: string; index: number }>();
  const [actionError, setActionError] = useState<unknown>();
  const [restarting, setRestarting] = useState(false);

  // While the execution runs, each poll reads only the events added since the last one.
  const known = useRef<HistoryEvent[]>([]);
  const data = useAsync(
    async () => {
      // The status first: once it says the execution ended, the history read after it is complete.
      const execution = await api.describeExecution(arn);
      const fresh =
        known.current.length === 0
          ? await api.getExecutionHistory(arn)
          : await api.getNewHistoryEvents(arn, known.current.length);
      const events = fresh.length === 0 ? known.current : [...known.current, ...fresh];
      known.current = events;
      return { execution, events };
    },
    [arn],
    { pollMs: POLL_MS, poll: (v) => v.execution.status === 'RUNNING' },
  );
  const machine = useAsync(() => api.describeStateMachineForExecution(arn), [arn]);
  const definition = useMemo(() => {
    try {
      return machine.value ? (JSON.parse(machine.value.definition) as Block) : undefined;
    } catch {
      return undefined;
    }
  }, [machine.value]);

  const analysis = useMemo(() => analyseHistory(data.value?.events ?? []), [data.value]);
  const statuses = useMemo(() => stateStatuses(analysis.runs, iteration), [analysis, iteration]);

  // A child's "parent execution" link asks for the state that started its Map Run (`?mapRun=`), once it is known.
  const askedMapRun = useRef(new URLSearchParams(location.search).get('mapRun'));
  useEffect(() => {
    const asked = askedMapRun.current;
    const run = asked ? analysis.runs.find((r) => r.mapRunArns?.includes(asked)) : undefined;
    if (!run) return;
    askedMapRun.current = null;
    setSelected(run.name);
  }, [analysis]);

  // How long from opening the page to the execution drawn (read by the end-to-end test).
  const measured = useRef(false);
  useEffect(() => {
    if (measured.current || !data.value) return;
    measured.current = true;
    requestAnimationFrame(() =>
      performance.measure('execution-page', { start: mounted.current, end: performance.now() }),
    );
  }, [data.value]);

  const e = data.value?.execution;
  /** A button's action on the execution: asked for confirmation, then the page reloads (or shows the error). */
  const act = (question: string, action: () => Promise<unknown>) => async () => {
    if (!window.confirm(question)) return;
    try {
      await action();
      data.reload();
    } catch (error) {
      setActionError(error);
    }
  };
  const stop = act('Stop this execution?', () => api.stopExecution(arn));
  const redrive = act('Redrive this execution? It continues from the states that did not succeed.', () =>
    api.redriveExecution(arn),
  );
  const selectedRuns = selected
    ? analysis.runs.filter((r) => r.name === selected && (!iteration || inIteration(r, iteration)))
    : [];
  const selectedState = selected && definition ? blockOf(definition, selected)?.States?.[selected] : undefined;
  const mapRunArns = isDistributedMap(selectedState) ? selectedRuns.flatMap((r) => r.mapRunArns ?? []) : undefined;
  const selectState = (name: string | undefined) => {
    setSelected(name);
    if (name && analysis.iterations.has(name) && iteration?.map !== name) setIteration(undefined);
  };
  const transitions = analysis.runs.length;
  // The Map whose iterations the panel browses: the selected state if it is a Map, else the one being browsed.
  const browsedMap = selected && analysis.iterations.has(selected) ? selected : iteration?.map;

  return (
    <section className="page page-wide">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link href={paths.machines()}>State machines</Link> /{' '}
        {e ? (
          <Link href={paths.machine(definingMachineArn(e.stateMachineArn))}>{arnName(e.stateMachineArn)}</Link>
        ) : (
          '…'
        )}{' '}
        / <span>{arnName(arn)}</span>
      </nav>
      <div className="page-head">
        <h1>{arnName(arn)}</h1>
        <div className="actions">
          {/* A Map Run child's machine (`<machine>/<label>`) starts no executions of its own. */}
          {e && !e.mapRunArn && (
            <button type="button" className="button" onClick={() => setRestarting(true)}>
              New execution with this input
            </button>
          )}
          {e?.redriveStatus === 'REDRIVABLE' && (
            <button type="button" className="button" onClick={redrive}>
              Redrive
            </button>
          )}
          {e?.status === 'RUNNING' && (
            <button type="button" className="button danger" onClick={stop}>
              Stop execution
            </button>
          )}
        </div>
      </div>
      <ErrorNote error={data.error ?? actionError} />
      {e && <ExecutionHeader execution={e} transitions={transitions} />}
      {e?.mapRunArn && <MapRunChildNote mapRunArn={e.mapRunArn} />}
      <Tabs label="Execution" tabs={[...TABS]} active={tab} onChange={setTab} />
      <div role="tabpanel" className="tab-panel">
        {tab === 'graph' && (
          <div className="execution-graph">
            <div className="graph-frame">
              <Legend />
              {iteration && (
                <p className="iteration-note" role="status">
                  Showing iteration {iteration.index} of {iteration.map}.{' '}
                  <button type="button" className="link-button" onClick={() => setIteration(undefined)}>
                    Show all iterations
                  </button>
                </p>
              )}
              <WorkflowGraph
                definition={definition}
                statuses={statuses}
                selectedState={selected}
                onSelectState={selectState}
                exportName={arnName(arn)}
              />
            </div>
            {selected && (
              <StateDetails
                name={selected}
                runs={selectedRuns}
                definition={definition}
                iterations={browsedMap ? analysis.iterations.get(browsedMap) : undefined}
                iteration={iteration?.index}
                onIteration={(index) =>
                  setIteration(index === undefined || !browsedMap ? undefined : { map: browsedMap, index })
                }
                onClose={() => setSelected(undefined)}
              />
            )}
            {mapRunArns && <MapRunPanel mapRunArns={mapRunArns} />}
          </div>
        )}
        {tab === 'table' && e && (
          <StateTable
            runs={analysis.runs}
            startDate={e.startDate}
            onSelect={(run) => {
              setSelected(run.name);
              if (run.iteration) setIteration({ map: run.iteration.map, index: run.iteration.index });
              setTab('graph');
            }}
          />
        )}
        {tab === 'events' && e && data.value && <EventHistory events={data.value.events} startDate={e.startDate} />}
        {tab === 'io' && e && (
          <div className="io-pair">
            <section>
              <h3>Input</h3>
              <pre className="json-block tall">{prettyJson(e.input)}</pre>
            </section>
            <section>
              <h3>Output</h3>
              <pre className="json-block tall">{e.output === undefined ? '—' : prettyJson(e.output)}</pre>
            </section>
          </div>
        )}
      </div>
      {e && (
        <Dialog open={restarting} title="Start execution" onClose={() => setRestarting(false)} wide>
          <StartExecution stateMachineArn={e.stateMachineArn} input={prettyJson(e.input)} />
        </Dialog>
      )}
    </section>
  );
}
