import { describe, expect, it } from 'vitest';
import { details, machineOf, processor, run, shape } from './test-support.js';

/** A JSONata machine: `QueryLanguage` at the top, then the states. */
function jsonata(states: object, startAt = Object.keys(states)[0]): object {
  return { QueryLanguage: 'JSONata', StartAt: startAt, States: states };
}

const prefix = (state: string, id: number) =>
  `An error occurred while executing the state '${state}' (entered at the event id #${id}).`;

describe('JSONata Pass, Output and Assign', () => {
  it('evaluates Output with $states.input and passes the input through without it', async () => {
    const r = await run(
      jsonata({
        P: { Type: 'Pass', Output: { sum: '{% $states.input.a + $states.input.b %}', k: 'v' }, Next: 'Q' },
        Q: { Type: 'Pass', End: true },
      }),
      { a: 1, b: 2 },
    );
    expect(r.output).toEqual({ sum: 3, k: 'v' });
  });

  it('assigns variables that later expressions read, values as of state entry (swap)', async () => {
    const r = await run(
      jsonata({
        Init: { Type: 'Pass', Assign: { a: 1, b: '{% 1 + 1 %}' }, Next: 'Swap' },
        Swap: { Type: 'Pass', Assign: { a: '{% $b %}', b: '{% $a %}' }, Output: '{% [$a, $b] %}', Next: 'Out' },
        Out: { Type: 'Pass', Output: '{% {"a": $a, "b": $b} %}', End: true },
      }),
    );
    // Output reads the values as of entry too: the swap applies when the state exits.
    expect(r.history[4].stateExitedEventDetails?.output).toBe('[1,2]');
    expect(details(r.history[4]).assignedVariables).toEqual({ a: '2', b: '1' });
    expect(r.output).toEqual({ a: 2, b: 1 });
  });

  it('fails with States.QueryEvaluationError and an EvaluationFailed event naming the field path', async () => {
    const r = await run(jsonata({ P: { Type: 'Pass', Output: { result: ['{% $nothing %}'] }, End: true } }));
    const cause = `${prefix('P', 2)} The JSONata expression '$nothing' specified for the field 'Output/result[0]' returned nothing (undefined).`;
    expect([r.status, r.error, r.cause]).toEqual(['FAILED', 'States.QueryEvaluationError', cause]);
    expect(shape(r.history)).toEqual([
      '1:ExecutionStarted<-0',
      '2:PassStateEntered<-0',
      '3:EvaluationFailed<-0',
      '4:ExecutionFailed<-3',
    ]);
    expect(details(r.history[2])).toEqual({
      error: 'States.QueryEvaluationError',
      cause,
      location: 'Output/result[0]',
      state: 'P',
    });
  });

  it("reports JSONata's own error code and message", async () => {
    const r = await run(jsonata({ P: { Type: 'Pass', Output: '{% $states.input.f() %}', End: true } }));
    expect(r.cause).toBe(
      `${prefix('P', 2)} The JSONata expression '$states.input.f()' specified for the field 'Output' threw an error during evaluation. T1006: Attempted to invoke a non-function`,
    );
  });

  it("offers AWS's added functions", async () => {
    const r = await run(
      jsonata({
        P: {
          Type: 'Pass',
          Output: {
            partition: '{% $partition([1, 2, 3], 2) %}',
            range: '{% $range(0, 6, 3) %}',
            hash: "{% $hash('a', 'SHA-256') %}",
            parse: '{% $parse(\'{"x": [1]}\') %}',
            uuid: '{% $length($uuid()) %}',
            random: '{% $random() < 1 %}',
          },
          End: true,
        },
      }),
    );
    expect(r.output).toEqual({
      partition: [[1, 2], [3]],
      range: [0, 3, 6],
      hash: 'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb',
      parse: { x: [1] },
      uuid: 36,
      random: true,
    });
  });

  it('reads the context object as $states.context', async () => {
    const r = await run(jsonata({ P: { Type: 'Pass', Output: '{% $states.context.State.Name %}', End: true } }));
    expect(r.output).toBe('P');
  });
});

describe('JSONata Task', () => {
  it('sends Arguments, and shapes Output and Assign from $states.result', async () => {
    const seen: unknown[] = [];
    const r = await run(
      jsonata({
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Arguments: { n: '{% $states.input.n * 10 %}' },
          Assign: { last: '{% $states.result %}' },
          Output: { doubled: '{% $states.result * 2 %}', was: '{% $states.input.n %}' },
          Next: 'Out',
        },
        Out: { Type: 'Pass', Output: '{% $last %}', End: true },
      }),
      { n: 4 },
      {
        taskHandlers: {
          T: (input) => {
            seen.push(input);
            return (input as { n: number }).n + 1;
          },
        },
      },
    );
    expect(seen).toEqual([{ n: 40 }]);
    expect(r.history.find((e) => e.type === 'TaskStateExited')?.stateExitedEventDetails?.output).toBe(
      '{"doubled":82,"was":4}',
    );
    expect(r.output).toBe(41);
  });

  it('outputs the result by default', async () => {
    const r = await run(
      jsonata({ T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } }),
      { a: 1 },
      { taskHandlers: { T: () => 'done' } },
    );
    expect(r.output).toBe('done');
  });

  it("lets a catcher's Output and Assign read $states.errorOutput, replacing the state's Assign", async () => {
    const r = await run(
      jsonata({
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Assign: { fromState: true },
          Catch: [
            {
              ErrorEquals: ['States.ALL'],
              Output: { caught: '{% $states.errorOutput.Error %}' },
              Assign: { why: '{% $states.errorOutput.Cause %}' },
              Next: 'Out',
            },
          ],
          End: true,
        },
        Out: { Type: 'Pass', Output: '{% $merge([$states.input, {"why": $why}]) %}', End: true },
      }),
      {},
      {
        taskHandlers: {
          T: () => {
            throw Object.assign(new Error('broken'), { name: 'Boom' });
          },
        },
      },
    );
    expect(r.output).toEqual({ caught: 'Boom', why: 'broken' });
    expect(details(r.history.find((e) => e.type === 'TaskStateExited')!).assignedVariables).toEqual({
      why: '"broken"',
    });
  });

  it('takes TimeoutSeconds from an expression', async () => {
    const r = await run(
      jsonata({
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          TimeoutSeconds: '{% $states.input.t %}',
          End: true,
        },
      }),
      { t: 7 },
      { taskHandlers: { T: () => 1 } },
    );
    expect(details(r.history.find((e) => e.type === 'TaskScheduled')!).timeoutInSeconds).toBe(7);
  });

  it('retries and catches States.QueryEvaluationError', async () => {
    const r = await run(
      jsonata({
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Output: '{% $states.result.missing %}',
          Catch: [{ ErrorEquals: ['States.QueryEvaluationError'], Next: 'Out' }],
          End: true,
        },
        Out: { Type: 'Pass', Output: '{% $states.input.Error %}', End: true },
      }),
      {},
      { taskHandlers: { T: () => ({}) } },
    );
    expect(r.output).toBe('States.QueryEvaluationError');
    expect(r.history.map((e) => e.type)).toContain('EvaluationFailed');
  });

  // 3P-measured on AWS by floci (its AslExecutorBranchHistoryEventsTest, read off us-east-1).
  it("fails the state again when the matching catcher's Output fails, naming the catcher", async () => {
    const r = await run(
      jsonata({
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'Boom', States: { Boom: { Type: 'Fail', Error: 'MyError', Cause: 'my cause' } } }],
          Catch: [
            { ErrorEquals: ['Other'], Next: 'Done' },
            { ErrorEquals: ['States.ALL'], Output: { v: '{% $states.input.missing %}' }, Next: 'Done' },
          ],
          End: true,
        },
        Done: { Type: 'Pass', End: true },
      }),
      { x: 'a' },
    );
    const cause = `${prefix('P', 2)} The JSONata expression '$states.input.missing' specified for the field 'Catch[1]/Output/v' returned nothing (undefined).`;
    expect(r.history.map((e) => e.type).slice(3)).toEqual([
      'FailStateEntered',
      'ParallelStateFailed',
      'EvaluationFailed',
      'ParallelStateFailed',
      'ExecutionFailed',
    ]);
    expect(details(r.history[5])).toEqual({
      error: 'States.QueryEvaluationError',
      cause,
      location: 'Catch[1]/Output/v',
      state: 'P',
    });
    expect(r.cause).toBe(cause);
  });
});

describe('JSONata Choice', () => {
  const machine = jsonata({
    C: {
      Type: 'Choice',
      Choices: [{ Condition: '{% $states.input.n > 1 %}', Output: { big: true }, Assign: { rule: 1 }, Next: 'Out' }],
      Default: 'Out',
      Output: { big: false },
      Assign: { rule: 0 },
    },
    Out: { Type: 'Pass', Output: '{% $merge([$states.input, {"rule": $rule}]) %}', End: true },
  });

  it("takes the matched rule's Output and Assign, else the state's", async () => {
    expect((await run(machine, { n: 2 })).output).toEqual({ big: true, rule: 1 });
    expect((await run(machine, { n: 0 })).output).toEqual({ big: false, rule: 0 });
  });

  it('requires a boolean Condition', async () => {
    const r = await run(machine, { n: 'x' });
    expect(r.cause).toBe(
      `${prefix('C', 2)} The JSONata expression '$states.input.n > 1' specified for the field 'Condition' threw an error during evaluation. T2009: The values "x" and 1 either side of operator ">" must be of the same data type`,
    );
    const literal = jsonata({
      C: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.n %}', Next: 'Out' }], Default: 'Out' },
      Out: { Type: 'Succeed' },
    });
    expect((await run(literal, { n: 3 })).cause).toBe(
      `${prefix('C', 2)} The JSONata expression '$states.input.n' specified for the field 'Condition' returned an unexpected result type. Expected 'boolean', but was 'number' for value: 3`,
    );
  });
});

describe('JSONata Wait, Succeed and Fail', () => {
  it('waits for Seconds from an expression and outputs Output', async () => {
    const r = await run(
      jsonata({ W: { Type: 'Wait', Seconds: '{% $states.input.s %}', Output: '{% $states.input.s %}', End: true } }),
      { s: 30 },
    );
    expect(r.output).toBe(30);
    expect(r.stopDate.getTime() - r.startDate.getTime()).toBe(30_000);
  });

  it('refuses a Timestamp that is not RFC 3339, after the entry event', async () => {
    const r = await run(jsonata({ W: { Type: 'Wait', Timestamp: '{% $states.input.t %}', End: true } }), {
      t: '2016-12-05T21:29:29',
    });
    expect(r.cause).toBe(
      `${prefix('W', 2)} The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: 2016-12-05T21:29:29`,
    );
    expect(shape(r.history).slice(2)).toEqual(['3:EvaluationFailed<-2', '4:ExecutionFailed<-3']);
    expect(details(r.history[2]).location).toBe('Timestamp');
  });

  it("gives $now() and $millis() the engine's clock, simulated on the virtual clock", async () => {
    const r = await run(
      jsonata({
        W: { Type: 'Wait', Seconds: 3600, Next: 'P' },
        P: { Type: 'Pass', Output: { now: '{% $now() %}', millis: '{% $millis() %}' }, End: true },
      }),
    );
    expect(r.output).toEqual({ now: '2026-01-01T01:00:00.000Z', millis: Date.UTC(2026, 0, 1, 1) });
  });

  it("ends with the Succeed state's Output", async () => {
    const r = await run(jsonata({ S: { Type: 'Succeed', Output: { ok: '{% $states.input.v %}' } } }), { v: 1 });
    expect(r.output).toEqual({ ok: 1 });
  });

  it('fails with Error and Cause from expressions', async () => {
    const r = await run(
      jsonata({ F: { Type: 'Fail', Error: '{% $states.input.e %}', Cause: '{% "because " & $states.input.c %}' } }),
      { e: 'Bad', c: 'x' },
    );
    expect([r.error, r.cause]).toEqual(['Bad', 'because x']);
  });
});

describe('JSONata Map and Parallel', () => {
  it('iterates Items with ItemSelector reading $states.context.Map.Item, and outputs the results', async () => {
    const r = await run(
      jsonata({
        M: {
          Type: 'Map',
          Items: '{% $states.input.xs %}',
          ItemSelector: { v: '{% $states.context.Map.Item.Value * 10 %}', i: '{% $states.context.Map.Item.Index %}' },
          ItemProcessor: processor({ P: { Type: 'Pass', End: true } }),
          Output: '{% $states.result.v %}',
          End: true,
        },
      }),
      { xs: [1, 2] },
    );
    expect(r.output).toEqual([10, 20]);
  });

  it('refuses Items that are not an array, and an input that is not one, with MapStateFailed', async () => {
    const items = await run(
      jsonata({
        M: { Type: 'Map', Items: '{% 1 %}', ItemProcessor: processor({ P: { Type: 'Pass', End: true } }), End: true },
      }),
    );
    expect(items.cause).toBe(
      `${prefix('M', 2)} The JSONata expression '1' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'number' for value: 1`,
    );
    expect(shape(items.history).slice(2)).toEqual([
      '3:EvaluationFailed<-0',
      '4:MapStateFailed<-3',
      '5:ExecutionFailed<-4',
    ]);
    const input = await run(
      jsonata({ M: { Type: 'Map', ItemProcessor: processor({ P: { Type: 'Pass', End: true } }), End: true } }),
      1,
    );
    expect(input.cause).toBe(`${prefix('M', 2)} Map state input must be an array but was: 1`);
    expect(details(input.history[2])).toEqual({ error: 'States.QueryEvaluationError', cause: input.cause, state: 'M' });
  });

  it('lets iterations read outer variables but keeps their own assignments inside', async () => {
    const r = await run(
      jsonata({
        Init: { Type: 'Pass', Assign: { factor: 3 }, Next: 'M' },
        M: {
          Type: 'Map',
          Items: [1, 2],
          ItemProcessor: processor({
            Scale: { Type: 'Pass', Assign: { inner: '{% $states.input * $factor %}' }, Next: 'Read' },
            Read: { Type: 'Pass', Output: '{% $inner %}', End: true },
          }),
          Next: 'After',
        },
        After: { Type: 'Pass', Output: { results: '{% $states.input %}', inner: '{% $exists($inner) %}' }, End: true },
      }),
    );
    expect(r.output).toEqual({ results: [3, 6], inner: false });
  });

  it('takes MaxConcurrency and ToleratedFailureCount from expressions', async () => {
    const r = await run(
      jsonata({
        M: {
          Type: 'Map',
          Items: [1, 2],
          MaxConcurrency: '{% 1 %}',
          ToleratedFailureCount: '{% $variable := 1 %}',
          ItemProcessor: processor({ F: { Type: 'Fail', Error: 'E' } }, {}),
          End: true,
        },
      }),
    );
    expect(r.error).toBe('States.ExceedToleratedFailureThreshold');
  });

  it('runs Parallel branches on Arguments and outputs from $states.result', async () => {
    const r = await run(
      jsonata({
        P: {
          Type: 'Parallel',
          Arguments: { n: '{% $states.input.n + 1 %}' },
          Branches: [
            machineOf('Pass', 'A', { Output: '{% $states.input.n %}' }),
            machineOf('Pass', 'B', { Output: '{% $states.input.n * 2 %}' }),
          ],
          Output: '{% $sum($states.result) %}',
          End: true,
        },
      }),
      { n: 1 },
    );
    expect(r.output).toBe(6);
  });
});

describe('variable limits and scopes', () => {
  it('refuses assignments of more than 256 KiB in one state', async () => {
    const r = await run(jsonata({ P: { Type: 'Pass', Assign: { a: "{% $pad('', 140000, 'é') %}" }, End: true } }));
    expect([r.error, r.cause]).toEqual([
      'States.DataLimitExceeded',
      "The state 'P' assigned variables with a total size exceeding the maximum number of bytes service limit.",
    ]);
  });

  it('gives Distributed Map children no outer variables', async () => {
    const r = await run(
      jsonata({
        Init: { Type: 'Pass', Assign: { outer: 1 }, Next: 'M' },
        M: {
          Type: 'Map',
          Items: [1],
          ItemProcessor: processor(
            { P: { Type: 'Pass', Output: '{% $exists($outer) %}', End: true } },
            { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          ),
          End: true,
        },
      }),
    );
    expect(r.output).toEqual([false]);
  });
});

describe('mixing query languages', () => {
  it('runs a JSONPath state in a JSONPath machine next to a JSONata state, sharing variables', async () => {
    const r = await run(
      {
        StartAt: 'A',
        States: {
          A: { Type: 'Pass', Parameters: { 'v.$': '$.v' }, Assign: { 'x.$': '$.v' }, Next: 'B' },
          B: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% $x & "!" %}', End: true },
        },
      },
      { v: 'hi' },
    );
    expect(r.output).toBe('hi!');
  });
});
