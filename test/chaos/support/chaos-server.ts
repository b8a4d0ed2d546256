/**
 * The server under test as a child process that the chaos test kills and restarts: `lockstep serve` on a new
 * port each life, always over the same data directory. Calls go to whichever life is serving: a call that
 * fails because its server died waits for the next life and is sent again.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SFNClient, SFNServiceException } from '@aws-sdk/client-sfn';
import { REGION } from './workflows.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(repoRoot, 'packages/cli/dist/main.js');

/** How a life ended. */
export interface LifeEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A life that ended before it listened (e.g. an armed failure point fired during startup). */
export class EndedBeforeListeningError extends Error {
  override readonly name = 'EndedBeforeListeningError';
  readonly end: LifeEnd;
  constructor(end: LifeEnd, output: string) {
    super(`lockstep serve exited (code ${end.code}, signal ${end.signal}) before listening:\n${output}`);
    this.end = end;
  }
}

/** One run of the server process. */
export interface ServerLife {
  /** 1 for the first life, then counting up. */
  generation: number;
  url: string;
  client: SFNClient;
  /** The `LOCKSTEP_FAIL_POINT` of this life, if any. */
  failPoint?: string;
  child: ChildProcess;
  /** Settles when the process is gone. */
  ended: Promise<LifeEnd>;
  /** stdout and stderr so far. */
  output(): string;
}

/** A reset on a live server (a kept-alive socket closed at the wrong moment) is retried there, a few times. */
const MAX_FAILURES_ON_LIVE_SERVER = 5;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** True when the SDK call failed before the server answered (refused, reset, hung up): worth sending again. */
function isConnectionFailure(error: unknown): boolean {
  if (error instanceof SFNServiceException) return false;
  return !(error instanceof Error && error.name === 'AbortError');
}

/** The server process across its lives. */
export class ChaosServer {
  readonly #dataDir: string;
  #generation = 0;
  #serving: ServerLife | undefined;
  #waiting: { resolve: (life: ServerLife) => void; reject: (error: Error) => void }[] = [];
  readonly #lives: ServerLife[] = [];
  /** Every process started, listening or not. */
  readonly #children = new Set<ChildProcess>();
  #stopped = false;

  constructor(dataDir: string) {
    this.#dataDir = dataDir;
  }

  /** Every life so far. */
  get lives(): readonly ServerLife[] {
    return this.#lives;
  }

  /** Starts the next life (the previous one must have ended); resolves once it listens. */
  start(failPoint?: string): Promise<ServerLife> {
    const env = { ...process.env };
    delete env.LOCKSTEP_FAIL_POINT;
    if (failPoint !== undefined) env.LOCKSTEP_FAIL_POINT = failPoint;
    const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data', this.#dataDir], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#children.add(child);
    let output = '';
    const ended = new Promise<LifeEnd>((resolve) =>
      child.once('exit', (code, signal) => {
        this.#children.delete(child);
        resolve({ code, signal });
      }),
    );
    const generation = ++this.#generation;
    return new Promise<ServerLife>((resolve, reject) => {
      const onOutput = (chunk: Buffer) => {
        output += chunk;
        const match = /serving the Step Functions API at (http:\/\/\S+) /.exec(output);
        if (!match || this.#serving?.generation === generation) return;
        const url = match[1];
        const client = new SFNClient({
          endpoint: url,
          region: REGION,
          credentials: { accessKeyId: 'chaos', secretAccessKey: 'chaos' },
          maxAttempts: 1,
        });
        const life: ServerLife = { generation, url, client, failPoint, child, ended, output: () => output };
        this.#lives.push(life);
        this.#serving = life;
        ended.then(() => {
          if (this.#serving === life) this.#serving = undefined;
          client.destroy();
        });
        for (const waiter of this.#waiting.splice(0)) waiter.resolve(life);
        resolve(life);
      };
      child.stdout!.on('data', onOutput);
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
      ended.then((end) => reject(new EndedBeforeListeningError(end, output)));
    });
  }

  /** Kills the serving life with SIGKILL (if it is still alive) and waits until it is gone. */
  async kill(): Promise<LifeEnd | undefined> {
    const life = this.#serving;
    if (!life) return undefined;
    life.child.kill('SIGKILL');
    return life.ended;
  }

  /** The life serving now and newer than `generation`, or the next one to start (rejects once stopped). */
  serving(afterGeneration = 0): Promise<ServerLife> {
    const life = this.#serving;
    if (life && life.generation > afterGeneration) return Promise.resolve(life);
    if (this.#stopped) return Promise.reject(new Error('the chaos server is stopped'));
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  /** Kills every process started and fails the calls waiting for a next life. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const waiter of this.#waiting.splice(0)) waiter.reject(new Error('the chaos server is stopped'));
    const ends = [...this.#children].map((child) => new Promise((resolve) => child.once('exit', resolve)));
    for (const child of this.#children) child.kill('SIGKILL');
    await Promise.all(ends);
  }

  /**
   * Sends a call to the serving life, and again to the next life for as long as it fails without an answer
   * (the server died under it). Service errors and aborts reject.
   */
  async call<T>(send: (client: SFNClient) => Promise<T>): Promise<T> {
    let life = await this.serving();
    let failuresOnLiveServer = 0;
    for (;;) {
      try {
        return await send(life.client);
      } catch (error) {
        if (!isConnectionFailure(error)) throw error;
        const ended = await Promise.race([life.ended, sleep(200).then(() => undefined)]);
        if (ended) {
          life = await this.serving(life.generation);
          failuresOnLiveServer = 0;
        } else if (++failuresOnLiveServer > MAX_FAILURES_ON_LIVE_SERVER) {
          throw error;
        }
      }
    }
  }
}
