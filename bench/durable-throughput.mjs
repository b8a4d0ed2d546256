#!/usr/bin/env node
// Durable Standard throughput: 1,000 concurrent executions of a short Pass/Choice/Wait(0) chain on the
// SQLite file store (WAL, synchronous=FULL: every commit is on disk before it is acknowledged), run by the
// durable runtime in this process. Prints the time to start them (1,000 StartExecution calls) and the
// transitions per second while they run to completion.
//
// Usage (from the project root, after `npm run build`): node bench/durable-throughput.mjs [--executions 1000]

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createService } from '@lockstep/service';
import { openSqliteStore } from '@lockstep/store-sqlite';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i === -1 ? fallback : Number(argv[i + 1]);
};
const executions = option('--executions', 1000);

const definition = JSON.stringify({
  StartAt: 'Prepare',
  States: {
    Prepare: { Type: 'Pass', Parameters: { 'n.$': '$.n', 'step.$': 'States.MathAdd($.n, 1)' }, Next: 'Check' },
    Check: {
      Type: 'Choice',
      Choices: [{ Variable: '$.n', NumericGreaterThanEquals: 0, Next: 'Pause' }],
      Default: 'Done',
    },
    Pause: { Type: 'Wait', Seconds: 0, Next: 'Finish' },
    Finish: { Type: 'Pass', Result: 'ok', ResultPath: '$.result', Next: 'Done' },
    Done: { Type: 'Succeed' },
  },
});
const STATES_PER_EXECUTION = 5;

const dir = mkdtempSync(join(tmpdir(), 'lockstep-bench-'));
const store = openSqliteStore({ path: join(dir, 'lockstep.db') });
const service = createService({ store });
const api = service.operations;
try {
  const { stateMachineArn } = await api.CreateStateMachine({
    name: 'throughput',
    definition,
    roleArn: 'arn:aws:iam::123456789012:role/bench',
  });
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: executions }, (_, n) =>
      api.StartExecution({ stateMachineArn, name: `e${n}`, input: JSON.stringify({ n }) }),
    ),
  );
  const t1 = performance.now();
  await service.runtime.runUntilIdle();
  const t2 = performance.now();
  const succeeded = (await api.ListExecutions({ stateMachineArn, statusFilter: 'SUCCEEDED', maxResults: 1000 }))
    .executions.length;
  const transitions = executions * STATES_PER_EXECUTION;
  console.log(
    `node ${process.version} | ${executions} executions x ${STATES_PER_EXECUTION} states | SQLite file store, synchronous=FULL`,
  );
  console.log(
    `started in ${(t1 - t0).toFixed(0)} ms (${Math.round(executions / ((t1 - t0) / 1000))} StartExecution/s)`,
  );
  console.log(
    `ran to completion in ${(t2 - t1).toFixed(0)} ms: ${Math.round(transitions / ((t2 - t1) / 1000))} transitions/s`,
  );
  console.log(
    `end to end: ${Math.round(transitions / ((t2 - t0) / 1000))} transitions/s; ${succeeded} of ${executions} SUCCEEDED (first page)`,
  );
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
