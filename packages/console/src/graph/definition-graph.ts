/**
 * A state machine definition as a graph to lay out (ELK's JSON graph): a node per state, Parallel and Map states as
 * containers (a Parallel holds one box per branch, a Map its item processor), edges for `Next`, `Default`, each
 * Choice rule (labelled with the rule) and each Catch (labelled with its errors). The top level gets Start and End.
 * Pure: it runs in tests, in the browser and in the layout worker alike.
 */
import { ruleLabel } from './rule-label.js';

/** The kind of an edge, which decides how it is drawn. */
export type EdgeKind = 'next' | 'choice' | 'default' | 'catch';

/** What a node shows. */
export interface NodeInfo {
  /** `state` (a state without children), `container` (Parallel/Map), `branch` (a Parallel's branch), start, end. */
  kind: 'state' | 'container' | 'branch' | 'start' | 'end';
  /** The state's name (for states and containers); a branch's label otherwise. */
  label: string;
  /** The ASL state type (for states and containers). */
  stateType?: string;
  /** A short description under the name: a Task's resource, a Wait's time. */
  detail?: string;
  /** The state's name, by which execution history refers to it. */
  stateName?: string;
}

/** An ELK node, with what the console draws in `info`. */
export interface GraphNode {
  id: string;
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  layoutOptions?: Record<string, string>;
  children?: GraphNode[];
  edges?: GraphEdge[];
  info: NodeInfo;
}

/** An ELK edge. */
export interface GraphEdge {
  id: string;
  sources: string[];
  targets: string[];
  labels?: { text: string; width: number; height: number; x?: number; y?: number }[];
  sections?: { startPoint: Point; endPoint: Point; bendPoints?: Point[] }[];
  kind: EdgeKind;
  /** The full text of the label (rules are cut short on the graph). */
  title?: string;
}

/** A point. */
export interface Point {
  x: number;
  y: number;
}

/** The layout direction: top to bottom, or left to right. */
export type Direction = 'DOWN' | 'RIGHT';

const STATE_HEIGHT = 46;
const CHAR_WIDTH = 7.2;
const LABEL_HEIGHT = 16;

/** ELK's options for every level of the graph. */
export function layoutOptions(direction: Direction): Record<string, string> {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': direction,
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.layered.spacing.nodeNodeBetweenLayers': '48',
    'elk.spacing.nodeNode': '28',
    'elk.spacing.edgeLabel': '4',
    'elk.layered.spacing.edgeNodeBetweenLayers': '20',
    'elk.edgeLabels.placement': 'CENTER',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.padding': '[top=40,left=16,bottom=16,right=16]',
  };
}

type Json = Record<string, unknown>;

/** The graph of a definition (an object with `StartAt` and `States`). */
export function definitionGraph(definition: Json, direction: Direction = 'DOWN'): GraphNode {
  const options = layoutOptions(direction);
  const root: GraphNode = {
    id: 'root',
    layoutOptions: { ...options, 'elk.padding': '[top=16,left=16,bottom=16,right=16]' },
    children: [],
    edges: [],
    info: { kind: 'branch', label: '' },
  };
  const ids = addBlock(root, definition, '', options);
  root.children!.unshift({ id: 'start', width: 64, height: 30, info: { kind: 'start', label: 'Start' } });
  root.children!.push({ id: 'end', width: 64, height: 30, info: { kind: 'end', label: 'End' } });
  const startAt = typeof definition.StartAt === 'string' ? ids.get(definition.StartAt) : undefined;
  if (startAt) root.edges!.unshift(edge('start', startAt, 'next'));
  for (const [name, state] of statesOf(definition)) {
    if (state.End === true || state.Type === 'Succeed' || state.Type === 'Fail') {
      root.edges!.push(edge(ids.get(name)!, 'end', 'next'));
    }
  }
  numberEdges(root, { next: 0 });
  return root;
}

/** Gives every edge a unique id (two rules may lead to the same state with the same label). */
function numberEdges(node: GraphNode, counter: { next: number }): void {
  for (const e of node.edges ?? []) e.id = `e${counter.next++}`;
  for (const child of node.children ?? []) numberEdges(child, counter);
}

function statesOf(block: Json): [string, Json][] {
  const states = block.States;
  if (!states || typeof states !== 'object' || Array.isArray(states)) return [];
  return Object.entries(states as Json).filter(
    (entry): entry is [string, Json] => !!entry[1] && typeof entry[1] === 'object' && !Array.isArray(entry[1]),
  );
}

/** Adds a block's states and edges to `parent`; returns the node id of each state name. */
function addBlock(
  parent: GraphNode,
  block: Json,
  prefix: string,
  options: Record<string, string>,
): Map<string, string> {
  const ids = new Map<string, string>();
  const states = statesOf(block);
  for (const [name] of states) ids.set(name, `${prefix}${name}`);
  for (const [name, state] of states) parent.children!.push(stateNode(ids.get(name)!, name, state, options));
  for (const [name, state] of states) {
    const from = ids.get(name)!;
    const to = (target: unknown) => (typeof target === 'string' ? ids.get(target) : undefined);
    const add = (target: unknown, kind: EdgeKind, label?: string, title?: string) => {
      const id = to(target);
      if (id) parent.edges!.push(edge(from, id, kind, label, title));
    };
    if (state.Type === 'Choice') {
      for (const rule of Array.isArray(state.Choices) ? (state.Choices as Json[]) : []) {
        if (rule && typeof rule === 'object') add(rule.Next, 'choice', ruleLabel(rule), undefined);
      }
      add(state.Default, 'default', 'Default');
    } else {
      add(state.Next, 'next');
    }
    for (const catcher of Array.isArray(state.Catch) ? (state.Catch as Json[]) : []) {
      if (!catcher || typeof catcher !== 'object') continue;
      const errors = Array.isArray(catcher.ErrorEquals) ? catcher.ErrorEquals.join(', ') : 'error';
      add(catcher.Next, 'catch', `Catch: ${errors.length > 40 ? `${errors.slice(0, 39)}…` : errors}`, errors);
    }
  }
  return ids;
}

function stateNode(id: string, name: string, state: Json, options: Record<string, string>): GraphNode {
  const type = typeof state.Type === 'string' ? state.Type : '?';
  const info: NodeInfo = { kind: 'state', label: name, stateType: type, detail: detailOf(state), stateName: name };
  // Wide enough for the container's title.
  const container = {
    ...options,
    'elk.nodeSize.constraints': 'MINIMUM_SIZE',
    'elk.nodeSize.minimum': `(${Math.round((name.length + type.length + 2) * CHAR_WIDTH + 40)}, 60)`,
  };
  if (type === 'Parallel' && Array.isArray(state.Branches)) {
    // Branches side by side, as one layer, rather than packed as separate components.
    const layout = { ...container, 'elk.separateConnectedComponents': 'false' };
    const node: GraphNode = {
      id,
      layoutOptions: layout,
      children: [],
      edges: [],
      info: { ...info, kind: 'container' },
    };
    state.Branches.forEach((branch, index) => {
      const box: GraphNode = {
        id: `${id}/${index}`,
        layoutOptions: { ...options, 'elk.padding': '[top=28,left=12,bottom=12,right=12]' },
        children: [],
        edges: [],
        info: { kind: 'branch', label: `Branch ${index + 1}` },
      };
      if (branch && typeof branch === 'object') addBlock(box, branch as Json, `${id}/${index}/`, options);
      node.children!.push(box);
    });
    return node;
  }
  const processor = (state.ItemProcessor ?? state.Iterator) as Json | undefined;
  if (type === 'Map' && processor && typeof processor === 'object') {
    const node: GraphNode = {
      id,
      layoutOptions: container,
      children: [],
      edges: [],
      info: { ...info, kind: 'container' },
    };
    addBlock(node, processor, `${id}/`, options);
    return node;
  }
  const longest = Math.max(name.length, (info.detail ?? '').length * 0.85, 6);
  return { id, width: Math.min(320, Math.round(longest * CHAR_WIDTH + 56)), height: STATE_HEIGHT, info };
}

function detailOf(state: Json): string | undefined {
  if (state.Type === 'Task' && typeof state.Resource === 'string') {
    const resource = state.Resource;
    const service = /^arn:aws:states:::([^:]+(?::[^:]+)?)/.exec(resource);
    if (service) return service[1];
    return resource.split(':').slice(-2).join(':');
  }
  if (state.Type === 'Wait') {
    for (const key of ['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath']) {
      if (state[key] !== undefined) return `${key} ${String(state[key])}`;
    }
  }
  return undefined;
}

function edge(from: string, to: string, kind: EdgeKind, label?: string, title?: string): GraphEdge {
  const e: GraphEdge = { id: '', sources: [from], targets: [to], kind };
  if (label) {
    e.labels = [{ text: label, width: Math.round(label.length * 6.4 + 12), height: LABEL_HEIGHT }];
    e.title = title ?? label;
  }
  return e;
}
