/** Starting an execution: an optional name and the input, in a JSON editor; opens the execution once started. */
import { useState } from 'react';
import { api } from '../api/client.js';
import { ErrorNote } from '../components/ErrorNote.js';
import { JsonEditor } from '../components/JsonEditor.js';
import { navigate, paths } from '../router.js';
import { proposedInput, rememberInput } from './sample-input.js';

/** The form (shown in a dialog); `input` proposes an input (else the machine's last or sample one). */
export function StartExecution({ stateMachineArn, input: given }: { stateMachineArn: string; input?: string }) {
  const [name, setName] = useState('');
  const [input, setInput] = useState(() => given ?? proposedInput(stateMachineArn));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { executionArn } = await api.startExecution(stateMachineArn, input, name.trim() || undefined);
      rememberInput(stateMachineArn, input);
      navigate(paths.execution(executionArn));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        void start();
      }}
    >
      <label className="field">
        <span>Name (optional)</span>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="A unique name; a UUID if empty" />
      </label>
      <div className="field">
        <span>Input</span>
        <JsonEditor label="Execution input" value={input} onChange={setInput} height="260px" />
      </div>
      <ErrorNote error={error} />
      <div className="actions end">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Starting…' : 'Start execution'}
        </button>
      </div>
    </form>
  );
}
