/** The Parallel state: runs every branch on the same input; its result is the array of branch outputs. */
import type { Json, ParallelState, QueryLanguage } from '@lockstep/asl';
import type { AbortReason, CompiledState, StateSignal } from '../compiled.js';
import { compileCatchers, compileRetriers } from '../error-handling.js';
import type { BlockRun } from '../execution.js';
import { abortChildren, startGroup, succeedWith } from '../group.js';
import type { Interpreter } from '../interpreter.js';
import { type CompileContext, compileBasics, compiledState } from './common.js';
import { compileWorkFlow } from './work-flow.js';

/** Compiles a Parallel state and its branches. */
export function compileParallelState(
  name: string,
  def: ParallelState,
  language: QueryLanguage,
  ctx: CompileContext,
): CompiledState {
  const basics = compileBasics(name, def);
  const flow = compileWorkFlow(def, language);
  def.Branches.forEach((branch, i) => {
    ctx.compileBlock(`${ctx.blockId}/States/${name}/Branches/${i}`, branch);
  });
  const withRetry = { withRetryCount: true };
  return compiledState(basics, {
    type: 'Parallel',
    retriers: compileRetriers(def.Retry),
    catchers: compileCatchers(def.Catch, language),
    start(it: Interpreter, run: BlockRun) {
      const scope = it.scope(run, withRetry);
      const input = flow.input(scope);
      it.emit(run, 'ParallelStateStarted');
      startGroup(it, run, { kind: 'parallel', inputs: def.Branches.map(() => input), maxConcurrency: 0 });
    },
    resume(it: Interpreter, run: BlockRun, signal: StateSignal) {
      if (signal.type !== 'ChildrenDone') return;
      const group = run.group!;
      run.waiting = undefined;
      // A failed state keeps its children (as they ended) for a redrive.
      if (group.failure) {
        const { error, cause } = group.failure;
        return it.stateFailed(run, this, error, cause, { beforeGivingUp: () => this.beforeGivingUp!(it, run) });
      }
      run.group = undefined;
      const { output, assigned } = succeedWith(it, run, 'ParallelStateSucceeded', () =>
        flow.finish(it.scope(run, withRetry, { result: group.results as Json })),
      );
      it.exit(run, this, output, { assigned });
    },
    beforeGivingUp: (it: Interpreter, run: BlockRun) => it.emit(run, 'ParallelStateFailed'),
    abort(it: Interpreter, run: BlockRun, reason: AbortReason) {
      abortChildren(it, run, reason);
      if (reason === 'sibling') it.emit(run, 'ParallelStateAborted', undefined, { previous: it.siblingAbortPrevious });
    },
  });
}
