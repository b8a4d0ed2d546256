// Module state survives between invocations of a warm worker.
import { threadId } from 'node:worker_threads';

let invocations = 0;
export const handler = async (event) => {
  invocations += 1;
  if (event?.holdMs) await new Promise((resolve) => setTimeout(resolve, event.holdMs));
  return { invocations, threadId };
};
