/**
 * What the SDK suites share: one in-process server, one client of it, and the log of the operations called.
 */
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { InProcessServer } from '../support/in-process-server.js';
import type { CallLog } from '../support/sdk-client.js';

/** Read inside tests only: the server starts in `beforeAll`. */
export interface SdkSuiteContext {
  readonly server: InProcessServer;
  /** A client of the server that records each call in {@link SdkSuiteContext.calls}. */
  readonly sfn: SFNClient;
  readonly calls: CallLog;
}

/** A definition whose Pass states run one after the other, each setting `$.<its name>` to its position (1, 2...). */
export function passChain(...names: string[]): string {
  const states = Object.fromEntries(
    names.map((name, i) => [
      name,
      {
        Type: 'Pass',
        Result: i + 1,
        ResultPath: `$.${name}`,
        ...(i + 1 < names.length ? { Next: names[i + 1] } : { End: true }),
      },
    ]),
  );
  return JSON.stringify({ StartAt: names[0], States: states });
}

/** A definition that waits an hour: its executions stay RUNNING for the whole test. */
export const WAIT_AN_HOUR = JSON.stringify({
  StartAt: 'Wait',
  States: { Wait: { Type: 'Wait', Seconds: 3600, End: true } },
});
