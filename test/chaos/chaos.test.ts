/**
 * Chaos: `lockstep serve` (the built CLI, as a child process over one data directory) runs a few hundred
 * Standard executions (Wait, Retry, Catch, Parallel, inline and Distributed Map, Choice, Pass with intrinsics,
 * JSONata, activity tasks answered by this test as a worker) while it is killed with SIGKILL at random moments, and at exact
 * instants between writes through the failure-injection points, and restarted each time on a new port. Then
 * every execution must have ended exactly once, with the status, output and history (event types, ids,
 * previous ids, details) that an in-memory run of the same definition and input gives, and every Distributed Map
 * item must have run as one child execution, once.
 *
 * The seed (printed) draws the kill times and the failure points; `LOCKSTEP_CHAOS_SEED=<seed>` replays them
 * (the interleaving with the server's own timing is not replayed exactly). Needs `npm run build` first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateActivityCommand, CreateStateMachineCommand } from '@aws-sdk/client-sfn';
import { expect, it } from 'vitest';
import { seededRandom } from '../robustness/support/task-behaviours.js';
import { ActivityWorker } from './support/activity-worker.js';
import { runChaos } from './support/chaos-loop.js';
import { ChaosServer } from './support/chaos-server.js';
import { listExecutionNames, readExecution, startExecutions, waitUntilAllEnded } from './support/executions.js';
import { executionProblems } from './support/expected-run.js';
import { mapRunProblems } from './support/map-run-checks.js';
import { ACTIVITY_NAME, executionPlan, MACHINES, ROLE_ARN } from './support/workflows.js';

const EXECUTIONS = 300;
/** Kills by the test itself, at random moments; the armed failure points kill more, at exact instants. */
const MIN_KILLS = 10;
const MAX_LIVES = 60;
const POLLERS = 6;
/** Starts go on for about 11 s (plus the time the server is down), while the server is being killed. */
const START_LANES = 3;
const START_PAUSE_MS = 110;
/** After the last restart: Waits, retries and the timeouts of activity tasks lost in the last crashes. */
const DRAIN_MS = 40_000;

const seed = Number(process.env.LOCKSTEP_CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));

it(`every execution ends once, as in memory, through SIGKILLs and restarts (seed ${seed})`, async () => {
  console.log(`chaos seed ${seed}: replay with LOCKSTEP_CHAOS_SEED=${seed} npx vitest run test/chaos`);
  const began = Date.now();
  // Each life's end is shown only when the test fails; the summaries always.
  const lifeLines: string[] = [];
  const stamp = (line: string) => `[chaos +${((Date.now() - began) / 1000).toFixed(1)}s] ${line}`;
  const log = (line: string) => console.log(stamp(line));
  const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-chaos-'));
  const server = new ChaosServer(dataDir);
  const worker = new ActivityWorker(server);
  let passed = false;
  try {
    await server.start();
    await server.call((client) => client.send(new CreateActivityCommand({ name: ACTIVITY_NAME })));
    const stateMachineArns: string[] = [];
    for (const machine of MACHINES) {
      const created = await server.call((client) =>
        client.send(
          new CreateStateMachineCommand({ name: machine.name, definition: machine.definition, roleArn: ROLE_ARN }),
        ),
      );
      stateMachineArns.push(created.stateMachineArn!);
    }
    worker.start(POLLERS);

    const plan = executionPlan(EXECUTIONS);
    let startsDone = false;
    const starting = startExecutions(server, plan, stateMachineArns, START_LANES, START_PAUSE_MS).finally(() => {
      startsDone = true;
    });
    const chaos = await runChaos(server, seededRandom(seed), {
      minKills: MIN_KILLS,
      maxLives: MAX_LIVES,
      done: () => startsDone,
      log: (line) => lifeLines.push(stamp(line)),
    });
    const starts = await starting;
    log(`chaos over: ${chaos.kills} kills, failure points ${JSON.stringify([...chaos.failPointDeaths])}`);
    await waitUntilAllEnded(server, stateMachineArns, DRAIN_MS);
    log('every execution ended');
    await worker.stop();

    const names = await listExecutionNames(server, stateMachineArns);
    const recorded = await Promise.all(plan.map((planned) => readExecution(server, planned)));
    const problems = (await Promise.all(recorded.map((r) => executionProblems(r, worker)))).flat();
    for (const r of recorded) problems.push(...(await mapRunProblems(server, r)));
    const statuses = new Map<string, number>();
    for (const r of recorded) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    let timeouts = 0;
    let unstarted = 0;
    for (const { events } of recorded) {
      for (const event of events.filter((e) => e.type === 'ActivityTimedOut')) {
        timeouts++;
        if (events[event.previousEventId - 1]?.type !== 'ActivityStarted') unstarted++;
      }
    }
    log(
      `${recorded.length} executions ${JSON.stringify([...statuses])}; starts sent again ${starts.resent} ` +
        `(found over: ${starts.endedBeforeRetry}); ${worker.taken.size} activity tasks taken, ${timeouts} timed ` +
        `out after a crash (${unstarted} never started); ${server.lives.length} lives; ${problems.length} problems`,
    );

    expect(chaos.unexpectedEnds, `seed ${seed}`).toEqual([]);
    expect(chaos.kills, `seed ${seed}`).toBeGreaterThanOrEqual(MIN_KILLS);
    expect(starts.problems, `seed ${seed}`).toEqual([]);
    expect(worker.errors, `seed ${seed}`).toEqual([]);
    expect(names, `seed ${seed}: the executions, each once`).toEqual(plan.map((p) => p.name).sort());
    expect(problems.slice(0, 20), `seed ${seed}: ${problems.length} problems`).toEqual([]);
    expect(statuses.get('SUCCEEDED')).toBeGreaterThan(EXECUTIONS / 2);
    expect(statuses.get('FAILED')).toBeGreaterThan(0);
    passed = true;
  } finally {
    const workerStopped = worker.stop();
    await server.stop();
    await workerStopped;
    if (passed) rmSync(dataDir, { recursive: true, force: true });
    else console.log(`${lifeLines.join('\n')}\nchaos seed ${seed}: the server's data is kept in ${dataDir}`);
  }
}, 120_000);
