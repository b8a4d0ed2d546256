/**
 * `@aws-sdk/client-sfn` clients for the compat tests, the failure an SDK call rejects with (as the SDK names it),
 * and a log of which operations were called with which outcome.
 */
import { SFNClient, type SFNClientConfig, SFNServiceException } from '@aws-sdk/client-sfn';

/** The role every test state machine names (Lockstep never assumes it). */
export const ROLE_ARN = 'arn:aws:iam::123456789012:role/lockstep';

/** The ARN prefix of the default account and region. */
export const ARN_PREFIX = 'arn:aws:states:us-east-1:123456789012';

/** An SDK failure: the error name (`__type` after `#`), AWS's message and the HTTP status. */
export interface SdkFailure {
  name: string;
  message: string;
  status: number | undefined;
}

/** Operation name -> the outcomes seen (`ok`, `error`). */
export type CallLog = Map<string, Set<'ok' | 'error'>>;

/**
 * A client of `endpoint` with dummy credentials and no retries (a retried failure would only slow the tests). When
 * `log` is given, every call's operation and outcome is recorded in it.
 */
export function sfnClient(endpoint: string, config: Partial<SFNClientConfig> = {}, log?: CallLog): SFNClient {
  const client = new SFNClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'lockstep', secretAccessKey: 'lockstep' },
    maxAttempts: 1,
    ...config,
  });
  if (log) {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = String(context.commandName).replace(/Command$/, '');
        const outcomes = log.get(operation) ?? new Set();
        log.set(operation, outcomes);
        try {
          const result = await next(args);
          outcomes.add('ok');
          return result;
        } catch (error) {
          outcomes.add('error');
          throw error;
        }
      },
      { step: 'initialize', name: 'lockstepCallLog' },
    );
  }
  return client;
}

/** The service error a call rejects with; fails the test when the call succeeds or fails some other way. */
export async function failureOf(call: Promise<unknown>): Promise<SdkFailure> {
  try {
    await call;
  } catch (error) {
    if (error instanceof SFNServiceException) {
      return { name: error.name, message: error.message, status: error.$metadata.httpStatusCode };
    }
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** Polls `read` every 10 ms until `done` holds for its result; fails after `timeoutMs`. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
