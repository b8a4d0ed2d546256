import { describe, expect, it } from 'vitest';
import { validateDefinition } from './index.js';

function diagnose(definition: Record<string, unknown>): [string, string, string | undefined][] {
  return validateDefinition(definition).map((d) => [d.code, d.message, d.location]);
}

const PASS_END = { Type: 'Pass', End: true };

describe('checkTransitions', () => {
  it('reports a missing target, then the states nothing reaches (AWS recorded)', () => {
    const definition = {
      StartAt: 'pass1',
      States: { pass1: { Type: 'Pass', Next: 'pass3' }, pass2: PASS_END },
    };
    expect(diagnose(definition)).toEqual([
      ['MISSING_TRANSITION_TARGET', "Missing 'Next' target: pass3", '/States/pass1/Next'],
      ['MISSING_TRANSITION_TARGET', 'State "pass2" is not reachable.', '/States/pass2'],
    ]);
  });

  it("says 'Next' for Default, Choice Rule and Catcher targets too", () => {
    const definition = {
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Variable: '$.x', IsNull: true, Next: 'X1' }], Default: 'X2' },
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'X3' }],
          End: true,
        },
      },
    };
    expect(diagnose(definition)).toEqual([
      ['MISSING_TRANSITION_TARGET', "Missing 'Next' target: X2", '/States/C/Default'],
      ['MISSING_TRANSITION_TARGET', "Missing 'Next' target: X1", '/States/C/Choices[0]/Next'],
      ['MISSING_TRANSITION_TARGET', "Missing 'Next' target: X3", '/States/T/Catch[0]/Next'],
      ['MISSING_TRANSITION_TARGET', 'State "T" is not reachable.', '/States/T'],
    ]);
  });

  it('reports a StartAt naming no state at StartAt', () => {
    expect(diagnose({ StartAt: 'Nope', States: { A: PASS_END } })).toEqual([
      ['MISSING_TRANSITION_TARGET', "Missing 'Next' target: Nope", '/StartAt'],
      ['MISSING_TRANSITION_TARGET', 'State "A" is not reachable.', '/States/A'],
    ]);
  });

  it('reports a machine with no terminal state alone, without location', () => {
    const loop = {
      StartAt: 'A',
      States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'A' }, C: { Type: 'Pass', Next: 'A' } },
    };
    expect(diagnose(loop)).toEqual([['MISSING_END_STATE', 'Workflow has no terminal state', undefined]]);
  });

  it('keeps transitions inside their block', () => {
    const definition = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'B1', States: { B1: { Type: 'Pass', Next: 'Done' } } }],
          Next: 'Done',
        },
        Done: { Type: 'Succeed' },
      },
    };
    expect(diagnose(definition)).toEqual([
      ['MISSING_TRANSITION_TARGET', "Missing 'Next' target: Done", '/States/P/Branches[0]/States/B1/Next'],
    ]);
  });

  it('checks reachability inside Map processors', () => {
    const definition = {
      StartAt: 'M',
      States: {
        M: { Type: 'Map', ItemProcessor: { StartAt: 'A', States: { A: PASS_END, Orphan: PASS_END } }, End: true },
      },
    };
    expect(diagnose(definition)).toEqual([
      ['MISSING_TRANSITION_TARGET', 'State "Orphan" is not reachable.', '/States/M/ItemProcessor/States/Orphan'],
    ]);
  });

  it('allows sibling branches to reuse state names and limits names to 80 characters', () => {
    const definition = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'X', States: { X: PASS_END } },
            { StartAt: 'X', States: { X: PASS_END } },
          ],
          Next: 'N'.repeat(81),
        },
        ['N'.repeat(81)]: PASS_END,
      },
    };
    expect(diagnose(definition)).toEqual([
      [
        'INVALID_STATE_NAME',
        `State name '${'N'.repeat(81)}' is longer than 80 characters`,
        `/States/${'N'.repeat(81)}`,
      ],
    ]);
  });

  it('rejects a nested state that repeats an enclosing state name', () => {
    const definition = {
      StartAt: 'P',
      States: { P: { Type: 'Parallel', Branches: [{ StartAt: 'P', States: { P: PASS_END } }], End: true } },
    };
    expect(diagnose(definition)).toEqual([
      ['DUPLICATE_STATE_NAME', 'Duplicate State name: P', '/States/P/Branches[0]/States/P'],
    ]);
  });
});
