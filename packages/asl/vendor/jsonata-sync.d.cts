/**
 * Types of `jsonata-sync.cjs`: JSONata 2.0.6's API, with `evaluate` returning its result instead of a promise.
 */
import type jsonata from 'jsonata';

declare namespace jsonataSync {
  /** A parsed expression whose `evaluate` runs synchronously (and throws JSONata's errors). */
  interface Expression extends Omit<jsonata.Expression, 'evaluate'> {
    evaluate(input: unknown, bindings?: Record<string, unknown>): unknown;
  }
}

/** Parses a JSONata expression; throws JSONata's syntax errors. */
declare function jsonataSync(expression: string, options?: jsonata.JsonataOptions): jsonataSync.Expression;

export = jsonataSync;
