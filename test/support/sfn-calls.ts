/**
 * The Step Functions calls the end-to-end suites make as a user would, with the AWS SDK for JavaScript: run an
 * execution to its end, read its history.
 */
import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  type SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';

/** Starts a Standard execution and polls DescribeExecution until it has ended (at most `timeoutMs`). */
export async function runToCompletion(
  sfn: SFNClient,
  stateMachineArn: string,
  input: string,
  timeoutMs = 15_000,
): Promise<DescribeExecutionCommandOutput> {
  const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input }));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (described.status !== 'RUNNING' || Date.now() > deadline) return described;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The whole history of an execution, oldest event first. */
export async function historyOf(sfn: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn, nextToken }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}
