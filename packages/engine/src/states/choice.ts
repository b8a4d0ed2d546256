/** The Choice state: goes to the `Next` of the first rule that matches, else to `Default`. */
import { type ChoiceState, compileChoiceRule, type Json, type QueryLanguage, runtimeError } from '@lockstep/asl';
import type { CompiledState } from '../compiled.js';
import type { BlockRun } from '../execution.js';
import type { Interpreter } from '../interpreter.js';
import { compileAssign } from '../io.js';
import { compileJsonataOutcome, compileTypedJsonataValue, type Outcome } from '../jsonata-io.js';
import type { StateScope } from '../scope.js';
import { compileBasics, compiledState } from './common.js';

/** A rule (`isRule`), or the `Default` branch: whether it matches, where it goes, and the output and assignments it makes. */
interface CompiledBranch {
  readonly test: (input: Json, scope: StateScope) => boolean;
  readonly next: string | undefined;
  readonly outcome: (input: Json, scope: StateScope) => Outcome;
}

const NO_MATCH = 'Failed to transition out of the state. The state does not point to a next state.';

/** Compiles a Choice state. */
export function compileChoiceState(name: string, def: ChoiceState, language: QueryLanguage): CompiledState {
  const basics = compileBasics(name, def);
  const compileBranch = language === 'JSONata' ? compileJsonataBranch : compileJsonPathBranch;
  const rules = def.Choices.map((rule) => compileBranch(rule, rule.Next!, true));
  // The state's own Output and Assign apply when no rule matched.
  const fallback = compileBranch({ Output: def.Output, Assign: def.Assign }, def.Default, false);
  return compiledState(basics, {
    next: undefined,
    type: 'Choice',
    start(it: Interpreter, run: BlockRun) {
      const scope = it.scope(run);
      const input = basics.inputPath(run.input, scope);
      it.inspector?.stage('afterInputPath', input);
      // An indexed loop, not `find` with a closure: this runs on every transition through the state.
      let branch = fallback;
      for (let i = 0; i < rules.length; i++) {
        if (rules[i].test(input, scope)) {
          branch = rules[i];
          break;
        }
      }
      // AWS raises States.Runtime here, not the spec's States.NoChoiceMatched.
      if (branch.next === undefined) throw runtimeError(NO_MATCH);
      const { output, assigned } = branch.outcome(input, scope);
      it.exit(run, this, basics.outputPath(output, scope), { next: branch.next, assigned });
    },
  });
}

const never = () => false;

/** A JSONPath rule (`Variable` + operator, `And`/`Or`/`Not`): its `Assign` reads the effective input. */
function compileJsonPathBranch(
  rule: Record<string, unknown>,
  next: string | undefined,
  isRule: boolean,
): CompiledBranch {
  const assign = compileAssign(rule.Assign);
  return {
    test: isRule ? (compileChoiceRule(rule) as CompiledBranch['test']) : never,
    next,
    outcome: (input, scope) => ({ output: input, assigned: assign?.(input, scope) }),
  };
}

/** A JSONata rule: `Condition` (a boolean or an expression giving one), `Output` and `Assign`. */
function compileJsonataBranch(
  rule: Record<string, unknown>,
  next: string | undefined,
  isRule: boolean,
): CompiledBranch {
  const condition = isRule ? compileTypedJsonataValue(rule.Condition, 'Condition', 'boolean') : undefined;
  const outcome = compileJsonataOutcome(rule, 'input');
  return {
    test: condition ? (_input, scope) => condition(scope) === true : never,
    next,
    outcome: (_input, scope) => outcome(scope),
  };
}
