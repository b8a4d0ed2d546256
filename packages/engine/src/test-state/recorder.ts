/**
 * The {@link StateInspector} of a TestState run: records the stages of the tested state's data flow and the error
 * it raised, gives it the request's variables as it is entered, sets its retriers' counts to
 * `stateConfiguration.retrierRetryCount` when it fails (so the matching retrier decides as on that attempt), and
 * stops the run before the next state.
 */
import type { Json } from '@lockstep/asl';
import type { BlockRun } from '../execution.js';
import type { InspectionStage, StateInspector } from '../state-inspector.js';

/** Records one state run. */
export class Recorder implements StateInspector {
  readonly stages: Partial<Record<InspectionStage, Json>> = {};
  failedWith = false;
  error?: string;
  cause?: string;
  private run?: BlockRun;

  constructor(
    private readonly name: string,
    private readonly variables: Record<string, Json> | undefined,
    /** The tested state's retriers, each to be counted as having retried `retryCount` times already. */
    private readonly retries: { retrierCount: number; retryCount?: number },
  ) {}

  stage(name: InspectionStage, value: Json): void {
    this.stages[name] = value;
  }

  failed(error: string | undefined, cause: string | undefined): void {
    this.failedWith = true;
    this.error = error;
    this.cause = cause;
    const { retrierCount, retryCount } = this.retries;
    // Set before Retry decides (each retrier keeps its own count: the one matching the error reads it).
    if (this.run && retryCount) this.run.retryCounts = new Array<number>(retrierCount).fill(retryCount);
  }

  entering(run: BlockRun): boolean {
    if (this.run || run.next?.state !== this.name) return false;
    this.run = run;
    if (this.variables) run.variables = this.variables;
    return true;
  }
}
