/**
 * The chaos test's activity worker, written as AWS's documentation writes one (GetActivityTask, then
 * SendTaskSuccess or SendTaskFailure), that outlives the server it polls: a call cut by a crash is sent again
 * to the next server. It records every task it got and whether its answer was acknowledged.
 */
import {
  GetActivityTaskCommand,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNServiceException,
} from '@aws-sdk/client-sfn';
import type { ChaosServer } from './chaos-server.js';
import { ACTIVITY_ARN, type ActivityAnswer, type ActivityInput, activityAnswer, attemptKey } from './workflows.js';

/** One task the worker took. */
export interface TakenTask {
  input: ActivityInput;
  answer: ActivityAnswer;
  /** Epoch ms at which the answer was acknowledged (absent: refused, see `refusal`). */
  acknowledgedAt?: number;
  /** The service error that refused the answer (`TaskTimedOut`: the task had timed out meanwhile). */
  refusal?: string;
}

/** Polls the activity with several pollers until stopped. */
export class ActivityWorker {
  /** The tasks taken, by attempt key (`attemptKey`); a key taken twice has two entries. */
  readonly taken = new Map<string, TakenTask[]>();
  /** Failures that are not crashes of the server: the test fails on any. */
  readonly errors: string[] = [];
  readonly #server: ChaosServer;
  readonly #abort = new AbortController();
  #loops: Promise<void>[] = [];

  constructor(server: ChaosServer) {
    this.#server = server;
  }

  /** Starts `pollers` concurrent polling loops. */
  start(pollers: number): void {
    this.#loops = Array.from({ length: pollers }, () => this.#poll());
  }

  /** Stops polling (long polls in flight are aborted) and waits for the loops to end. */
  async stop(): Promise<void> {
    this.#abort.abort();
    await Promise.all(this.#loops);
  }

  async #poll(): Promise<void> {
    const abortSignal = this.#abort.signal;
    while (!abortSignal.aborted) {
      try {
        const task = await this.#server.call((client) =>
          client.send(new GetActivityTaskCommand({ activityArn: ACTIVITY_ARN }), { abortSignal }),
        );
        if (task.taskToken !== undefined) await this.#answer(task.taskToken, JSON.parse(task.input ?? '{}'));
      } catch (error) {
        if (!abortSignal.aborted) this.errors.push(`GetActivityTask: ${String(error)}`);
      }
    }
  }

  async #answer(taskToken: string, input: ActivityInput): Promise<void> {
    const answer = activityAnswer(input);
    const record: TakenTask = { input, answer };
    const key = attemptKey(input);
    this.taken.set(key, [...(this.taken.get(key) ?? []), record]);
    try {
      await this.#server.call((client) =>
        answer.ok
          ? client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(answer.output) }))
          : client.send(new SendTaskFailureCommand({ taskToken, error: answer.error, cause: answer.cause })),
      );
      record.acknowledgedAt = Date.now();
    } catch (error) {
      if (error instanceof SFNServiceException && error.name === 'TaskTimedOut') record.refusal = error.name;
      else this.errors.push(`answering ${key}: ${String(error)}`);
    }
  }
}
