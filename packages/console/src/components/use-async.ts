/** Loading data in components: a promise's state, reloadable, optionally polled. */
import { useCallback, useEffect, useRef, useState } from 'react';

/** What {@link useAsync} gives: the value (kept while reloading), the error, and `reload`. */
export interface AsyncState<T> {
  value?: T;
  error?: Error;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs `load` when `deps` change and on `reload()`; with `pollMs`, again `pollMs` after each answer while
 * `poll(value)` says so.
 * A stale answer (one whose request was overtaken by a newer one) is dropped.
 */
export function useAsync<T>(
  load: () => Promise<T>,
  deps: unknown[],
  options: { pollMs?: number; poll?: (value: T) => boolean } = {},
): AsyncState<T> {
  const [state, setState] = useState<{ value?: T; error?: Error; loading: boolean }>({ loading: true });
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const run = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true }));
    loadRef.current().then(
      (value) => mine === generation.current && setState({ value, loading: false }),
      (error: Error) => mine === generation.current && setState((s) => ({ ...s, error, loading: false })),
    );
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when to load again
  useEffect(run, deps);
  const { pollMs, poll } = options;
  const polling = pollMs !== undefined && state.value !== undefined && (poll ? poll(state.value) : true);
  // The next poll is armed once an answer arrives, so that polls never overlap.
  useEffect(() => {
    if (!polling || state.loading) return;
    const timer = setTimeout(run, pollMs);
    return () => clearTimeout(timer);
  }, [polling, pollMs, run, state.loading]);
  return { ...state, reload: run };
}
