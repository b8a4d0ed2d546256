/**
 * The form that changes a running Map Run's MaxConcurrency and failure tolerance (UpdateMapRun); its coordinator
 * applies them on its next round.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api/client.js';
import type { MapRunDescription } from '../api/types.js';
import { ErrorNote } from '../components/ErrorNote.js';
import { type MapRunSettingsFields, mapRunSettingsFields, mapRunUpdateOf } from './map-run.js';

/** Props of {@link MapRunSettings}. */
export interface MapRunSettingsProps {
  run: MapRunDescription;
  /** Called once the server took the change. */
  onUpdated: () => void;
}

/** The form. */
export function MapRunSettings({ run, onUpdated }: MapRunSettingsProps) {
  const [fields, setFields] = useState<MapRunSettingsFields>(() => mapRunSettingsFields(run));
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  // Another run (another attempt of the state) starts from its own settings.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a different run resets the fields
  useEffect(() => setFields(mapRunSettingsFields(run)), [run.mapRunArn]);

  const field = (key: keyof MapRunSettingsFields, label: string, step: string, max?: number) => (
    <label className="field inline">
      <span>{label}</span>
      <input
        type="number"
        min={0}
        max={max}
        step={step}
        value={fields[key]}
        onChange={(e) => {
          setSaved(false);
          setFields({ ...fields, [key]: e.target.value });
        }}
      />
    </label>
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const update = mapRunUpdateOf(fields, run);
      if (Object.keys(update).length === 0) return;
      setSaving(true);
      await api.updateMapRun(run.mapRunArn, update);
      setSaved(true);
      onUpdated();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="map-run-settings" aria-label="Map Run settings" onSubmit={submit}>
      <div className="filters">
        {field('maxConcurrency', 'Max concurrency', '1')}
        {field('toleratedFailureCount', 'Tolerated failure count', '1')}
        {field('toleratedFailurePercentage', 'Tolerated failure %', 'any', 100)}
        <button type="submit" className="button small" disabled={saving}>
          Update Map Run
        </button>
        {saved && (
          <span className="muted" role="status">
            Updated.
          </span>
        )}
      </div>
      <ErrorNote error={error} />
    </form>
  );
}
