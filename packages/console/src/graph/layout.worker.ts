/**
 * The layout worker: runs ELK off the main thread, so that a large graph does not freeze the page while it is laid
 * out. Receives `{id, graph}` and answers `{id, graph}` (laid out) or `{id, error}`.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { GraphNode } from './definition-graph.js';

const elk = new ELK();

self.onmessage = async (event: MessageEvent<{ id: number; graph: GraphNode }>) => {
  const { id, graph } = event.data;
  try {
    const laidOut = await elk.layout(graph as never);
    self.postMessage({ id, graph: laidOut });
  } catch (error) {
    self.postMessage({ id, error: String(error) });
  }
};
