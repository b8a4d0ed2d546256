/**
 * The executions of the chaos test through the API: started (a start whose answer was lost is sent again with
 * the same name and input, as AWS's idempotency allows), awaited, and read back with their histories.
 */
import {
  DescribeExecutionCommand,
  type ExecutionStatus,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  ListExecutionsCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { ChaosServer } from './chaos-server.js';
import type { RecordedExecution } from './expected-run.js';
import { comparable } from './history-checks.js';
import { ACCOUNT, MACHINES, type PlannedExecution, REGION } from './workflows.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The ARN AWS gives an execution of `machine` named `name`. */
export function executionArnOf(planned: PlannedExecution): string {
  return `arn:aws:states:${REGION}:${ACCOUNT}:execution:${MACHINES[planned.machine].name}:${planned.name}`;
}

/** What starting the executions saw. */
export interface StartReport {
  /** Starts answered `ExecutionAlreadyExists` after an earlier send of theirs was cut by a crash. */
  endedBeforeRetry: number;
  /** Starts sent more than once. */
  resent: number;
  problems: string[];
}

/**
 * Starts every planned execution, `concurrency` at a time with `pauseMs` between the starts of each lane, so
 * that starts go on while the server is being killed.
 */
export async function startExecutions(
  server: ChaosServer,
  plan: readonly PlannedExecution[],
  stateMachineArns: readonly string[],
  concurrency: number,
  pauseMs: number,
): Promise<StartReport> {
  const report: StartReport = { endedBeforeRetry: 0, resent: 0, problems: [] };
  const queue = [...plan];
  const lane = async () => {
    for (let planned = queue.shift(); planned; planned = queue.shift()) {
      await sleep(pauseMs);
      let sends = 0;
      try {
        const started = await server.call((client) => {
          sends++;
          return client.send(
            new StartExecutionCommand({
              stateMachineArn: stateMachineArns[planned!.machine],
              name: planned!.name,
              input: planned!.inputText,
            }),
          );
        });
        if (started.executionArn !== executionArnOf(planned)) {
          report.problems.push(`${planned.name}: started as ${started.executionArn}`);
        }
      } catch (error) {
        // Only a start sent again may find its execution already over.
        if ((error as Error).name === 'ExecutionAlreadyExists' && sends > 1) report.endedBeforeRetry++;
        else report.problems.push(`${planned.name}: StartExecution failed after ${sends} sends: ${String(error)}`);
      }
      if (sends > 1) report.resent++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return report;
}

/** The names of the executions of the state machines (of one status), sorted. */
export async function listExecutionNames(
  server: ChaosServer,
  stateMachineArns: readonly string[],
  statusFilter?: ExecutionStatus,
): Promise<string[]> {
  const names: string[] = [];
  for (const stateMachineArn of stateMachineArns) {
    let nextToken: string | undefined;
    do {
      const page = await server.call((client) =>
        client.send(new ListExecutionsCommand({ stateMachineArn, statusFilter, maxResults: 1000, nextToken })),
      );
      names.push(...(page.executions ?? []).map((e) => e.name!));
      nextToken = page.nextToken;
    } while (nextToken);
  }
  return names.sort();
}

/** Waits until no execution of the state machines runs; throws after `timeoutMs` with the ones still running. */
export async function waitUntilAllEnded(
  server: ChaosServer,
  stateMachineArns: readonly string[],
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const running = await listExecutionNames(server, stateMachineArns, 'RUNNING');
    if (running.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`${running.length} executions still running after ${timeoutMs} ms: ${running.join(', ')}`);
    }
    await sleep(250);
  }
}

/** An execution's whole history, page by page. */
export async function historyOf(server: ChaosServer, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await server.call((client) =>
      client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000, nextToken })),
    );
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

/** Reads an execution back: its description and its whole history. */
export async function readExecution(server: ChaosServer, planned: PlannedExecution): Promise<RecordedExecution> {
  const executionArn = executionArnOf(planned);
  const described = await server.call((client) => client.send(new DescribeExecutionCommand({ executionArn })));
  const events = await historyOf(server, executionArn);
  return {
    planned,
    machine: MACHINES[planned.machine],
    executionArn,
    status: described.status!,
    startDate: described.startDate!,
    output: described.output,
    error: described.error,
    cause: described.cause,
    events: events.map(comparable),
    timestamps: events.map((e) => e.timestamp!.getTime()),
  };
}
