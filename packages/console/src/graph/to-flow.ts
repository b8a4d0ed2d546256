/**
 * A laid-out graph as React Flow's nodes and edges: children are positioned inside their container (`parentId`),
 * edges carry ELK's route in absolute coordinates, so that they are drawn as ELK routed them.
 */
import type { Edge, Node } from '@xyflow/react';
import type { EdgeKind, GraphNode, NodeInfo, Point } from './definition-graph.js';

/** The data of a node on the canvas. */
export type StateNodeData = NodeInfo & { status?: string; selected?: boolean } & Record<string, unknown>;

/** The data of an edge on the canvas. */
export interface RouteEdgeData extends Record<string, unknown> {
  kind: EdgeKind;
  points: Point[];
  label?: string;
  title?: string;
  labelPosition?: Point;
}

/** A laid-out graph, flattened: nodes in drawing order (containers before their children), and edges. */
export interface FlowGraph {
  nodes: Node<StateNodeData>[];
  edges: Edge<RouteEdgeData>[];
  width: number;
  height: number;
}

/** Flattens a laid-out ELK graph (the root itself is not a node). */
export function toFlow(root: GraphNode): FlowGraph {
  const nodes: Node<StateNodeData>[] = [];
  const edges: Edge<RouteEdgeData>[] = [];
  const visit = (node: GraphNode, parentId: string | undefined, origin: Point) => {
    for (const e of node.edges ?? []) {
      const section = e.sections?.[0];
      if (!section) continue;
      const shift = (p: Point) => ({ x: p.x + origin.x, y: p.y + origin.y });
      const label = e.labels?.[0];
      edges.push({
        id: e.id,
        source: e.sources[0],
        target: e.targets[0],
        type: 'route',
        data: {
          kind: e.kind,
          points: [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map(shift),
          label: label?.text,
          title: e.title,
          labelPosition:
            label?.x !== undefined
              ? shift({ x: label.x + label.width / 2, y: label.y! + label.height / 2 })
              : undefined,
        },
      });
    }
    for (const child of node.children ?? []) {
      const position = { x: child.x ?? 0, y: child.y ?? 0 };
      nodes.push({
        id: child.id,
        type:
          child.info.kind === 'state' || child.info.kind === 'start' || child.info.kind === 'end'
            ? child.info.kind
            : 'container',
        position,
        ...(parentId ? { parentId, extent: 'parent' as const } : {}),
        data: { ...child.info },
        width: child.width,
        height: child.height,
        style: { width: child.width, height: child.height },
        draggable: false,
        connectable: false,
        selectable: child.info.kind === 'state' || child.info.kind === 'container',
      });
      visit(child, child.id, { x: origin.x + position.x, y: origin.y + position.y });
    }
  };
  visit(root, undefined, { x: 0, y: 0 });
  return { nodes, edges, width: root.width ?? 0, height: root.height ?? 0 };
}
