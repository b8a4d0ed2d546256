/**
 * The editor (Workflow Studio's Code mode and a first Design mode): the definition in a JSON editor with the graph
 * beside it, updated as you type; the server's ValidateStateMachineDefinition diagnostics underlined at their
 * location and listed. Design mode edits the graph: select a state to edit it, add flow states, delete, reconnect.
 * Save creates the state machine (CreateStateMachine) or updates it (UpdateStateMachine).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client.js';
import type { StateMachineType, ValidationDiagnostic } from '../api/types.js';
import { ErrorNote } from '../components/ErrorNote.js';
import { JsonEditor } from '../components/JsonEditor.js';
import { Tabs } from '../components/Tabs.js';
import { useDebounced } from '../components/use-debounced.js';
import { BLANK_DEFINITION, examples } from '../examples.js';
import { prettyJson } from '../format.js';
import { WorkflowGraph } from '../graph/WorkflowGraph.js';
import { rememberInput } from '../pages/sample-input.js';
import { Link, navigate, paths } from '../router.js';
import { DesignPanel } from './DesignPanel.js';
import type { Block } from './definition-edit.js';
import { toEditorDiagnostics } from './validation.js';

type Mode = 'code' | 'design';

/** The page: `arn` edits a machine; without it, creates one (from `?example=<path>` when given). */
export function EditorPage({ arn }: { arn?: string }) {
  const example = useMemo(() => {
    const path = new URLSearchParams(location.search).get('example');
    return examples.find((e) => e.path === path);
  }, []);
  const [name, setName] = useState(example?.name ?? '');
  const [type, setType] = useState<StateMachineType>(example?.type ?? 'STANDARD');
  const [text, setText] = useState(arn ? '' : (example?.definition ?? BLANK_DEFINITION));
  const [loaded, setLoaded] = useState(!arn);
  const [mode, setMode] = useState<Mode>('code');
  const [selected, setSelected] = useState<string>();
  const [diagnostics, setDiagnostics] = useState<ValidationDiagnostic[]>([]);
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!arn) return;
    api.describeStateMachine(arn).then((m) => {
      setName(m.name);
      setType(m.type);
      setText(prettyJson(m.definition));
      setLoaded(true);
    }, setError);
  }, [arn]);

  const debounced = useDebounced(text, 250);
  const parsed = useMemo(() => {
    try {
      const value = JSON.parse(debounced);
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as Block) : undefined;
    } catch {
      return undefined;
    }
  }, [debounced]);
  const [lastGood, setLastGood] = useState<Block>();
  useEffect(() => {
    if (parsed) setLastGood(parsed);
  }, [parsed]);

  // One validation per text and type, shared by the editor's linter and the list below (in either mode).
  const lastValidation = useRef<{ key: string; result: Promise<ValidationDiagnostic[]> }>(undefined);
  const validate = useCallback(
    (current: string) => {
      const key = `${type}\n${current}`;
      if (lastValidation.current?.key !== key) {
        const result = api.validateDefinition(current, type).then((r) => r.diagnostics);
        lastValidation.current = { key, result };
        result.then((d) => lastValidation.current?.key === key && setDiagnostics(d), setError);
      }
      return lastValidation.current.result;
    },
    [type],
  );
  useEffect(() => {
    if (loaded) void validate(debounced).catch(() => {});
  }, [debounced, loaded, validate]);
  const lint = useCallback(
    async (current: string) => toEditorDiagnostics(current, await validate(current)),
    [validate],
  );

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      if (arn) {
        await api.updateStateMachine(arn, text);
        navigate(paths.machine(arn, 'graph'));
      } else {
        const created = await api.createStateMachine(name.trim(), text, type);
        if (example) rememberInput(created.stateMachineArn, example.input);
        navigate(paths.machine(created.stateMachineArn));
      }
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  };

  const edit = (definition: Block) => setText(`${JSON.stringify(definition, null, 2)}\n`);
  const errors = diagnostics.filter((d) => d.severity === 'ERROR');

  return (
    <section className="page page-wide">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link href={paths.machines()}>State machines</Link> /{' '}
        {arn ? <Link href={paths.machine(arn)}>{name || '…'}</Link> : <span>New</span>} / <span>Edit</span>
      </nav>
      <div className="page-head">
        <h1>{arn ? `Edit ${name}` : 'Create state machine'}</h1>
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={() => navigate(arn ? paths.machine(arn) : paths.machines())}
          >
            Cancel
          </button>
          <button
            type="button"
            className="button primary"
            onClick={save}
            disabled={saving || !loaded || (!arn && !name.trim())}
          >
            {saving ? 'Saving…' : arn ? 'Save' : 'Create'}
          </button>
        </div>
      </div>
      {example && (
        <p className="muted">
          From <code>{example.path}</code>
          {example.needs ? `: needs ${example.needs}.` : ': runs as is.'}
        </p>
      )}
      {!arn && (
        <div className="filters">
          <label className="field inline">
            <span>Name</span>
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="my-state-machine" required />
          </label>
          <label className="field inline">
            <span>Type</span>
            <select value={type} onChange={(e) => setType(e.target.value as StateMachineType)}>
              <option value="STANDARD">STANDARD</option>
              <option value="EXPRESS">EXPRESS</option>
            </select>
          </label>
        </div>
      )}
      <ErrorNote error={error} />
      <Tabs
        label="Editor mode"
        tabs={[
          { key: 'code', label: 'Code' },
          { key: 'design', label: 'Design' },
        ]}
        active={mode}
        onChange={setMode}
      />
      <div className="editor-split">
        <div className="editor-side">
          {mode === 'code'
            ? loaded && <JsonEditor label="Definition" value={text} onChange={setText} lint={lint} height="62vh" />
            : lastGood && (
                <DesignPanel definition={lastGood} selected={selected} onSelect={setSelected} onChange={edit} />
              )}
          <div className="diagnostics" aria-live="polite" data-testid="diagnostics">
            {!parsed && debounced.trim() !== '' ? (
              <p className="diagnostic error">The definition is not valid JSON (see the editor).</p>
            ) : errors.length === 0 && diagnostics.length === 0 ? (
              <p className="diagnostic ok">The definition is valid.</p>
            ) : (
              diagnostics.map((d, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: diagnostics have no identity of their own
                <p key={i} className={`diagnostic ${d.severity.toLowerCase()}`}>
                  <strong>{d.code}</strong> {d.message} {d.location && <code>{d.location}</code>}
                </p>
              ))
            )}
          </div>
        </div>
        <div className="graph-frame">
          <WorkflowGraph
            definition={lastGood}
            exportName={name || 'state-machine'}
            selectedState={mode === 'design' ? selected : undefined}
            onSelectState={(s) => {
              setSelected(s);
              if (s) setMode('design');
            }}
          />
        </div>
      </div>
    </section>
  );
}
