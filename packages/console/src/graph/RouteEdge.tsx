/** An edge drawn along ELK's route, with its label (a Choice rule, `Default`, a Catch's errors). */
import { BaseEdge, type Edge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import type { Point } from './definition-graph.js';
import type { RouteEdgeData } from './to-flow.js';

/** An SVG path through the points, with rounded corners. */
export function routePath(points: Point[], radius = 6): string {
  if (points.length === 0) return '';
  let d = `M ${points[0].x} ${points[0].y}`;
  for (let i = 1; i < points.length; i++) {
    const p = points[i];
    const next = points[i + 1];
    if (!next) {
      d += ` L ${p.x} ${p.y}`;
      break;
    }
    const prev = points[i - 1];
    const r = Math.min(radius, distance(prev, p) / 2, distance(p, next) / 2);
    const a = towards(p, prev, r);
    const b = towards(p, next, r);
    d += ` L ${a.x} ${a.y} Q ${p.x} ${p.y} ${b.x} ${b.y}`;
  }
  return d;
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function towards(from: Point, to: Point, length: number): Point {
  const d = distance(from, to) || 1;
  return { x: from.x + ((to.x - from.x) * length) / d, y: from.y + ((to.y - from.y) * length) / d };
}

/** The edge component, for React Flow's `edgeTypes`. */
export function RouteEdge({ id, data, markerEnd }: EdgeProps<Edge<RouteEdgeData>>) {
  if (!data) return null;
  return (
    <>
      <BaseEdge
        id={id}
        path={routePath(data.points)}
        markerEnd={markerEnd}
        className={`graph-edge edge-${data.kind}`}
      />
      {data.label && data.labelPosition && (
        <EdgeLabelRenderer>
          <div
            className={`graph-edge-label edge-label-${data.kind}`}
            title={data.title}
            style={{
              transform: `translate(-50%, -50%) translate(${data.labelPosition.x}px, ${data.labelPosition.y}px)`,
            }}
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

/** The edge types, for React Flow's `edgeTypes`. */
export const edgeTypes = { route: RouteEdge };
