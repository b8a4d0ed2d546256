/** Lays out a graph with ELK in the layout worker (one worker, shared by every graph of the page). */
import type { GraphNode } from './definition-graph.js';

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (graph: GraphNode) => void; reject: (error: Error) => void }>();

function layoutWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ id: number; graph?: GraphNode; error?: string }>) => {
      const request = pending.get(event.data.id);
      pending.delete(event.data.id);
      if (event.data.graph) request?.resolve(event.data.graph);
      else request?.reject(new Error(event.data.error ?? 'layout failed'));
    };
  }
  return worker;
}

/** The graph with positions (`x`, `y`, sizes, edge sections and label positions) filled in by ELK. */
export function layoutGraph(graph: GraphNode): Promise<GraphNode> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    layoutWorker().postMessage({ id, graph });
  });
}

/**
 * Starts the worker and has ELK lay out a tiny graph, so that the first real graph does not wait for the worker's
 * script to load and for ELK's first, slowest run. Called when the page is idle.
 */
export function prepareLayout(): void {
  void layoutGraph({
    id: 'root',
    layoutOptions: { 'elk.algorithm': 'layered' },
    children: [
      { id: 'a', width: 10, height: 10, info: { kind: 'state', label: 'a' } },
      { id: 'b', width: 10, height: 10, info: { kind: 'state', label: 'b' } },
    ],
    edges: [{ id: 'e', sources: ['a'], targets: ['b'], kind: 'next' }],
    info: { kind: 'branch', label: '' },
  });
}
