/** The Pass state: passes its input (or `Result`, or `Parameters`; in JSONata its `Output`) to its output. */
import type { Json, PassState, QueryLanguage } from '@lockstep/asl';
import type { CompiledState } from '../compiled.js';
import type { BlockRun } from '../execution.js';
import type { Interpreter } from '../interpreter.js';
import { compileAssign, compileResultPath, compileTemplate } from '../io.js';
import { compileJsonataOutcome } from '../jsonata-io.js';
import { compileBasics, compiledState } from './common.js';

/** Compiles a Pass state. */
export function compilePassState(name: string, def: PassState, language: QueryLanguage): CompiledState {
  const basics = compileBasics(name, def);
  if (language === 'JSONata') {
    const outcome = compileJsonataOutcome(def, 'input');
    return compiledState(basics, {
      type: 'Pass',
      start(it: Interpreter, run: BlockRun) {
        const { output, assigned } = outcome(it.scope(run));
        it.exit(run, this, output, { assigned });
      },
    });
  }
  const parameters = compileTemplate(def.Parameters);
  const resultPath = compileResultPath(def.ResultPath);
  const hasResult = 'Result' in def;
  const result = def.Result as Json;
  const assign = compileAssign(def.Assign);
  return compiledState(basics, {
    type: 'Pass',
    start(it: Interpreter, run: BlockRun) {
      const scope = it.scope(run);
      const afterInputPath = basics.inputPath(run.input, scope);
      const effective = parameters(afterInputPath, scope);
      const value = hasResult ? result : effective;
      // AWS's TestState reports a Result as `result` (and then neither InputPath nor Parameters stage), and every
      // Pass value as `afterResultSelector` (recorded).
      if (it.inspector) {
        if (hasResult) it.inspector.stage('result', value);
        else {
          it.inspector.stage('afterInputPath', afterInputPath);
          it.inspector.stage('afterParameters', effective);
        }
      }
      it.inspector?.stage('afterResultSelector', value);
      const afterResultPath = resultPath(run.input, value);
      it.inspector?.stage('afterResultPath', afterResultPath);
      const output = basics.outputPath(afterResultPath, scope);
      it.exit(run, this, output, assign && { assigned: assign(value, scope) });
    },
  });
}
