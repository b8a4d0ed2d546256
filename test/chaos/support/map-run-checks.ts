/**
 * The Distributed Map runs of the chaos test: their ARNs (random, so the in-memory run's differ) and their child
 * executions, each of which must have run once: one child per item index, none more, each with a dense history of
 * one start and one close, entering no state more often than an in-memory run of the child does.
 */
import { isDeepStrictEqual } from 'node:util';
import { DescribeExecutionCommand, type ExecutionListItem, ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { runExecution } from '@lockstep/engine';
import type { ChaosServer } from './chaos-server.js';
import { historyOf } from './executions.js';
import type { RecordedExecution } from './expected-run.js';
import { type ComparableEvent, comparable, historyInvariantProblems, repeatedTransitions } from './history-checks.js';
import { ACCOUNT, DISTRIBUTED_MAP_CHILD_DEFINITION, DISTRIBUTED_MAP_LABEL, REGION, ROLE_ARN } from './workflows.js';

/** The Map Run ARNs a history's `MapRunStarted` events name, in order. */
function mapRunArns(events: readonly ComparableEvent[]): string[] {
  return events.filter((e) => e.type === 'MapRunStarted').map((e) => (e.details as { mapRunArn: string }).mapRunArn);
}

/**
 * `expected` (an in-memory run's history) with the Map Run ARNs of `recorded` in its `MapRunStarted` events: the
 * run's id is random, so only its shape is checked (by {@link mapRunProblems}).
 */
export function withRecordedMapRunArns(
  expected: readonly ComparableEvent[],
  recorded: readonly ComparableEvent[],
): ComparableEvent[] {
  const arns = mapRunArns(recorded);
  let next = 0;
  return expected.map((event) =>
    event.type === 'MapRunStarted' && next < arns.length ? { ...event, details: { mapRunArn: arns[next++] } } : event,
  );
}

async function childrenOf(server: ChaosServer, mapRunArn: string): Promise<ExecutionListItem[]> {
  const children: ExecutionListItem[] = [];
  let nextToken: string | undefined;
  do {
    const page = await server.call((client) =>
      client.send(new ListExecutionsCommand({ mapRunArn, maxResults: 1000, nextToken })),
    );
    children.push(...(page.executions ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return children;
}

/** The problems of one child execution: its invariants, and (unless stopped by its run) its in-memory run's. */
async function childProblems(server: ChaosServer, child: ExecutionListItem, machine: string): Promise<string[]> {
  const executionArn = child.executionArn!;
  const described = await server.call((client) => client.send(new DescribeExecutionCommand({ executionArn })));
  const events = (await historyOf(server, executionArn)).map(comparable);
  const problems = historyInvariantProblems(events, described.status!);
  const result = await runExecution({
    definition: DISTRIBUTED_MAP_CHILD_DEFINITION,
    inputText: described.input,
    executionArn,
    name: described.name,
    stateMachineName: `${machine}/${DISTRIBUTED_MAP_LABEL}`,
    accountId: ACCOUNT,
    region: REGION,
    roleArn: ROLE_ARN,
    startTime: described.startDate,
  });
  const expected = result.history.map(comparable);
  problems.push(...repeatedTransitions(events, expected));
  // A child still running when its run exceeded the tolerance was stopped: only its invariants hold.
  if (described.status !== 'ABORTED') {
    if (described.status !== result.status) problems.push(`status ${described.status}, in memory ${result.status}`);
    if (!isDeepStrictEqual(events, expected)) problems.push('history differs from the in-memory run');
  }
  return problems.map((problem) => `child ${described.name} (input ${described.input}): ${problem}`);
}

/**
 * The problems of the Map Runs of one recorded execution: ARNs of AWS's shape, one child per item index (none
 * started twice), every item run when the execution succeeded, and each child's own problems.
 */
export async function mapRunProblems(server: ChaosServer, recorded: RecordedExecution): Promise<string[]> {
  const problems: string[] = [];
  const machine = recorded.machine.name;
  const shape = new RegExp(
    `^arn:aws:states:${REGION}:${ACCOUNT}:mapRun:${machine}/${DISTRIBUTED_MAP_LABEL}:[0-9a-f-]{36}$`,
  );
  const items = (JSON.parse(recorded.planned.inputText) as { size: number }).size;
  for (const mapRunArn of mapRunArns(recorded.events)) {
    if (!shape.test(mapRunArn)) problems.push(`Map Run ARN ${mapRunArn} is not of AWS's shape`);
    const children = await childrenOf(server, mapRunArn);
    const perIndex = new Map<number, number>();
    for (const child of children) {
      const described = await server.call((client) =>
        client.send(new DescribeExecutionCommand({ executionArn: child.executionArn })),
      );
      const index = (JSON.parse(described.input ?? '{}') as { index: number }).index;
      perIndex.set(index, (perIndex.get(index) ?? 0) + 1);
      problems.push(...(await childProblems(server, child, machine)));
    }
    for (const [index, count] of perIndex) {
      if (count > 1) problems.push(`item ${index} ran as ${count} child executions`);
    }
    if (children.length > items) problems.push(`${children.length} children for ${items} items`);
    if (recorded.status === 'SUCCEEDED' && perIndex.size !== items) {
      problems.push(`succeeded with ${perIndex.size} of its ${items} items run`);
    }
  }
  return problems.map((problem) => `${recorded.planned.name} (${machine}): ${problem}`);
}
