/**
 * How each life of the server ends, drawn from the test's seed: killed with SIGKILL by the test after a random
 * time, or sooner by an armed failure-injection point (`LOCKSTEP_FAIL_POINT`, see
 * packages/service/src/runtime/fail-points.ts) at an exact instant between two writes.
 */

/** The failure-injection points, with a probability that makes each fire within a second or so under load. */
const FAIL_POINTS: readonly [name: string, probability: number][] = [
  ['runtime.round.claimed', 0.02],
  ['sqlite.commit.before', 0.02],
  ['sqlite.commit.uncommitted', 0.02],
  ['sqlite.commit.after', 0.02],
  ['sqlite.takeActivityTask.after', 0.1],
];

/** The share of lives that run with no failure point armed (they end by the test's SIGKILL). */
const UNARMED_SHARE = 0.35;

/** How one life is to end. */
export interface LifePlan {
  /** The `LOCKSTEP_FAIL_POINT` value, when a point is armed. */
  failPoint?: string;
  /** When the test kills the life with SIGKILL, in ms after it listens (if it is still alive then). */
  killAfterMs: number;
}

/** The plan of the next life. */
export function planLife(random: () => number): LifePlan {
  const killAfterMs = 300 + Math.floor(random() * 1700);
  if (random() < UNARMED_SHARE) return { killAfterMs };
  const [name, probability] = FAIL_POINTS[Math.floor(random() * FAIL_POINTS.length)];
  const seed = Math.floor(random() * 2 ** 31);
  return { failPoint: `${name}:${probability}:${seed}`, killAfterMs };
}
