import { describe, expect, it } from 'vitest';
import { validateDefinition } from './index.js';
import {
  assignedVariableName,
  invalidVariableNameMessage,
  isValidVariableName,
  outerVariableMessage,
} from './variables.js';

type Row = [string, string, string | undefined];

function diagnose(definition: unknown): Row[] {
  return validateDefinition(definition).map((d) => [d.code, d.message, d.location]);
}

const schema = (message: string, location: string): Row => ['SCHEMA_VALIDATION_FAILED', message, location];
const invalidName = (name: string, location: string) => schema(invalidVariableNameMessage(name), location);
const outerName = (name: string, location: string) => schema(outerVariableMessage(name), location);

/** A one-state machine whose state assigns `assign`. */
function assigning(assign: Record<string, unknown>, language: 'JSONPath' | 'JSONata' = 'JSONPath'): unknown {
  return { QueryLanguage: language, StartAt: 'A', States: { A: { Type: 'Pass', Assign: assign, End: true } } };
}

/** A machine that assigns `x`, then runs `state` (which must end) as `S`. */
function afterAssigningX(state: Record<string, unknown>): unknown {
  return {
    StartAt: 'A',
    States: { A: { Type: 'Pass', Assign: { x: 1 }, Next: 'S' }, S: state },
  };
}

const passAssigning = (assign: Record<string, unknown>) => ({ Type: 'Pass', Assign: assign, End: true });
const block = (state: Record<string, unknown>) => ({ StartAt: 'I', States: { I: state } });

describe('variable names', () => {
  it.each(['x', 'camelCase', 'a1', '_private', 'données', 'π', 'x'.repeat(80)])('accepts %j', (name) => {
    expect(isValidVariableName(name)).toBe(true);
    expect(diagnose(assigning({ [name]: 1 }))).toEqual([]);
  });

  it.each(['', '1x', 'a.b', 'x[2]', 'a-b', 'a b', '$x', 'states', 'x'.repeat(81)])('refuses %j', (name) => {
    expect(isValidVariableName(name)).toBe(false);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(isValidVariableName('𝑥'.repeat(80))).toBe(true);
    expect(isValidVariableName('𝑥'.repeat(81))).toBe(false);
  });

  it('names a JSONPath variable without the .$ of its key, and a JSONata one by its whole key', () => {
    expect(assignedVariableName('x.$', 'JSONPath')).toBe('x');
    expect(assignedVariableName('x', 'JSONPath')).toBe('x');
    expect(assignedVariableName('x.$', 'JSONata')).toBe('x.$');
    expect(diagnose(assigning({ 'x.$': '$.a', y: 1 }))).toEqual([]);
    expect(diagnose(assigning({ 'x.$': 1 }, 'JSONata'))).toEqual([invalidName('x.$', '/States/A/Assign')]);
  });

  it('refuses sub-paths and the reserved name at the Assign object, in both languages', () => {
    expect(diagnose(assigning({ 'a.b': 1, 'x[2].$': '$.a', states: 1 }))).toEqual([
      invalidName('a.b', '/States/A/Assign'),
      invalidName('x[2]', '/States/A/Assign'),
      invalidName('states', '/States/A/Assign'),
    ]);
    expect(diagnose(assigning({ 'a.b': 1 }, 'JSONata'))).toEqual([invalidName('a.b', '/States/A/Assign')]);
  });

  it('checks the Assign of Choice rules and catchers', () => {
    const definition = {
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [{ Variable: '$.a', IsNull: true, Assign: { 'a-b': 1 }, Next: 'T' }],
          Default: 'T',
        },
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Catch: [{ ErrorEquals: ['States.ALL'], Assign: { '1x': 1 }, Next: 'D' }],
          Next: 'D',
        },
        D: { Type: 'Succeed' },
      },
    };
    expect(diagnose(definition)).toEqual([
      invalidName('a-b', '/States/C/Choices[0]/Assign'),
      invalidName('1x', '/States/T/Catch[0]/Assign'),
    ]);
  });
});

describe('variable scopes', () => {
  it('lets a Parallel branch or an inline Map iteration read outer variables (AWS-recorded)', () => {
    const parallel = {
      Type: 'Parallel',
      Branches: [block(passAssigning({ 'innerX.$': '$x' })), block(passAssigning({ 'innerX.$': '$x' }))],
      End: true,
    };
    expect(diagnose(afterAssigningX(parallel))).toEqual([]);
    const inline = {
      Type: 'Map',
      ItemsPath: '$items',
      ItemProcessor: block(passAssigning({ 'y.$': '$x' })),
      End: true,
    };
    expect(diagnose(afterAssigningX(inline))).toEqual([]);
  });

  it('refuses an inner scope assigning an outer variable, wherever the outer block assigns it', () => {
    const parallel = { Type: 'Parallel', Branches: [block(passAssigning({ x: 2 }))], End: true };
    expect(diagnose(afterAssigningX(parallel))).toEqual([outerName('x', '/States/S/Branches[0]/States/I/Assign')]);
    const assignedLater = {
      StartAt: 'P',
      States: {
        P: { Type: 'Parallel', Branches: [block(passAssigning({ 'x.$': '$.a' }))], Next: 'A' },
        A: { Type: 'Pass', Assign: { x: 1 }, End: true },
      },
    };
    expect(diagnose(assignedLater)).toEqual([outerName('x', '/States/P/Branches[0]/States/I/Assign')]);
  });

  it('counts the Parallel’s or Map’s own Assign and catchers as the outer scope', () => {
    const map = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemProcessor: block(passAssigning({ total: 1, last: 2 })),
          Assign: { total: 0 },
          Catch: [{ ErrorEquals: ['States.ALL'], Assign: { last: 0 }, Next: 'D' }],
          Next: 'D',
        },
        D: { Type: 'Succeed' },
      },
    };
    expect(diagnose(map)).toEqual([
      outerName('total', '/States/M/ItemProcessor/States/I/Assign'),
      outerName('last', '/States/M/ItemProcessor/States/I/Assign'),
    ]);
  });

  it('refuses a nested scope assigning a variable of any enclosing scope', () => {
    const inner = { Type: 'Map', ItemProcessor: block(passAssigning({ x: 3, y: 3 })), End: true };
    const outer = {
      Type: 'Map',
      ItemProcessor: { StartAt: 'J', States: { J: { Type: 'Pass', Assign: { y: 2 }, Next: 'K' }, K: inner } },
      End: true,
    };
    expect(diagnose(afterAssigningX(outer))).toEqual([
      outerName('x', '/States/S/ItemProcessor/States/K/ItemProcessor/States/I/Assign'),
      outerName('y', '/States/S/ItemProcessor/States/K/ItemProcessor/States/I/Assign'),
    ]);
  });

  it('lets sibling scopes reuse a name', () => {
    const parallel = {
      Type: 'Parallel',
      Branches: [block(passAssigning({ tmp: 1 })), block(passAssigning({ tmp: 2 }))],
      End: true,
    };
    expect(diagnose(afterAssigningX(parallel))).toEqual([]);
  });

  it('lets a Distributed Map’s items, which see no outer variable, reuse an outer name', () => {
    const distributed = {
      Type: 'Map',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        ...block(passAssigning({ x: 2 })),
      },
      End: true,
    };
    expect(diagnose(afterAssigningX(distributed))).toEqual([]);
  });

  it('accepts references to variables no state assigns: they fail when the state runs (AWS-recorded)', () => {
    const jsonata = {
      QueryLanguage: 'JSONata',
      StartAt: 'S',
      States: { S: { Type: 'Pass', Output: { result: '{% $doesNotExist %}' }, End: true } },
    };
    expect(diagnose(jsonata)).toEqual([]);
    const jsonPath = {
      StartAt: 'S',
      States: { S: { Type: 'Pass', Parameters: { 'v.$': '$doesNotExist' }, InputPath: '$nope', End: true } },
    };
    expect(diagnose(jsonPath)).toEqual([]);
  });
});
