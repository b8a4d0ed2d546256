/**
 * The chaos test's state machines, their executions' inputs, and what the activity worker answers. Everything
 * here is deterministic, so that an in-memory run with the same activity outcomes must give the same history.
 *
 * Concurrency inside an execution (Parallel branches, Map iterations) only ever waits on timers started in
 * the same transition, never on activity tasks, whose completion order would depend on the worker's timing.
 */

/** The account and region the server uses by default (ARNs in histories must match the in-memory run's). */
export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/lockstep-chaos`;
export const ACTIVITY_NAME = 'chaos-work';
export const ACTIVITY_ARN = `arn:aws:states:${REGION}:${ACCOUNT}:activity:${ACTIVITY_NAME}`;

/** An activity attempt's limit: a task lost with a crash (taken, never answered) times out and is retried. */
export const ACTIVITY_TIMEOUT_SECONDS = 3;

const timeoutRetry = { ErrorEquals: ['States.Timeout'], IntervalSeconds: 1, MaxAttempts: 4, BackoffRate: 1 };

/** Activity tasks (retried on the worker's failures and on timeouts, then caught), a Choice and a Wait. */
const activities = {
  Comment: 'Activity tasks with Retry and Catch, a Choice and a Wait',
  StartAt: 'Prepare',
  States: {
    Prepare: {
      Type: 'Pass',
      Parameters: {
        'id.$': '$.id',
        'n.$': '$.n',
        'tag.$': "States.Format('job-{}-{}', $.id, $$.Execution.Name)",
        'double.$': 'States.MathAdd($.n, $.n)',
      },
      Next: 'Work',
    },
    Work: {
      Type: 'Task',
      Resource: ACTIVITY_ARN,
      Parameters: { 'id.$': '$.id', 'n.$': '$.n', state: 'Work', 'attempt.$': '$$.State.RetryCount' },
      TimeoutSeconds: ACTIVITY_TIMEOUT_SECONDS,
      ResultPath: '$.work',
      Retry: [{ ErrorEquals: ['Worker.Flaky'], IntervalSeconds: 1, MaxAttempts: 2, BackoffRate: 1 }, timeoutRetry],
      Catch: [{ ErrorEquals: ['Worker.Flaky'], ResultPath: '$.failure', Next: 'GaveUp' }],
      Next: 'Route',
    },
    Route: {
      Type: 'Choice',
      Choices: [{ Variable: '$.work.parity', StringEquals: 'even', Next: 'Pause' }],
      Default: 'Finish',
    },
    Pause: { Type: 'Wait', Seconds: 1, Next: 'Finish' },
    Finish: {
      Type: 'Task',
      Resource: ACTIVITY_ARN,
      Parameters: { 'id.$': '$.id', 'n.$': '$.double', state: 'Finish', 'attempt.$': '$$.State.RetryCount' },
      TimeoutSeconds: ACTIVITY_TIMEOUT_SECONDS,
      Retry: [timeoutRetry],
      ResultSelector: { 'total.$': '$.square', 'who.$': '$.worked' },
      ResultPath: '$.finish',
      OutputPath: '$.finish',
      End: true,
    },
    GaveUp: { Type: 'Fail', Error: 'Chaos.GaveUp', Cause: 'the worker kept failing' },
  },
};

/** A Parallel whose third branch fails its first `fails` attempts: retried, then caught (and sometimes failed). */
const parallelRetry = {
  Comment: 'Parallel with Waits in its branches, Retry of a failing branch, Catch, then Choice',
  StartAt: 'Fan',
  States: {
    Fan: {
      Type: 'Parallel',
      Parameters: { 'n.$': '$.n', 'id.$': '$.id', 'attempt.$': '$$.State.RetryCount', 'fails.$': '$.fails' },
      Branches: [
        {
          StartAt: 'QuickWait',
          States: {
            QuickWait: { Type: 'Wait', Seconds: 0, Next: 'Quick' },
            Quick: { Type: 'Pass', Parameters: { branch: 'quick', 'n.$': '$.n' }, End: true },
          },
        },
        {
          StartAt: 'SlowWait',
          States: {
            SlowWait: { Type: 'Wait', Seconds: 1, Next: 'Slow' },
            Slow: { Type: 'Pass', Parameters: { branch: 'slow', 'plus.$': 'States.MathAdd($.n, 100)' }, End: true },
          },
        },
        {
          StartAt: 'Gate',
          States: {
            Gate: {
              Type: 'Choice',
              Choices: [{ Variable: '$.attempt', NumericLessThanPath: '$.fails', Next: 'Flaky' }],
              Default: 'Fine',
            },
            Flaky: { Type: 'Fail', Error: 'Branch.Flaky', Cause: 'not this time' },
            Fine: { Type: 'Pass', Result: 'fine', End: true },
          },
        },
      ],
      Retry: [{ ErrorEquals: ['Branch.Flaky'], IntervalSeconds: 1, MaxAttempts: 2, BackoffRate: 1 }],
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.caught', Next: 'Recovered' }],
      ResultSelector: { 'quick.$': '$[0].branch', 'slow.$': '$[1].plus', 'gate.$': '$[2]' },
      ResultPath: '$.fan',
      Next: 'Summary',
    },
    Recovered: {
      Type: 'Choice',
      Choices: [{ Variable: '$.n', NumericGreaterThan: 12, Next: 'Doomed' }],
      Default: 'Summary',
    },
    Doomed: { Type: 'Fail', Error: 'Chaos.Doomed', Cause: 'caught, then failed on purpose' },
    Summary: { Type: 'Pass', Parameters: { 'id.$': '$.id', 'text.$': 'States.JsonToString($)' }, End: true },
  },
};

/** An inline Map with limited concurrency whose first iteration waits, over an array made by intrinsics. */
const inlineMap = {
  Comment: 'Pass with intrinsics, inline Map with a Choice and Waits in its iterations',
  StartAt: 'Shape',
  States: {
    Shape: {
      Type: 'Pass',
      Parameters: {
        'id.$': '$.id',
        'items.$': 'States.ArrayRange(1, $.size, 1)',
        'salt.$': 'States.Base64Encode($.name)',
        'hash.$': "States.Hash($.name, 'SHA-1')",
      },
      Next: 'EachItem',
    },
    EachItem: {
      Type: 'Map',
      ItemsPath: '$.items',
      MaxConcurrency: 3,
      ItemSelector: { 'value.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index', 'salt.$': '$.salt' },
      ItemProcessor: {
        ProcessorConfig: { Mode: 'INLINE' },
        StartAt: 'First',
        States: {
          First: {
            Type: 'Choice',
            Choices: [{ Variable: '$.index', NumericEquals: 0, Next: 'Hold' }],
            Default: 'Breathe',
          },
          Hold: { Type: 'Wait', Seconds: 1, Next: 'Compute' },
          Breathe: { Type: 'Wait', Seconds: 0, Next: 'Compute' },
          Compute: {
            Type: 'Pass',
            Parameters: {
              'v.$': 'States.MathAdd($.value, $.index)',
              's.$': "States.Format('{}:{}', $.salt, $.value)",
            },
            End: true,
          },
        },
      },
      ResultPath: '$.results',
      Next: 'Total',
    },
    Total: {
      Type: 'Pass',
      Parameters: {
        'id.$': '$.id',
        'count.$': 'States.ArrayLength($.results)',
        'joined.$': 'States.JsonToString($.results)',
        'hash.$': '$.hash',
      },
      End: true,
    },
  },
};

/** JSONata: variables carried across a loop of zero-second Waits (the same state entered with the same input). */
const jsonataLoop = {
  Comment: 'JSONata: Assign, a Choice loop over a Wait of 0 seconds, Output',
  QueryLanguage: 'JSONata',
  StartAt: 'Init',
  States: {
    Init: {
      Type: 'Pass',
      Assign: { total: '{% $states.input.n * 2 %}', who: '{% $states.input.name %}' },
      Next: 'Loop',
    },
    Loop: {
      Type: 'Choice',
      Choices: [{ Condition: '{% $total > 0 %}', Next: 'Tick' }],
      Default: 'Done',
    },
    Tick: { Type: 'Wait', Seconds: 0, Assign: { total: '{% $total - 5 %}' }, Next: 'Loop' },
    Done: { Type: 'Pass', Output: { who: '{% $who %}', final: '{% $total %}' }, End: true },
  },
};

/**
 * A Distributed Map: each item is a child execution (stored, so each must run once through the crashes), two at a
 * time, the first `fails` of them failing; one failure is tolerated, more fail the run.
 */
const distributedMap = {
  Comment: 'Distributed Map with MaxConcurrency and a tolerated failure; its children Wait',
  StartAt: 'Items',
  States: {
    Items: {
      Type: 'Pass',
      Parameters: { 'id.$': '$.id', 'items.$': 'States.ArrayRange(1, $.size, 1)', 'fails.$': '$.fails' },
      Next: 'Fan',
    },
    Fan: {
      Type: 'Map',
      Label: 'Fan',
      ItemsPath: '$.items',
      MaxConcurrency: 2,
      ToleratedFailureCount: 1,
      ItemSelector: { 'value.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index', 'fails.$': '$.fails' },
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: 'Check',
        States: {
          Check: {
            Type: 'Choice',
            Choices: [{ Variable: '$.index', NumericLessThanPath: '$.fails', Next: 'Bad' }],
            Default: 'Hold',
          },
          Hold: { Type: 'Wait', Seconds: 1, Next: 'Double' },
          Double: { Type: 'Pass', Parameters: { 'v.$': 'States.MathAdd($.value, $.value)' }, End: true },
          Bad: { Type: 'Fail', Error: 'Chaos.BadItem', Cause: 'this item fails' },
        },
      },
      ResultPath: '$.doubled',
      End: true,
    },
  },
};

/** The label of the Distributed Map state: its Map Run's children run `<machine>/<label>`. */
export const DISTRIBUTED_MAP_LABEL = 'Fan';

/** The item processor of the Distributed Map as its children's definition (`{ StartAt, States }`). */
export const DISTRIBUTED_MAP_CHILD_DEFINITION = JSON.stringify({
  StartAt: distributedMap.States.Fan.ItemProcessor.StartAt,
  States: distributedMap.States.Fan.ItemProcessor.States,
});

/** A state machine of the test. */
export interface ChaosMachine {
  name: string;
  definition: string;
}

/** The state machines, by the index `executionPlan` refers to. */
export const MACHINES: readonly ChaosMachine[] = [
  { name: 'chaos-activities', definition: JSON.stringify(activities) },
  { name: 'chaos-parallel-retry', definition: JSON.stringify(parallelRetry) },
  { name: 'chaos-inline-map', definition: JSON.stringify(inlineMap) },
  { name: 'chaos-jsonata-loop', definition: JSON.stringify(jsonataLoop) },
  { name: 'chaos-distributed-map', definition: JSON.stringify(distributedMap) },
];

/** One execution to start: its machine, a unique name, and a distinct input. */
export interface PlannedExecution {
  machine: number;
  name: string;
  inputText: string;
}

/** `count` executions spread over the machines, each with its own input. */
export function executionPlan(count: number): PlannedExecution[] {
  return Array.from({ length: count }, (_, id) => {
    const input = { id, n: (id * 7) % 17, fails: id % 4, size: 1 + (id % 6), name: `chaos-${id}` };
    return { machine: id % MACHINES.length, name: `run-${id}`, inputText: JSON.stringify(input) };
  });
}

/** What an activity task receives (the Task states' Parameters). */
export interface ActivityInput {
  id: number;
  n: number;
  state: string;
  attempt: number;
}

/** How the worker answers a task: deterministic in its input, so the in-memory run can answer the same. */
export type ActivityAnswer = { ok: true; output: unknown } | { ok: false; error: string; cause: string };

/** The worker's answer: `Work` fails its first `n mod 4` attempts with `Worker.Flaky`, then succeeds. */
export function activityAnswer(input: ActivityInput): ActivityAnswer {
  const flaky = input.state === 'Work' ? input.n % 4 : 0;
  if (input.attempt < flaky) {
    return { ok: false, error: 'Worker.Flaky', cause: `attempt ${input.attempt} of task ${input.id}` };
  }
  return {
    ok: true,
    output: {
      worked: `${input.state}:${input.id}`,
      square: input.n * input.n,
      parity: input.n % 2 === 0 ? 'even' : 'odd',
      attempt: input.attempt,
    },
  };
}

/** The key of one attempt of one activity Task state of one execution. */
export function attemptKey(input: Pick<ActivityInput, 'id' | 'state' | 'attempt'>): string {
  return `${input.id}/${input.state}/${input.attempt}`;
}
