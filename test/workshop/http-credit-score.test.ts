// The workshop's HTTP Task against `lockstep serve`: an EventBridge connection (OAuth client credentials) created
// with the EventBridge SDK, a local credit-score API that wants its bearer token, and a Choice on the score.
import { CreateConnectionCommand, EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { CreateStateMachineCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalHttpServer, sendJson, startLocalHttpServer } from './local-http-server.js';
import {
  historyOf,
  readExerciseFile,
  runToCompletion,
  startWorkshopServer,
  type WorkshopServer,
} from './workshop-server.js';

const accessToken = 'token-for-lockstep';
const scores: Record<string, number> = { 'applicant-1': 742, 'applicant-2': 580 };

let server: WorkshopServer;
let tokenEndpoint: LocalHttpServer;
let creditApi: LocalHttpServer;
let arn: string;

beforeAll(async () => {
  tokenEndpoint = await startLocalHttpServer((request, response) => {
    const basic = `Basic ${Buffer.from('lockstep-client:client-secret').toString('base64')}`;
    if (request.headers.authorization !== basic || !request.body.includes('grant_type=client_credentials')) {
      sendJson(response, { error: 'invalid_client' }, 401);
      return;
    }
    sendJson(response, { access_token: accessToken, token_type: 'Bearer', expires_in: 3600 });
  });
  creditApi = await startLocalHttpServer((request, response) => {
    if (request.headers.authorization !== `Bearer ${accessToken}`) {
      sendJson(response, { message: 'Unauthorized' }, 401);
      return;
    }
    const applicantId = new URL(request.url, creditApi.url).searchParams.get('applicantId') ?? '';
    sendJson(response, { applicantId, score: scores[applicantId] ?? 0 });
  });
  server = await startWorkshopServer('http-credit-score');
  const events = new EventBridgeClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const { ConnectionArn } = await events.send(
    new CreateConnectionCommand({
      Name: 'credit-score',
      AuthorizationType: 'OAUTH_CLIENT_CREDENTIALS',
      AuthParameters: {
        OAuthParameters: {
          AuthorizationEndpoint: `${tokenEndpoint.url}/oauth/token`,
          HttpMethod: 'POST',
          ClientParameters: { ClientID: 'lockstep-client', ClientSecret: 'client-secret' },
        },
      },
    }),
  );
  events.destroy();
  // The definition names its API and connection as placeholders, replaced here as a user replaces them.
  const substitutions: Record<string, string> = {
    CreditScoreApiEndpoint: `${creditApi.url}/scores`,
    CreditScoreConnectionArn: ConnectionArn!,
  };
  const definition = readExerciseFile('http-credit-score', 'http-credit-score.asl.json').replace(
    /\$\{(\w+)\}/g,
    (_, name: string) => substitutions[name],
  );
  const created = await server.sfn.send(
    new CreateStateMachineCommand({
      name: 'http-credit-score',
      definition,
      roleArn: 'arn:aws:iam::123456789012:role/lockstep',
    }),
  );
  arn = created.stateMachineArn!;
});
afterAll(async () => {
  await server?.close();
  await creditApi?.close();
  await tokenEndpoint?.close();
});

describe('workshop: HTTP Task behind an OAuth connection', () => {
  it('approves a high score and declines a low one, asking the token endpoint once', async () => {
    const approved = await runToCompletion(server.sfn, arn, readExerciseFile('http-credit-score', 'input.json'));
    expect(
      [approved.status, approved.output && JSON.parse(approved.output)],
      `${approved.error}: ${approved.cause}`,
    ).toEqual(['SUCCEEDED', { applicantId: 'applicant-1', score: 742, decision: 'APPROVED' }]);
    const declined = await runToCompletion(server.sfn, arn, JSON.stringify({ applicantId: 'applicant-2' }));
    expect([declined.status, declined.output && JSON.parse(declined.output)], server.output()).toEqual([
      'SUCCEEDED',
      { applicantId: 'applicant-2', score: 580, decision: 'DECLINED' },
    ]);

    // The connection's token is cached: one token request serves both executions.
    expect(tokenEndpoint.requests.map((r) => [r.method, r.url])).toEqual([['POST', '/oauth/token']]);
    expect(creditApi.requests.map((r) => [r.url, r.headers.authorization])).toEqual([
      ['/scores?applicantId=applicant-1', `Bearer ${accessToken}`],
      ['/scores?applicantId=applicant-2', `Bearer ${accessToken}`],
    ]);

    const events = await historyOf(server.sfn, declined.executionArn!);
    expect(events.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'ChoiceStateEntered',
      'ChoiceStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    const scheduled = events.find((e) => e.type === 'TaskScheduled')!.taskScheduledEventDetails!;
    expect([scheduled.resourceType, scheduled.resource]).toEqual(['http', 'invoke']);
  });
});
