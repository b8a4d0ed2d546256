/**
 * Test helpers (not built into the package): a `ServiceContext` over a fresh memory store, and the error an
 * operation answers with.
 */
import type { ServiceContext } from './api/context.js';
import { ServiceError } from './api/service-error.js';
import type { ExecutionRuntime } from './runtime/execution-runtime.js';
import { createMemoryStore } from './store/memory-store.js';

/** A context whose clock only moves when told to. */
export interface TestContext extends ServiceContext {
  /** Moves the clock forward by `ms`. */
  advance(ms: number): void;
}

/** A runtime that runs nothing: for operations that only read and write the store. */
export const idleRuntime: ExecutionRuntime = {
  wake() {},
  async deliver() {},
  async waitForActivityTask() {},
};

/**
 * A context over a fresh memory store, account `123456789012`, region `us-east-1`, a clock starting at
 * 2024-01-01T00:00:00Z and a seeded random source (so UUIDs repeat from run to run).
 */
export function testContext(overrides: Partial<ServiceContext> = {}): TestContext {
  let now = Date.UTC(2024, 0, 1);
  let seed = 42;
  return {
    store: createMemoryStore(),
    runtime: idleRuntime,
    accountId: '123456789012',
    region: 'us-east-1',
    clock: () => now,
    random: () => {
      // mulberry32: small, seedable, good enough for identifiers in tests.
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    advance(ms: number) {
      now += ms;
    },
    ...overrides,
  };
}

/** What an operation's failure looks like on the wire. */
export interface Failure {
  code: string;
  message: string;
  status: number;
  members: Record<string, unknown>;
}

/** The `ServiceError` a promise rejects with, as a plain object; fails when it resolves or rejects otherwise. */
export async function failureOf(promise: Promise<unknown>): Promise<Failure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ServiceError) {
      return { code: error.code, message: error.message, status: error.status, members: error.members };
    }
    throw error;
  }
  throw new Error('expected the operation to fail');
}

/** The code and message of the `ServiceError` a promise rejects with (see {@link failureOf}). */
export async function codeAndMessage(promise: Promise<unknown>): Promise<[string, string]> {
  const { code, message } = await failureOf(promise);
  return [code, message];
}
