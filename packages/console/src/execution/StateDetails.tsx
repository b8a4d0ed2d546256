/**
 * The panel of the state selected on an execution's graph: its status, error and cause, input and output, and the
 * stages of its data flow (InputPath → Parameters → Result → ResultSelector → ResultPath → Output), replayed in
 * the browser with TestState from the recorded input and task result. A Map state lists its iterations by index.
 */
import { useEffect, useState } from 'react';
import { StatusBadge } from '../components/StatusBadge.js';
import { type Block, blockOf } from '../editor/definition-edit.js';
import { formatDuration, prettyJson } from '../format.js';
import { type SimulationOutcome, simulate } from '../simulator/simulate.js';
import type { MapIteration, StateRun } from './state-runs.js';

/** Props of {@link StateDetails}. */
export interface StateDetailsProps {
  name: string;
  /** The state's runs (those of the chosen Map iteration when one is chosen). */
  runs: readonly StateRun[];
  definition?: Block;
  iterations?: readonly MapIteration[];
  iteration?: number;
  onIteration: (index: number | undefined) => void;
  onClose: () => void;
}

const REPLAYED = new Set(['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail']);
const MAX_ITERATION_BUTTONS = 300;

/** The panel. */
export function StateDetails({
  name,
  runs,
  definition,
  iterations,
  iteration,
  onIteration,
  onClose,
}: StateDetailsProps) {
  const [attempt, setAttempt] = useState(runs.length - 1);
  useEffect(() => setAttempt(runs.length - 1), [runs.length]);
  const run = runs[Math.min(attempt, runs.length - 1)];
  const state = definition ? blockOf(definition, name)?.States?.[name] : undefined;

  return (
    <aside className="state-details" aria-label={`State ${name}`}>
      <div className="dialog-head">
        <h2>{name}</h2>
        <button type="button" className="button ghost" onClick={onClose} aria-label="Close the state's details">
          ✕
        </button>
      </div>
      {iterations && iterations.length > 0 && (
        <MapIterations iterations={iterations} selected={iteration} onSelect={onIteration} />
      )}
      {!run ? (
        <p className="muted">This state was not reached{iteration !== undefined ? ' in this iteration' : ''}.</p>
      ) : (
        <>
          {runs.length > 1 && (
            <label className="field inline">
              <span>Run</span>
              <select value={attempt} onChange={(e) => setAttempt(Number(e.target.value))}>
                {runs.map((r, i) => (
                  <option key={r.enteredEventId} value={i}>
                    {i + 1} of {runs.length}
                    {r.iteration ? ` (iteration ${r.iteration.index})` : ''} · {r.status}
                  </option>
                ))}
              </select>
            </label>
          )}
          <dl className="facts compact">
            <div>
              <dt>Status</dt>
              <dd>
                <StatusBadge status={run.status} />
              </dd>
            </div>
            <div>
              <dt>Type</dt>
              <dd>{run.type}</dd>
            </div>
            <div>
              <dt>Duration</dt>
              <dd>{run.exitedAt === undefined ? '—' : formatDuration((run.exitedAt - run.enteredAt) * 1000)}</dd>
            </div>
            <div>
              <dt>Retries</dt>
              <dd>{run.retries}</dd>
            </div>
            {run.resource && (
              <div>
                <dt>Resource</dt>
                <dd>
                  <code>{run.resource}</code>
                </dd>
              </div>
            )}
          </dl>
          {run.error !== undefined && (
            <div className="error-note" role="note" data-testid="state-error">
              <strong>{run.error}</strong> {prettyJson(run.cause)}
            </div>
          )}
          <div className="io-pair">
            <section>
              <h3>Input</h3>
              <pre className="json-block" data-testid="state-input">
                {prettyJson(run.input)}
              </pre>
            </section>
            <section>
              <h3>Output</h3>
              <pre className="json-block" data-testid="state-output">
                {run.output === undefined ? '—' : prettyJson(run.output)}
              </pre>
            </section>
          </div>
          {state && REPLAYED.has(run.type) && <DataFlow state={state} run={run} />}
        </>
      )}
    </aside>
  );
}

function MapIterations({
  iterations,
  selected,
  onSelect,
}: {
  iterations: readonly MapIteration[];
  selected?: number;
  onSelect: (index: number | undefined) => void;
}) {
  const sorted = [...iterations].sort((a, b) => a.index - b.index);
  return (
    <section className="iterations" aria-label="Map iterations">
      <h3>
        Iterations ({iterations.length}){' '}
        {selected !== undefined && (
          <button type="button" className="link-button" onClick={() => onSelect(undefined)}>
            show all
          </button>
        )}
      </h3>
      <label className="field inline">
        <span>Index</span>
        <input
          type="number"
          min={0}
          max={iterations.length - 1}
          value={selected ?? ''}
          placeholder="all"
          onChange={(e) => onSelect(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      </label>
      <div className="iteration-grid">
        {sorted.slice(0, MAX_ITERATION_BUTTONS).map((it) => (
          <button
            key={it.index}
            type="button"
            className={`iteration status-${it.status}${it.index === selected ? ' is-selected' : ''}`}
            aria-pressed={it.index === selected}
            aria-label={`Iteration ${it.index}: ${it.status}`}
            onClick={() => onSelect(it.index === selected ? undefined : it.index)}
          >
            {it.index}
          </button>
        ))}
      </div>
    </section>
  );
}

function DataFlow({ state, run }: { state: Record<string, unknown>; run: StateRun }) {
  const [outcome, setOutcome] = useState<SimulationOutcome>();
  useEffect(() => {
    let current = true;
    const failedTask = run.type === 'Task' && run.taskResult === undefined && run.error !== undefined;
    simulate({
      definition: JSON.stringify(state),
      input: run.input ?? '{}',
      taskResult: run.type === 'Task' ? (run.taskResult ?? (failedTask ? undefined : 'null')) : undefined,
      taskError: failedTask ? { error: run.error ?? '', cause: run.cause ?? '' } : undefined,
    }).then((o) => current && setOutcome(o));
    return () => {
      current = false;
    };
  }, [state, run]);
  if (!outcome) return null;
  return (
    <section className="data-flow" aria-label="Data flow">
      <h3>Data flow</h3>
      <p className="muted">
        Replayed in the browser from the recorded input{run.type === 'Task' ? ' and task result' : ''}.
      </p>
      {outcome.ok ? (
        <ol className="stages">
          {outcome.stages.map((stage) => (
            <li key={stage.name}>
              <span className="stage-name">{stage.name}</span>
              <pre className="json-block">{JSON.stringify(stage.value, null, 2)}</pre>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">Not replayable: {outcome.error}</p>
      )}
    </section>
  );
}
