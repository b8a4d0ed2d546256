/**
 * Compiles a validated definition into a {@link CompiledMachine}: one compiler per state type, each in its
 * own file under `states/`.
 */
import type { QueryLanguage, StateDefinition, StateMachineDefinition, StatesBlock } from '@lockstep/asl';
import type { CompiledBlock, CompiledMachine, CompiledState } from './compiled.js';
import { compileChoiceState } from './states/choice.js';
import type { CompileContext } from './states/common.js';
import { compileFailState } from './states/fail.js';
import { compileMapState } from './states/map.js';
import { compileParallelState } from './states/parallel.js';
import { compilePassState } from './states/pass.js';
import { compileSucceedState } from './states/succeed.js';
import { compileTaskState } from './states/task.js';
import { compileWaitState } from './states/wait.js';

/** Compiles a definition that passed validation. */
export function compileMachine(definition: StateMachineDefinition): CompiledMachine {
  const blocks = new Map<string, CompiledBlock>();
  const machineLanguage = definition.QueryLanguage ?? 'JSONPath';
  const compileBlock = (id: string, block: StatesBlock): CompiledBlock => {
    const ctx: CompileContext = {
      blockId: id,
      compileBlock: (childId, child) => compileBlock(childId, child as StatesBlock),
    };
    const states = new Map<string, CompiledState>();
    // Indexed, with no destructuring: this runs once per state, as cold code.
    const names = Object.keys(block.States);
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      const state = block.States[name];
      // Nested states default to the machine's query language, not the enclosing state's.
      states.set(name, compileState(name, state, state.QueryLanguage ?? machineLanguage, ctx));
    }
    const compiled: CompiledBlock = { id, startAt: block.StartAt, states, definition: block };
    blocks.set(id, compiled);
    return compiled;
  };
  const root = compileBlock('', definition);
  return { root, blocks, timeoutSeconds: definition.TimeoutSeconds };
}

function compileState(name: string, def: StateDefinition, language: QueryLanguage, ctx: CompileContext): CompiledState {
  switch (def.Type) {
    case 'Pass':
      return compilePassState(name, def, language);
    case 'Task':
      return compileTaskState(name, def, language);
    case 'Choice':
      return compileChoiceState(name, def, language);
    case 'Wait':
      return compileWaitState(name, def, language);
    case 'Succeed':
      return compileSucceedState(name, def, language);
    case 'Fail':
      return compileFailState(name, def, language);
    case 'Parallel':
      return compileParallelState(name, def, language, ctx);
    case 'Map':
      return compileMapState(name, def, language, ctx);
  }
}
