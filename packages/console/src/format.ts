/** How the console writes times, durations, ARNs and JSON. */

/** An API timestamp (epoch seconds) as a local date and time, e.g. `2026-11-21 10:05:25.123`. */
export function formatTime(epochSeconds: number | undefined): string {
  if (epochSeconds === undefined) return '—';
  const d = new Date(epochSeconds * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
  );
}

/** A duration in milliseconds, readably: `840 ms`, `3.2 s`, `4 min 12 s`, `2 h 5 min`. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** A JSON text pretty-printed, or as it is when it is not JSON. */
export function prettyJson(text: string | undefined): string {
  if (text === undefined) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** The last part of an ARN (a state machine's or an execution's name), for titles. */
export function arnName(arn: string): string {
  return arn.split(':').pop() ?? arn;
}
