/**
 * Group commit: the writes made in one turn of the event loop run together in one transaction, each in a
 * savepoint of its own (one write's failure does not undo the others), and their promises resolve once that
 * transaction is on disk. With `synchronous = FULL` every transaction costs an fsync; grouping is what lets a
 * thousand acknowledged StartExecution or SendTaskSuccess calls cost a few.
 */
import { failPoint } from '@lockstep/service';
import type Database from 'better-sqlite3';

interface PendingWrite {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** The group-committed writes of one database. */
export class GroupCommit {
  /** Runs a callback in a transaction; made once, as better-sqlite3 prepares its BEGIN/COMMIT per function. */
  readonly #inTransaction: Database.Transaction<(write: () => unknown) => unknown>;
  #pending: PendingWrite[] = [];

  constructor(db: Database.Database) {
    this.#inTransaction = db.transaction((write: () => unknown) => write());
  }

  /** Runs `write` alone in one `BEGIN IMMEDIATE` transaction (taking the write lock first avoids upgrade deadlocks). */
  now<T>(write: () => T): T {
    return this.#inTransaction.immediate(write) as T;
  }

  /** Runs `write` with the other writes of this turn of the event loop; resolves once they are committed. */
  grouped<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.#pending.length === 0) setImmediate(() => this.flush());
      this.#pending.push({ write, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  /** Commits the writes waiting for the next turn now (the store calls it before closing). */
  flush(): void {
    const batch = this.#pending;
    if (batch.length === 0) return;
    this.#pending = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    failPoint('sqlite.commit.before');
    try {
      this.now(() => {
        for (const { write } of batch) {
          try {
            // Nested in the group's transaction, better-sqlite3 runs it as a savepoint.
            outcomes.push({ ok: true, value: this.#inTransaction(write) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
        failPoint('sqlite.commit.uncommitted');
      });
    } catch (error) {
      for (const { reject } of batch) reject(error);
      return;
    }
    failPoint('sqlite.commit.after');
    batch.forEach(({ resolve, reject }, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
    });
  }
}
