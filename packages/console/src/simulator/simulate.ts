/**
 * The data-flow simulator's engine: runs one state on an input with `@lockstep/engine`'s TestState, in the browser
 * (no server round trip), and lists the stages of its data flow in the order they apply.
 */
import { resolveTestedState, type TestStateResult, testState } from '@lockstep/engine';

/** What to simulate. */
export interface Simulation {
  /** A state's definition, or a whole machine's with `stateName`. */
  definition: string;
  stateName?: string;
  /** The state's input (JSON text). */
  input: string;
  /**
   * A Task's result (JSON text) given instead of calling its resource (taken as it is: not checked against the
   * service's response shape); `undefined` calls nothing.
   */
  taskResult?: string;
  /** A Task's error given instead of a result. */
  taskError?: { error: string; cause: string };
  /** Workflow variables (JSON object text), for states that read `$name`. */
  variables?: string;
}

/** A stage of the data flow and its value. */
export interface Stage {
  name: string;
  value: unknown;
}

/** The simulation's outcome: TestState's result and its stages in order, or why it could not run. */
export type SimulationOutcome = { ok: true; result: TestStateResult; stages: Stage[] } | { ok: false; error: string };

/** Each stage TestState reports, with the field of the state that produces it. */
const STAGES: [key: keyof TestStateResult['stages'], label: string][] = [
  ['afterInputPath', 'InputPath'],
  ['afterParameters', 'Parameters'],
  ['afterArguments', 'Arguments'],
  ['result', 'Result'],
  ['afterResultSelector', 'ResultSelector'],
  ['afterResultPath', 'ResultPath'],
];

function parse(text: string | undefined, what: string): unknown {
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`The ${what} is not JSON: ${(error as Error).message}`);
  }
}

/** Runs the simulation. */
export async function simulate(simulation: Simulation): Promise<SimulationOutcome> {
  try {
    const definition = parse(simulation.definition, 'definition') as Record<string, unknown>;
    if (!definition || typeof definition !== 'object') throw new Error('The definition must be a JSON object.');
    const state = resolveTestedState(definition, simulation.stateName || undefined);
    const inputText = simulation.input.trim() === '' ? '{}' : simulation.input;
    const input = parse(inputText, 'input');
    const mockOutput = parse(simulation.taskResult, 'task result');
    const result = await testState({
      state,
      input: input as never,
      inputText,
      variables: parse(simulation.variables, 'variables') as never,
      identity: {
        executionArn: 'arn:aws:states:us-east-1:123456789012:express:Simulator:Simulator',
        name: 'Simulator',
        stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Simulator',
        stateMachineName: 'Simulator',
        roleArn: 'arn:aws:iam::123456789012:role/simulator',
        region: 'us-east-1',
        type: 'EXPRESS',
      },
      performers: {},
      mock: simulation.taskError
        ? { errorOutput: simulation.taskError }
        : mockOutput !== undefined
          ? { result: mockOutput as never, fieldValidationMode: 'NONE' as const }
          : undefined,
      now: Date.now(),
      random: Math.random,
    });
    const stages: Stage[] = [{ name: 'Input', value: input }];
    for (const [key, label] of STAGES) {
      if (key in result.stages) stages.push({ name: label, value: result.stages[key] });
    }
    if (result.output !== undefined) stages.push({ name: 'Output', value: result.output });
    return { ok: true, result, stages };
  } catch (error) {
    return {
      ok: false,
      error: `${(error as Error).name === 'Error' ? '' : `${(error as Error).name}: `}${(error as Error).message}`,
    };
  }
}
