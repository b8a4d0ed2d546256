import { describe, expect, it } from 'vitest';
import { addState, connect, deleteState, renameState } from './definition-edit.js';

const machine = {
  StartAt: 'A',
  States: {
    A: { Type: 'Pass', Next: 'B' },
    B: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'C' }], Default: 'D' },
    C: { Type: 'Pass', End: true },
    D: { Type: 'Succeed' },
  },
};

describe('definition edits', () => {
  it('adds a state after another, taking over its Next', () => {
    const { definition, name } = addState(machine, 'Wait', 'A');
    expect(name).toBe('Wait');
    expect(definition.States!.A).toEqual({ Type: 'Pass', Next: 'Wait' });
    expect(definition.States!.Wait).toEqual({ Type: 'Wait', Seconds: 1, Next: 'B' });
    expect(machine.States.A.Next).toBe('B');
  });

  it('names new states uniquely across nested blocks', () => {
    const first = addState(machine, 'Parallel', 'C').definition;
    expect(first.States!.C).toEqual({ Type: 'Pass', Next: 'Parallel' });
    expect((first.States!.Parallel.Branches as { StartAt: string }[])[0].StartAt).toBe('Parallel branch');
    expect(addState(first, 'Parallel').name).toBe('Parallel 2');
  });

  it('deletes a state and reconnects what led to it', () => {
    const definition = deleteState(machine, 'B');
    expect(definition.States!.A).toEqual({ Type: 'Pass', End: true });
    const withoutA = deleteState(machine, 'A');
    expect(withoutA.StartAt).toBe('B');
    const withoutC = deleteState(machine, 'C');
    expect(withoutC.States!.B).toEqual({ Type: 'Choice', Choices: [], Default: 'D' });
  });

  it('connects and renames', () => {
    expect(connect(machine, 'C', 'D').States!.C).toEqual({ Type: 'Pass', Next: 'D' });
    const renamed = renameState(machine, 'C', 'Celebrate');
    expect(Object.keys(renamed.States!)).toEqual(['A', 'B', 'Celebrate', 'D']);
    expect((renamed.States!.B.Choices as { Next: string }[])[0].Next).toBe('Celebrate');
  });
});
