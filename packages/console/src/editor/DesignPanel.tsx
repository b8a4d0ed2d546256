/**
 * Design mode's side panel: the palette of flow states (added after the selected state), and the selected state's
 * form: its name, where it goes next, its other fields as JSON, and Delete (what led to it is reconnected).
 */
import { useEffect, useState } from 'react';
import {
  addState,
  type Block,
  blockOf,
  connect,
  deleteState,
  PALETTE,
  type PaletteType,
  renameState,
  replaceState,
  type StateJson,
  stateNames,
} from './definition-edit.js';

/** Props of {@link DesignPanel}. */
export interface DesignPanelProps {
  definition: Block;
  selected?: string;
  onSelect: (name: string | undefined) => void;
  onChange: (definition: Block) => void;
}

/** The panel. */
export function DesignPanel({ definition, selected, onSelect, onChange }: DesignPanelProps) {
  const block = selected ? blockOf(definition, selected) : undefined;
  const state = selected ? block?.States?.[selected] : undefined;

  const add = (type: PaletteType) => {
    const result = addState(definition, type, state ? selected : undefined);
    onChange(result.definition);
    onSelect(result.name);
  };

  return (
    <div className="design-panel">
      <fieldset className="palette">
        <legend>Add a flow state{state ? ` after “${selected}”` : ''}</legend>
        {PALETTE.map((type) => (
          <button key={type} type="button" className={`button small palette-${type}`} onClick={() => add(type)}>
            + {type}
          </button>
        ))}
      </fieldset>
      <label className="field">
        <span>Selected state</span>
        <select value={state ? selected : ''} onChange={(e) => onSelect(e.target.value || undefined)}>
          <option value="">None (click a state on the graph)</option>
          {stateNames(definition).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {state && selected && block && (
        <StateForm
          key={selected}
          name={selected}
          state={state}
          siblings={Object.keys(block.States ?? {}).filter((n) => n !== selected)}
          onRename={(to) => {
            onChange(renameState(definition, selected, to));
            onSelect(to);
          }}
          onConnect={(to) => onChange(connect(definition, selected, to))}
          onReplace={(fields) => onChange(replaceState(definition, selected, fields))}
          onDelete={() => {
            onChange(deleteState(definition, selected));
            onSelect(undefined);
          }}
        />
      )}
    </div>
  );
}

interface StateFormProps {
  name: string;
  state: StateJson;
  siblings: string[];
  onRename: (name: string) => void;
  onConnect: (to: string) => void;
  onReplace: (state: StateJson) => void;
  onDelete: () => void;
}

function StateForm({ name, state, siblings, onRename, onConnect, onReplace, onDelete }: StateFormProps) {
  const [newName, setNewName] = useState(name);
  const [fields, setFields] = useState(() => JSON.stringify(state, null, 2));
  const [fieldsError, setFieldsError] = useState<string>();
  useEffect(() => setFields(JSON.stringify(state, null, 2)), [state]);
  const next = state.Type === 'Choice' ? state.Default : state.Next;

  const apply = () => {
    try {
      const value = JSON.parse(fields);
      if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('A state is a JSON object.');
      setFieldsError(undefined);
      onReplace(value);
    } catch (e) {
      setFieldsError((e as Error).message);
    }
  };

  return (
    <form
      className="stack state-form"
      aria-label={`State ${name}`}
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <label className="field">
        <span>Name</span>
        <input
          value={newName}
          onChange={(e) => setNewName(e.target.value)}
          onBlur={() => newName.trim() && newName !== name && onRename(newName.trim())}
        />
      </label>
      <p className="muted">
        Type: <strong>{String(state.Type)}</strong>
      </p>
      {state.Type !== 'Succeed' && state.Type !== 'Fail' && (
        <label className="field">
          <span>{state.Type === 'Choice' ? 'Default' : 'Next'}</span>
          <select
            value={typeof next === 'string' ? next : ''}
            onChange={(e) => e.target.value && onConnect(e.target.value)}
          >
            <option value="">{state.Type === 'Choice' ? '(none)' : 'End'}</option>
            {siblings.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>Fields (JSON)</span>
        <textarea
          className="code"
          rows={12}
          value={fields}
          onChange={(e) => setFields(e.target.value)}
          spellCheck={false}
        />
      </label>
      {fieldsError && (
        <p className="diagnostic error" role="alert">
          {fieldsError}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button small">
          Apply fields
        </button>
        <button type="button" className="button small danger" onClick={onDelete}>
          Delete state
        </button>
      </div>
    </form>
  );
}
