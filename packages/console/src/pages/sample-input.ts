/**
 * The input a machine's "Start execution" proposes: the last one started from this browser, else the example's
 * sample input it was created with (kept in localStorage, by state machine ARN).
 */

const key = (stateMachineArn: string) => `lockstep:input:${stateMachineArn}`;

/** Remembers `input` for the machine's next execution. */
export function rememberInput(stateMachineArn: string, input: string): void {
  try {
    localStorage.setItem(key(stateMachineArn), input);
  } catch {
    // Storage may be unavailable (private windows); the input is then simply not proposed again.
  }
}

/** The input to propose, `{}` when there is none. */
export function proposedInput(stateMachineArn: string): string {
  try {
    return localStorage.getItem(key(stateMachineArn)) ?? '{}';
  } catch {
    return '{}';
  }
}
