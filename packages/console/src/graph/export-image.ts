/**
 * Exports a laid-out graph as an SVG drawing (built from the layout, not copied from the page, so that it is
 * complete whatever is on screen) or as a PNG rendered from that SVG.
 */
import type { Point } from './definition-graph.js';
import { routePath } from './RouteEdge.js';
import type { FlowGraph } from './to-flow.js';

const FILL: Record<string, string> = {
  succeeded: '#dcfce7',
  failed: '#fee2e2',
  caught: '#ffedd5',
  running: '#dbeafe',
  aborted: '#e5e7eb',
};

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** The graph as a standalone SVG document. */
export function graphToSvg(flow: FlowGraph): string {
  const absolute = new Map<string, Point>();
  const parts: string[] = [];
  for (const node of flow.nodes) {
    const parent = node.parentId ? absolute.get(node.parentId)! : { x: 0, y: 0 };
    const at = { x: parent.x + node.position.x, y: parent.y + node.position.y };
    absolute.set(node.id, at);
    const { width = 0, height = 0 } = node;
    const d = node.data;
    const fill = d.status ? FILL[d.status] : d.kind === 'branch' ? '#f8fafc' : '#ffffff';
    const rx = d.kind === 'start' || d.kind === 'end' ? height / 2 : 8;
    const dash = d.kind === 'branch' ? ' stroke-dasharray="4 3"' : '';
    parts.push(
      `<rect x="${at.x}" y="${at.y}" width="${width}" height="${height}" rx="${rx}" fill="${fill}" stroke="#94a3b8"${dash}/>`,
    );
    const centred = d.kind === 'state' || d.kind === 'start' || d.kind === 'end';
    const tx = centred ? at.x + width / 2 : at.x + 10;
    const ty = centred ? at.y + height / 2 + 4 : at.y + 18;
    parts.push(
      `<text x="${tx}" y="${ty}" text-anchor="${centred ? 'middle' : 'start'}" font-size="12">${escapeXml(
        d.kind === 'container' ? `${d.stateType} ${d.label}` : d.label,
      )}</text>`,
    );
  }
  for (const edge of flow.edges) {
    const data = edge.data!;
    const dash = data.kind === 'catch' ? ' stroke-dasharray="6 4"' : '';
    const colour = data.kind === 'catch' ? '#dc2626' : '#64748b';
    parts.push(
      `<path d="${routePath(data.points)}" fill="none" stroke="${colour}" stroke-width="1.5"${dash} marker-end="url(#arrow)"/>`,
    );
    if (data.label && data.labelPosition) {
      const { x, y } = data.labelPosition;
      parts.push(
        `<text x="${x}" y="${y + 4}" text-anchor="middle" font-size="11" fill="#334155">${escapeXml(data.label)}</text>`,
      );
    }
  }
  const width = Math.ceil(flow.width);
  const height = Math.ceil(flow.height);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="system-ui, sans-serif"><defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" ` +
    `markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#64748b"/>` +
    `</marker></defs><rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}</svg>`
  );
}

/** Offers `blob` as a download named `fileName`. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The SVG drawn on a canvas at twice its size, as PNG. */
export async function svgToPng(svg: string): Promise<Blob> {
  const image = new Image();
  const loaded = new Promise((resolve, reject) => {
    image.onload = resolve;
    image.onerror = reject;
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = image.width * 2;
  canvas.height = image.height * 2;
  const context = canvas.getContext('2d')!;
  context.scale(2, 2);
  context.drawImage(image, 0, 0);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG export failed'))), 'image/png'),
  );
}
