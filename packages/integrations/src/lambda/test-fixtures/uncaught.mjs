// With event.escape, an error thrown outside the handler's promise chain; otherwise the worker's thread id.
import { threadId } from 'node:worker_threads';
export const handler = (event) => {
  if (!event.escape) return Promise.resolve(threadId);
  setTimeout(() => {
    throw new TypeError('escaped');
  }, 1);
};
