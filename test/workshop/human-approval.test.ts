// The workshop's human approval against `lockstep serve`: a `.waitForTaskToken` Task's function "emails" approve and
// reject links (to a mailbox server of the test's); following one makes an approval server call SendTaskSuccess or
// SendTaskFailure on lockstep with the task token the link carries.
import { SendTaskFailureCommand, SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalHttpServer, startLocalHttpServer } from './local-http-server.js';
import {
  createStateMachine,
  historyOf,
  readExerciseFile,
  runToCompletion,
  startWorkshopServer,
  type WorkshopServer,
} from './workshop-server.js';

/** An email the function sent. */
interface Email {
  to: string;
  subject: string;
  body: string;
  approveLink: string;
  rejectLink: string;
}

let server: WorkshopServer;
let mailbox: LocalHttpServer;
let approvals: LocalHttpServer;
let arn: string;

beforeAll(async () => {
  mailbox = await startLocalHttpServer((_, response) => {
    response.writeHead(202);
    response.end();
  });
  approvals = await startLocalHttpServer(async (request, response) => {
    const url = new URL(request.url, approvals.url);
    const taskToken = url.searchParams.get('taskToken') ?? '';
    if (url.pathname === '/approve') {
      await server.sfn.send(
        new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ approvedBy: 'grace@example.com' }) }),
      );
    } else {
      await server.sfn.send(
        new SendTaskFailureCommand({
          taskToken,
          error: 'ApprovalRejected',
          cause: 'grace@example.com rejected the request',
        }),
      );
    }
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end('Thank you, your decision was recorded.');
  });
  // The server's functions inherit its environment, as when a user exports these before `npm start`.
  process.env.MAILBOX_URL = mailbox.url;
  process.env.APPROVAL_URL = approvals.url;
  server = await startWorkshopServer('human-approval');
  arn = await createStateMachine(server.sfn, 'human-approval', 'human-approval.asl.json', 'human-approval');
});
afterAll(async () => {
  await server?.close();
  await approvals?.close();
  await mailbox?.close();
  delete process.env.MAILBOX_URL;
  delete process.env.APPROVAL_URL;
});

/** Waits for the email about `requestId` to reach the mailbox. */
async function emailAbout(requestId: string): Promise<Email> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = mailbox.requests
      .map((request) => JSON.parse(request.body) as Email)
      .find((email) => email.subject.includes(`(${requestId})`));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no email about ${requestId}: ${server.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs an execution of `input`, following the link `choose` picks in its email; resolves with how it ended. */
async function runWithDecision(input: string, choose: (email: Email) => string) {
  const done = runToCompletion(server.sfn, arn, input);
  const email = await emailAbout(JSON.parse(input).requestId);
  const clicked = await fetch(choose(email));
  expect([clicked.status, await clicked.text()]).toEqual([200, 'Thank you, your decision was recorded.']);
  return { email, done: await done };
}

describe('workshop: human approval by email', () => {
  it('succeeds with the approval when the manager follows the approve link', async () => {
    const { email, done } = await runWithDecision(
      readExerciseFile('human-approval', 'input.json'),
      (mail) => mail.approveLink,
    );
    expect(email).toMatchObject({
      to: 'grace@example.com',
      subject: 'Approve 3 days of leave for Ada? (leave-42)',
      body: `Execution ${done.name} is waiting for your decision.`,
    });
    expect(email.approveLink).toMatch(new RegExp(`^${approvals.url}/approve\\?taskToken=.+`));
    expect(email.rejectLink).toMatch(new RegExp(`^${approvals.url}/reject\\?taskToken=.+`));
    expect([done.status, done.output && JSON.parse(done.output)], server.output()).toEqual([
      'SUCCEEDED',
      { requestId: 'leave-42', status: 'APPROVED', approvedBy: 'grace@example.com' },
    ]);
    const events = await historyOf(server.sfn, done.executionArn!);
    const scheduled = events.find((e) => e.type === 'TaskScheduled')!.taskScheduledEventDetails!;
    expect([scheduled.resourceType, scheduled.resource]).toEqual(['lambda', 'invoke.waitForTaskToken']);
    // The decision the approval server sent, not what the function returned, is the task's result.
    expect(JSON.parse(events.find((e) => e.type === 'TaskSucceeded')!.taskSucceededEventDetails!.output!)).toEqual({
      approvedBy: 'grace@example.com',
    });
  });

  it('fails with the rejection when the manager follows the reject link', async () => {
    const input = JSON.stringify({ requestId: 'leave-43', employee: 'Alan', manager: 'grace@example.com', days: 30 });
    const { done } = await runWithDecision(input, (mail) => mail.rejectLink);
    expect([done.status, done.error, done.cause], server.output()).toEqual([
      'FAILED',
      'ApprovalRejected',
      'grace@example.com rejected the request',
    ]);
    const events = await historyOf(server.sfn, done.executionArn!);
    expect(events.map((e) => e.type).slice(-2)).toEqual(['TaskFailed', 'ExecutionFailed']);
  });
});
