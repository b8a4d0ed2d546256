/**
 * Failure injection between writes, for crash tests (the chaos test in `test/chaos/`): the process dies on the
 * spot, as a power cut or `kill -9` would leave it, at a named point of a real code path.
 *
 * `LOCKSTEP_FAIL_POINT=<name>:<probability>:<seed>[,<name>:<probability>:<seed>...]` arms the points: each time
 * the code reaches the point `<name>` (or any point, for the name `*`), the process is killed with SIGKILL with
 * the given probability (0 to 1), drawn from a generator seeded with `<seed>` (an integer), so that a run can be
 * replayed. The variable is read once, when this module loads; unset, {@link failPoint} does nothing.
 *
 * The points:
 * - `runtime.round.claimed`: the durable runtime claimed a round's work (leased it) and committed none of it;
 * - `sqlite.commit.before`, `sqlite.commit.uncommitted` (every write of the group done, the transaction not
 *   committed) and `sqlite.commit.after` (committed, no caller told yet): around the SQLite store's group
 *   commit, which carries the runtime's commits and the API's writes (StartExecution, SendTaskSuccess, ...);
 * - `sqlite.takeActivityTask.after`: an activity task is handed to a worker (GetActivityTask), its start not
 *   yet recorded and the worker not yet answered.
 */

interface ArmedPoint {
  name: string;
  probability: number;
  random: () => number;
}

/** mulberry32: small, fast, and the same sequence for the same seed on every platform. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Parses the variable; a malformed entry throws at startup rather than silently arming nothing. */
function parseFailPoints(text: string): ArmedPoint[] {
  return text
    .split(',')
    .filter((entry) => entry.trim() !== '')
    .map((entry) => {
      const [name, probabilityText, seedText] = entry.trim().split(':');
      const probability = Number(probabilityText);
      const seed = Number(seedText);
      if (!name || !(probability >= 0 && probability <= 1) || !Number.isInteger(seed)) {
        throw new Error(
          `LOCKSTEP_FAIL_POINT: '${entry}' is not '<name>:<probability 0-1>:<integer seed>' (e.g. 'sqlite.commit.after:0.01:42').`,
        );
      }
      return { name, probability, random: seededRandom(seed) };
    });
}

const armed = parseFailPoints(process.env.LOCKSTEP_FAIL_POINT ?? '');

function maybeFail(name: string): void {
  for (const point of armed) {
    if ((point.name === name || point.name === '*') && point.random() < point.probability) {
      process.kill(process.pid, 'SIGKILL');
    }
  }
}

/**
 * Marks a point between writes where a crash test may kill the process (see the module's documentation for
 * `LOCKSTEP_FAIL_POINT`). Does nothing unless the variable arms the point.
 */
export const failPoint: (name: string) => void = armed.length === 0 ? () => {} : maybeFail;
