/**
 * The interpreter of a TestState run: its states read the request's `context` as `$$` (`$states.context`) when one
 * is given; otherwise a state tested inside a Map's item processor reads the synthetic context with the Map item
 * AWS's TestState fills in (`$$.Map.Item.Index` 0, `$$.Map.Item.Value` the state's input).
 */
import { copyJson, type Json } from '@lockstep/asl';
import type { BlockRun } from '../execution.js';
import { Interpreter } from '../interpreter.js';
import { type ContextExtras, StateScope, type StatesValues } from '../scope.js';

/** What the tested state's context object holds beyond the synthetic one. */
export interface TestContext {
  /** The request's `context`: the whole context object. */
  given?: Json;
  /** The state is inside a Map's item processor. */
  inMapIteration?: boolean;
}

/** An interpreter whose scopes give the tested state its {@link TestContext}. */
export class TestStateInterpreter extends Interpreter {
  constructor(
    private readonly testContext: TestContext,
    ...args: ConstructorParameters<typeof Interpreter>
  ) {
    super(...args);
  }

  override scope(run: BlockRun, extras?: ContextExtras, values?: StatesValues): StateScope {
    const { given, inMapIteration } = this.testContext;
    if (given !== undefined) {
      return new GivenContextScope(given, this.execution, run, extras ?? {}, this.random, this.now, values);
    }
    if (!inMapIteration || extras?.mapItem) return super.scope(run, extras, values);
    return super.scope(run, { ...extras, mapItem: { index: 0, value: run.input } }, values);
  }
}

class GivenContextScope extends StateScope {
  constructor(
    private readonly given: Json,
    ...args: ConstructorParameters<typeof StateScope>
  ) {
    super(...args);
  }

  override get context(): Json {
    return this.given;
  }

  /** The given context, as the task's own copy. */
  override taskContext(): Json {
    return copyJson(this.given);
  }
}
