/** The Succeed state: ends its block (the execution, a branch or an iteration) successfully. */
import type { QueryLanguage, SucceedState } from '@lockstep/asl';
import type { CompiledState } from '../compiled.js';
import type { BlockRun } from '../execution.js';
import type { Interpreter } from '../interpreter.js';
import { compileJsonataOutcome } from '../jsonata-io.js';
import { compileBasics, compiledState } from './common.js';

/** Compiles a Succeed state. */
export function compileSucceedState(name: string, def: SucceedState, language: QueryLanguage): CompiledState {
  const basics = compileBasics(name, def);
  // Succeed has no Assign; in JSONata its `Output` (default: the input) is the block's output.
  const outcome = language === 'JSONata' ? compileJsonataOutcome({ Output: def.Output }, 'input') : undefined;
  return compiledState(basics, {
    next: undefined,
    type: 'Succeed',
    start(it: Interpreter, run: BlockRun) {
      const scope = it.scope(run);
      if (outcome) return it.exit(run, this, outcome(scope).output);
      const input = basics.inputPath(run.input, scope);
      it.inspector?.stage('afterInputPath', input);
      it.exit(run, this, basics.outputPath(input, scope));
    },
  });
}
