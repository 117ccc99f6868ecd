// Topology -> Mermaid flowchart text. Every label is entity-escaped and every id generated, so no
// text in the file can break the diagram's syntax or smuggle in a Mermaid directive.
import type { EdgeKind, NodeKind, NodeRole, Topology, TopologyEdge, TopologyNode } from './topology/topology';

/** Layout directions Mermaid flowcharts support. */
export type DiagramDirection = 'LR' | 'TB' | 'RL' | 'BT';

/** Role colours, after the study notes: orange primaries/writers, green replicas/readers, blue storage. */
export const ROLE_STYLES: Record<NodeRole, string> = {
  primary: 'fill:#ff922b,stroke:#d9480f,color:#1a1a1a',
  standby: 'fill:#ffd8a8,stroke:#d9480f,color:#1a1a1a,stroke-dasharray:4 3',
  replica: 'fill:#51cf66,stroke:#2b8a3e,color:#1a1a1a',
  storage: 'fill:#74c0fc,stroke:#1864ab,color:#1a1a1a',
  cache: 'fill:#e599f7,stroke:#862e9c,color:#1a1a1a',
  analytics: 'fill:#ffe066,stroke:#e67700,color:#1a1a1a',
  application: 'fill:#dee2e6,stroke:#495057,color:#1a1a1a',
  external: 'fill:#ced4da,stroke:#343a40,color:#1a1a1a,stroke-dasharray:6 3',
};

/** Which part of the topology a diagram shows. */
export type DiagramView = { kind: 'all' } | { kind: 'region'; region: string } | { kind: 'database'; database: string };

/** How to draw a diagram. */
export interface DiagramOptions {
  direction?: DiagramDirection;
  /** The whole topology (default), one Region, or one database with what connects to it. */
  view?: DiagramView;
}

/** One box of a drawn diagram, for the preview to map back to the file. */
export interface DiagramNode {
  /** The Mermaid id (`n0`, `n1`, ...): generated, never taken from the file. */
  id: string;
  /** The Topology node it draws. */
  topologyId: string;
  label: string;
  kind: NodeKind;
  role: NodeRole;
  /** Where it is defined in the file. */
  pointer: string;
  database?: string;
  region?: string;
}

/** A Mermaid flowchart and the nodes it draws. */
export interface Diagram {
  text: string;
  nodes: DiagramNode[];
  edgeCount: number;
}

/** Renders a topology as a Mermaid flowchart; deterministic for the same topology. */
export function toMermaid(topology: Topology, direction: DiagramDirection = 'LR'): string {
  return renderDiagram(topology, { direction }).text;
}

/** Renders a topology (or one view of it) as a Mermaid flowchart with its node map. */
export function renderDiagram(topology: Topology, options: DiagramOptions = {}): Diagram {
  const direction = options.direction ?? 'LR';
  const ids = new Map<string, string>();
  topology.nodes.forEach((node, index) => ids.set(node.id, `n${index}`));
  const lines: string[] = [`flowchart ${direction}`];
  const nodeLine = (node: TopologyNode, indent: string): string => `${indent}${ids.get(node.id)}${shape(node.kind, label(node))}`;

  topology.regions.forEach((region, regionIndex) => {
    lines.push(`  subgraph r${regionIndex}["${escapeLabel(`Region ${region.region}`)}"]`);
    region.azs.forEach((az, azIndex) => {
      lines.push(`    subgraph r${regionIndex}z${azIndex}["${escapeLabel(`AZ ${az.az}`)}"]`);
      for (const id of az.nodes) lines.push(nodeLine(topology.nodeById.get(id)!, '      '));
      lines.push('    end');
    });
    for (const id of region.regional) lines.push(nodeLine(topology.nodeById.get(id)!, '    '));
    lines.push('  end');
  });
  for (const id of topology.outside) lines.push(nodeLine(topology.nodeById.get(id)!, '  '));

  let edgeCount = 0;
  for (const edge of topology.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (from && to) {
      lines.push(`  ${from} ${arrow(edge)} ${to}`);
      edgeCount++;
    }
  }

  for (const [role, style] of Object.entries(ROLE_STYLES)) lines.push(`  classDef ${role} ${style}`);
  const byRole = new Map<NodeRole, string[]>();
  for (const node of topology.nodes) {
    const list = byRole.get(node.role) ?? [];
    list.push(ids.get(node.id)!);
    byRole.set(node.role, list);
  }
  for (const [role, nodeIds] of byRole) lines.push(`  class ${nodeIds.join(',')} ${role}`);
  const nodes: DiagramNode[] = topology.nodes.map((node) => ({
    id: ids.get(node.id)!,
    topologyId: node.id,
    label: node.label,
    kind: node.kind,
    role: node.role,
    pointer: node.pointer,
    database: node.database,
    region: node.region,
  }));
  return { text: lines.join('\n') + '\n', nodes, edgeCount };
}

function label(node: TopologyNode): string {
  const title = node.count && node.count > 1 && node.kind !== 'redshift-compute' && node.kind !== 'dax' ? `${node.label} (x${node.count})` : node.label;
  return node.detail ? `${escapeLabel(title)}<br/><small>${escapeLabel(node.detail)}</small>` : escapeLabel(title);
}

function shape(kind: NodeKind, text: string): string {
  switch (kind) {
    case 'cluster-volume':
    case 'dynamodb-table':
    case 'dynamodb-global-replica':
    case 's3':
      return `[("${text}")]`;
    case 'application':
      return `(["${text}"])`;
    case 'external-source':
      return `{{"${text}"}}`;
    case 'dynamodb-index':
      return `[/"${text}"/]`;
    default:
      return `["${text}"]`;
  }
}

const arrows: Record<EdgeKind, string> = {
  'sync-replication': '==>',
  'async-replication': '-.->',
  storage: '---',
  'global-replication': '-.->',
  index: '-.->',
  connection: '-->',
  migration: '==>',
  cache: '-.-',
  stream: '-.->',
  spectrum: '-.-',
};

function arrow(edge: TopologyEdge): string {
  const text = edge.label ? `|"${escapeLabel(edge.label)}"|` : '';
  return `${arrows[edge.kind]}${text}`;
}

/**
 * Escapes text for a quoted Mermaid label: everything but letters, digits, spaces and a few safe
 * punctuation marks becomes an entity code (`#35;`), so quotes, brackets, pipes, `%%` and HTML
 * cannot end the label or start a directive.
 */
export function escapeLabel(text: string): string {
  let result = '';
  for (const character of text) {
    if (/^[\p{L}\p{N} .,:/()_+@-]$/u.test(character)) result += character;
    else result += `#${character.codePointAt(0)};`;
  }
  return result;
}
