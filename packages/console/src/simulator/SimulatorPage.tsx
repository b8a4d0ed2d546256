/**
 * The data flow simulator: a state (or a whole machine and a state name), an input and, for a Task, the result its
 * resource returns; shows each stage of the state's data flow, its output and next state. Runs in the browser with
 * `@lockstep/engine`'s TestState, as you type.
 */
import { useEffect, useMemo, useState } from 'react';
import { JsonEditor } from '../components/JsonEditor.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { useDebounced } from '../components/use-debounced.js';
import { PRESETS } from './presets.js';
import { type SimulationOutcome, simulate } from './simulate.js';

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** The page. */
export function SimulatorPage() {
  const [preset, setPreset] = useState(0);
  const [state, setState] = useState(() => pretty(PRESETS[0].state));
  const [stateName, setStateName] = useState('');
  const [input, setInput] = useState(() => pretty(PRESETS[0].input));
  const [taskResult, setTaskResult] = useState(() => pretty(PRESETS[0].taskResult ?? {}));
  const [outcome, setOutcome] = useState<SimulationOutcome>();

  const choose = (index: number) => {
    const p = PRESETS[index];
    setPreset(index);
    setState(pretty(p.state));
    setInput(pretty(p.input));
    setTaskResult(pretty(p.taskResult ?? {}));
    setStateName('');
  };

  const isTask = /"Type"\s*:\s*"Task"/.test(state);
  const typed = useMemo(
    () => ({ state, stateName, input, taskResult: isTask ? taskResult : undefined }),
    [state, stateName, input, taskResult, isTask],
  );
  const request = useDebounced(typed, 300);
  useEffect(() => {
    let current = true;
    simulate({
      definition: request.state,
      stateName: request.stateName,
      input: request.input,
      taskResult: request.taskResult,
    }).then((o) => current && setOutcome(o));
    return () => {
      current = false;
    };
  }, [request]);

  return (
    <section className="page page-wide">
      <div className="page-head">
        <h1>Data flow simulator</h1>
        <label className="field inline">
          <span>Example</span>
          <select value={preset} onChange={(e) => choose(Number(e.target.value))}>
            {PRESETS.map((p, i) => (
              <option key={p.label} value={i}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted">
        Paste a state and an input: each stage of its data flow is computed in your browser by Lockstep's engine
        (TestState), with no call to the server. A Task does not call its resource: give the result it returns.
      </p>
      <div className="simulator">
        <div className="stack">
          <div className="field">
            <span>State (or a whole state machine, with a state name below)</span>
            <JsonEditor label="State definition" value={state} onChange={setState} height="300px" />
          </div>
          <label className="field inline">
            <span>State name</span>
            <input
              value={stateName}
              onChange={(e) => setStateName(e.target.value)}
              placeholder="Only for a whole machine"
            />
          </label>
          <div className="field">
            <span>Input</span>
            <JsonEditor label="State input" value={input} onChange={setInput} height="180px" />
          </div>
          {isTask && (
            <div className="field">
              <span>Task result (what the resource returns)</span>
              <JsonEditor label="Task result" value={taskResult} onChange={setTaskResult} height="140px" />
            </div>
          )}
        </div>
        <div className="stack" aria-live="polite" data-testid="simulation">
          {!outcome ? null : outcome.ok ? (
            <>
              <div className="simulation-summary">
                <StatusBadge status={outcome.result.status} />
                {outcome.result.nextState && (
                  <span>
                    Next state: <strong data-testid="next-state">{outcome.result.nextState}</strong>
                  </span>
                )}
              </div>
              {outcome.result.error !== undefined && (
                <div className="error-note">
                  <strong>{outcome.result.error}</strong> {outcome.result.cause}
                </div>
              )}
              <ol className="stages">
                {outcome.stages.map((stage) => (
                  <li key={stage.name} data-stage={stage.name}>
                    <span className="stage-name">{stage.name}</span>
                    <pre className="json-block">{pretty(stage.value)}</pre>
                  </li>
                ))}
              </ol>
              {outcome.result.variables && (
                <section>
                  <h3>Variables after the state</h3>
                  <pre className="json-block">{pretty(outcome.result.variables)}</pre>
                </section>
              )}
            </>
          ) : (
            <div className="error-note" role="alert">
              {outcome.error}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
