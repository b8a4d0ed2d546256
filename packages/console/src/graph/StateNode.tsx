/** How states look on the graph: one node type per kind (state, Parallel/Map container, branch, Start, End). */
import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import type { StateNodeData } from './to-flow.js';

type Props = NodeProps<Node<StateNodeData>>;

/** Invisible anchors: edges are drawn along ELK's routes, but React Flow wants both ends to have a handle. */
function Anchors() {
  return (
    <>
      <Handle type="target" position={Position.Top} className="graph-handle" isConnectable={false} />
      <Handle type="source" position={Position.Bottom} className="graph-handle" isConnectable={false} />
    </>
  );
}

function statusClass(data: StateNodeData): string {
  return `${data.status ? ` status-${data.status}` : ''}${data.selected ? ' is-selected' : ''}`;
}

/** A state without children. */
export function StateNode({ data }: Props) {
  return (
    <div
      className={`graph-state type-${data.stateType}${statusClass(data)}`}
      title={`${data.label} (${data.stateType})${data.status ? `: ${data.status}` : ''}`}
      data-state={data.stateName}
      data-status={data.status}
    >
      <Anchors />
      <span className="graph-state-type">{data.stateType}</span>
      <span className="graph-state-name">{data.label}</span>
      {data.detail && <span className="graph-state-detail">{data.detail}</span>}
    </div>
  );
}

/** A Parallel or Map state, around its branches or item processor; or a branch of a Parallel. */
export function ContainerNode({ data }: Props) {
  if (data.kind === 'branch') {
    return (
      <div className="graph-branch">
        <Anchors />
        <span className="graph-branch-label">{data.label}</span>
      </div>
    );
  }
  return (
    <div
      className={`graph-container type-${data.stateType}${statusClass(data)}`}
      data-state={data.stateName}
      data-status={data.status}
    >
      <Anchors />
      <span className="graph-container-label">
        <span className="graph-state-type">{data.stateType}</span> {data.label}
      </span>
    </div>
  );
}

/** The Start and End markers. */
export function TerminalNode({ data }: Props) {
  return (
    <div className={`graph-terminal graph-${data.kind}`}>
      <Anchors />
      {data.label}
    </div>
  );
}

/** The node types, for React Flow's `nodeTypes`. */
export const nodeTypes = { state: StateNode, container: ContainerNode, start: TerminalNode, end: TerminalNode };
