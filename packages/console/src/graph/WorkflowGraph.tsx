/**
 * A state machine's graph: laid out by ELK in a worker, drawn with React Flow (zoom, pan, fit), vertical or
 * horizontal, exportable as SVG or PNG. On an execution's page the states are coloured by their status.
 */
import {
  Background,
  Controls,
  type FitViewOptions,
  MarkerType,
  MiniMap,
  type Node,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type Direction, definitionGraph } from './definition-graph.js';
import { download, graphToSvg, svgToPng } from './export-image.js';
import { layoutGraph } from './layout.js';
import { edgeTypes } from './RouteEdge.js';
import { nodeTypes } from './StateNode.js';
import { type FlowGraph, type StateNodeData, toFlow } from './to-flow.js';

/** Props of {@link WorkflowGraph}. */
export interface WorkflowGraphProps {
  /** The parsed definition (the last valid one while the user types). */
  definition: unknown;
  /** Each state's status on an execution's page, by state name. */
  statuses?: ReadonlyMap<string, string>;
  selectedState?: string;
  onSelectState?: (name: string | undefined) => void;
  /** The name of exported files, without extension. */
  exportName?: string;
}

/** The graph, with its toolbar. */
export function WorkflowGraph(props: WorkflowGraphProps) {
  return (
    <ReactFlowProvider>
      <GraphCanvas {...props} />
    </ReactFlowProvider>
  );
}

function GraphCanvas({
  definition,
  statuses,
  selectedState,
  onSelectState,
  exportName = 'state-machine',
}: WorkflowGraphProps) {
  const [direction, setDirection] = useState<Direction>('DOWN');
  const [flow, setFlow] = useState<FlowGraph>();
  const [error, setError] = useState<string>();
  const reactFlow = useReactFlow();
  // What the graph is fitted to: all of it, or the start of a large one.
  const view = useRef<FitViewOptions>(FIT_ALL);

  useEffect(() => {
    if (!definition || typeof definition !== 'object') return;
    let current = true;
    const started = performance.now();
    layoutGraph(definitionGraph(definition as Record<string, unknown>, direction)).then(
      (laidOut) => {
        if (!current) return;
        performance.measure('graph-layout', { start: started, end: performance.now() });
        const laidOutFlow = toFlow(laidOut);
        setFlow(laidOutFlow);
        setError(undefined);
        view.current = initialView(laidOutFlow);
        requestAnimationFrame(() => reactFlow.fitView(view.current));
      },
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [definition, direction, reactFlow]);

  // The frame changes size when a side panel opens or the window is resized: fit the graph to it again.
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const observer = new ResizeObserver(() => reactFlow.fitView(view.current));
    observer.observe(frame.current!);
    return () => observer.disconnect();
  }, [reactFlow]);

  const nodes = useMemo(
    () =>
      flow?.nodes.map(
        (node): Node<StateNodeData> => ({
          ...node,
          data: {
            ...node.data,
            status: node.data.stateName ? statuses?.get(node.data.stateName) : undefined,
            selected: node.data.stateName !== undefined && node.data.stateName === selectedState,
          },
        }),
      ) ?? [],
    [flow, statuses, selectedState],
  );
  const edges = useMemo(
    () =>
      flow?.edges.map((edge) => ({
        ...edge,
        // Above the containers' tinted backgrounds (ELK routes edges around nodes, so they hide nothing).
        zIndex: EDGE_LAYER,
        markerEnd: {
          type: MarkerType.ArrowClosed,
          width: 16,
          height: 16,
          color: edge.data?.kind === 'catch' ? '#dc2626' : '#64748b',
        },
      })) ?? [],
    [flow],
  );

  const exportSvg = () =>
    flow && download(new Blob([graphToSvg(withStatus(flow, nodes))], { type: 'image/svg+xml' }), `${exportName}.svg`);
  const exportPng = async () =>
    flow && download(await svgToPng(graphToSvg(withStatus(flow, nodes))), `${exportName}.png`);

  return (
    <div className="graph" ref={frame} data-testid="graph" data-laid-out={flow ? 'true' : 'false'}>
      <div className="graph-toolbar" role="toolbar" aria-label="Graph">
        <button
          type="button"
          className="button small"
          onClick={() => setDirection(direction === 'DOWN' ? 'RIGHT' : 'DOWN')}
          aria-label={direction === 'DOWN' ? 'Lay out horizontally' : 'Lay out vertically'}
        >
          {direction === 'DOWN' ? '↦ Horizontal' : '↧ Vertical'}
        </button>
        <button type="button" className="button small" onClick={() => reactFlow.fitView(FIT_ALL)}>
          Fit
        </button>
        <button type="button" className="button small" onClick={exportSvg} disabled={!flow}>
          Export SVG
        </button>
        <button type="button" className="button small" onClick={exportPng} disabled={!flow}>
          Export PNG
        </button>
      </div>
      {error && <p className="graph-error">Layout failed: {error}</p>}
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        onlyRenderVisibleElements={nodes.length > 150}
        minZoom={0.05}
        maxZoom={2.5}
        proOptions={{ hideAttribution: true }}
        onNodeClick={(_, node) => onSelectState?.((node.data as StateNodeData).stateName)}
        onPaneClick={() => onSelectState?.(undefined)}
        ariaLabelConfig={{ 'node.a11yDescription.default': 'A state. Press Enter to select it.' }}
        onNodesChange={(changes) => {
          // Selecting with the keyboard (Tab to a state, then Enter) arrives as a change, like a click.
          const chosen = changes.find((c) => c.type === 'select' && c.selected);
          const name = chosen?.type === 'select' ? nodes.find((n) => n.id === chosen.id)?.data.stateName : undefined;
          if (name && name !== selectedState) onSelectState?.(name);
        }}
      >
        <Background gap={20} size={1} color="#e2e8f0" />
        <Controls showInteractive={false} />
        {nodes.length > 30 && <MiniMap pannable zoomable />}
      </ReactFlow>
    </div>
  );
}

const EDGE_LAYER = 1000;
const FIT_ALL: FitViewOptions = { padding: 0.08, maxZoom: 1.2 };
/** Beyond this many nodes the whole graph would be too small to read: the view opens on its start instead. */
const LARGE_GRAPH = 60;

function initialView(flow: FlowGraph): FitViewOptions {
  if (flow.nodes.length <= LARGE_GRAPH) return FIT_ALL;
  const top = flow.nodes.filter((n) => !n.parentId);
  return { ...FIT_ALL, nodes: top.slice(0, 12).map((n) => ({ id: n.id })) };
}

function withStatus(flow: FlowGraph, nodes: Node<StateNodeData>[]): FlowGraph {
  return { ...flow, nodes };
}
