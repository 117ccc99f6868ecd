// Topology -> Mermaid flowchart text. Every label is escaped and every id generated, so no text in the
// file can break the diagram's syntax or smuggle in a Mermaid directive. The preview renders with
// `securityLevel: 'strict'` and SVG text labels (`htmlLabels: false`, so PNG export works): there,
// Mermaid shows entity codes such as `#34;` literally and drops `<`/`>`, so labels carry look-alike
// characters and invisible word joiners instead (see `escapeLabel`).
import type { ConnectionFate, NodeFate } from './failure/types';
import * as l10n from './l10n';
import { isWideCharacter } from './text';
import type { EdgeKind, NodeKind, NodeRole, Topology, TopologyEdge, TopologyNode } from './topology/topology';

/** Layout directions Mermaid flowcharts support. */
export type DiagramDirection = 'LR' | 'TB' | 'RL' | 'BT';

/**
 * Role colours, after the study notes: orange primaries/writers, green replicas/readers, blue storage.
 * Every fill is light enough for the dark text set here, and classDef colours win over the Mermaid
 * theme, so node text reads the same in VS Code's light and dark themes.
 */
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

/**
 * Region and AZ boxes: a faint grey tint and a grey outline that show on white and on a dark
 * background alike; their titles keep the theme's text colour.
 */
export const GROUP_STYLES = {
  region: 'fill:#868e9612,stroke:#868e96,stroke-width:2px',
  az: 'fill:#868e960d,stroke:#adb5bd,stroke-width:1px,stroke-dasharray:5 4',
} as const;

/** A neighbour drawn only for context in a Region or database view: dashed and smaller. */
export const CONTEXT_STYLE = 'stroke-dasharray:2 2,font-size:12px';

/** How an edge is drawn; the linkStyle colours are mid-tones that show on light and dark backgrounds. */
export type EdgeStyle = 'sync' | 'async' | 'global' | 'storage' | 'index' | 'read' | 'read-write' | 'migration' | 'cache' | 'stream' | 'spectrum';

/** The linkStyle of each edge style, in the order the `linkStyle` lines are written. */
export const EDGE_STYLES: Record<EdgeStyle, string> = {
  // Synchronous replication (Multi-AZ standbys, MRSC global tables): thick solid orange, like the primaries.
  sync: 'stroke:#e8590c,stroke-width:3px',
  // Asynchronous replication (read replicas, cache replicas): dotted green, like the replicas.
  async: 'stroke:#2f9e44,stroke-width:2px',
  // Cross-Region replication (Global Database, MREC global tables): thicker dotted green.
  global: 'stroke:#2f9e44,stroke-width:3.5px',
  // Instances to their cluster volume, a Redshift leader to its compute nodes: thin blue.
  storage: 'stroke:#1c7ed6,stroke-width:1.5px',
  // A table to its indexes: the thinnest, dotted blue.
  index: 'stroke:#1c7ed6,stroke-width:1px',
  // Application reads: thin light indigo.
  read: 'stroke:#748ffc,stroke-width:1.5px',
  // Application reads and writes: solid, darker and thicker.
  'read-write': 'stroke:#3b5bdb,stroke-width:2.5px',
  // DMS migrations: thick dashed pink, labelled with their type.
  migration: 'stroke:#d6336c,stroke-width:3px,stroke-dasharray:10 5',
  // A cache in front of a database (ElastiCache, DAX): dotted purple, like the caches.
  cache: 'stroke:#ae3ec9,stroke-width:1.5px',
  // A DynamoDB stream to its consumers: dotted amber.
  stream: 'stroke:#f08c00,stroke-width:2px',
  // Redshift Spectrum to S3: dotted blue.
  spectrum: 'stroke:#1c7ed6,stroke-width:1.5px,stroke-dasharray:2 3',
};

/**
 * A failure drawn over the diagram: failed nodes greyed out, promoted ones outlined in green, degraded
 * and read-only ones in amber; broken connections red and dashed, ones that need a new endpoint amber.
 * Written after the role classes and edge styles, so they win.
 */
export const FATE_STYLES: Record<Exclude<NodeFate, 'up'>, string> = {
  failed: 'fill:#e9ecef,stroke:#868e96,color:#868e96,stroke-dasharray:3 3',
  promoted: 'stroke:#2b8a3e,stroke-width:4px',
  degraded: 'stroke:#f08c00,stroke-width:3px,stroke-dasharray:6 3',
  'read-only': 'stroke:#f08c00,stroke-width:3px',
};

/** How a connection's fate is drawn (`works` keeps its own style). */
export const CONNECTION_FATE_STYLES: Record<Exclude<ConnectionFate, 'works'>, string> = {
  broken: 'stroke:#e03131,stroke-width:2px,stroke-dasharray:4 4',
  reconnect: 'stroke:#f08c00,stroke-width:2px,stroke-dasharray:8 4',
  degraded: 'stroke:#f08c00,stroke-width:2px',
};

/** What a failure does to the drawn nodes and edges. */
export interface DiagramOverlay {
  /** By topology node id; nodes not listed are up. */
  nodes: ReadonlyMap<string, NodeFate>;
  /** By index into `topology.edges`; edges not listed work. */
  edges: ReadonlyMap<number, ConnectionFate>;
}

/** Which part of the topology a diagram shows. */
export type DiagramView = { kind: 'all' } | { kind: 'region'; region: string } | { kind: 'database'; database: string };

/** How to draw a diagram. */
export interface DiagramOptions {
  direction?: DiagramDirection;
  /** The whole topology (default), one Region, or one database with what connects to it. */
  view?: DiagramView;
  /** A failure to draw over the diagram. */
  overlay?: DiagramOverlay;
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
  az?: string;
  /** The detail lines drawn under the label (unescaped). */
  lines: string[];
  /** A neighbour drawn small and outside the boxes, for context in a Region or database view. */
  context: boolean;
}

/** One arrow of a drawn diagram, in the order Mermaid numbers them (`linkStyle` indices). */
export interface DiagramEdge {
  index: number;
  /** Mermaid ids of its ends. */
  from: string;
  to: string;
  kind: EdgeKind;
  style: EdgeStyle;
  /** Where it is defined in the file. */
  pointer: string;
  label?: string;
  /** Its index in `topology.edges`. */
  topologyIndex: number;
}

/** One Region or AZ box of a drawn diagram. */
export interface DiagramGroup {
  /** The Mermaid subgraph id (`r0`, `r0z1`, ...): generated. */
  id: string;
  kind: 'region' | 'az';
  region: string;
  az?: string;
}

/** A Mermaid flowchart and the nodes it draws. */
export interface Diagram {
  text: string;
  nodes: DiagramNode[];
  edgeCount: number;
  edges: DiagramEdge[];
  groups: DiagramGroup[];
}

/** A view a user can pick, with a title for menus. */
export interface DiagramViewChoice {
  view: DiagramView;
  title: string;
  /** How many topology nodes it focuses on (its neighbours come on top). */
  nodeCount: number;
}

/** The title of a Region's box and view: "Region ap-northeast-2". */
function regionTitle(region: string): string {
  return l10n.t`Region ${region}`;
}

/** Renders a topology as a Mermaid flowchart; deterministic for the same topology. */
export function toMermaid(topology: Topology, direction: DiagramDirection = 'LR'): string {
  return renderDiagram(topology, { direction }).text;
}

/** The views of a topology: the whole design, each Region, then each database, in the file's order. */
export function diagramViews(topology: Topology): DiagramViewChoice[] {
  const choices: DiagramViewChoice[] = [{ view: { kind: 'all' }, title: l10n.t`Whole design`, nodeCount: topology.nodes.length }];
  for (const group of topology.regions) {
    let count = group.regional.length;
    for (const az of group.azs) count += az.nodes.length;
    choices.push({ view: { kind: 'region', region: group.region }, title: regionTitle(group.region), nodeCount: count });
  }
  for (const [database, ids] of topology.nodesOf) {
    const service = topology.nodeById.get(ids[0])?.service;
    choices.push({ view: { kind: 'database', database }, title: service ? `${database} (${service})` : database, nodeCount: ids.length });
  }
  return choices;
}

/**
 * Mermaid wraps SVG text at 200 px, 12.5 em of its 16 px font, wherever it must; lines the diagram
 * breaks itself (between facts, not inside them) read better, so they stay a little shorter.
 */
const LINE_EMS = 12.4;
/** Longest drawn label, in ems (Mermaid wraps it over two lines); longer ones are cut with an ellipsis. */
const MAX_TITLE_EMS = 24;
/** Detail lines drawn under a label. */
const MAX_LINES = 3;

/** Renders a topology (or one view of it) as a Mermaid flowchart with its node map. */
export function renderDiagram(topology: Topology, options: DiagramOptions = {}): Diagram {
  const direction = options.direction ?? 'LR';
  const selection = select(topology, options.view ?? { kind: 'all' });
  const ids = new Map<string, string>();
  const nodes: DiagramNode[] = [];
  // Ids follow the topology's order, so they do not depend on how the boxes are nested.
  for (const node of topology.nodes) {
    const context = selection.context.has(node.id);
    if (!context && !selection.isFocus(node)) continue;
    const id = `n${nodes.length}`;
    ids.set(node.id, id);
    nodes.push({
      id,
      topologyId: node.id,
      label: node.label,
      kind: node.kind,
      role: node.role,
      pointer: node.pointer,
      database: node.database,
      region: node.region,
      az: node.az,
      lines: context ? contextLines(node, selection.region) : detailLines(node),
      context,
    });
  }
  const drawn = new Map(nodes.map((node) => [node.topologyId, node]));
  const lines: string[] = [`flowchart ${direction}`];
  const groups: DiagramGroup[] = [];
  const nodeLine = (topologyId: string, indent: string): void => {
    const node = topology.nodeById.get(topologyId);
    const diagramNode = drawn.get(topologyId);
    if (node && diagramNode && !diagramNode.context) lines.push(`${indent}${diagramNode.id}${shape(node.kind, labelText(node.label, diagramNode.lines))}`);
  };

  let regionCount = 0;
  for (const region of topology.regions) {
    const azs = region.azs.filter((az) => az.nodes.some((id) => drawn.has(id) && !drawn.get(id)!.context));
    const regional = region.regional.filter((id) => drawn.has(id) && !drawn.get(id)!.context);
    if (azs.length === 0 && regional.length === 0) continue;
    const regionId = `r${regionCount++}`;
    groups.push({ id: regionId, kind: 'region', region: region.region });
    lines.push(`  subgraph ${regionId}["${escapeLabel(regionTitle(clip(region.region, MAX_TITLE_EMS)))}"]`);
    // A subgraph with no edge to the outside lays out top to bottom unless told otherwise.
    lines.push(`    direction ${direction}`);
    azs.forEach((az, azIndex) => {
      const azId = `${regionId}z${azIndex}`;
      groups.push({ id: azId, kind: 'az', region: region.region, az: az.az });
      lines.push(`    subgraph ${azId}["${escapeLabel(`AZ ${clip(az.az, MAX_TITLE_EMS)}`)}"]`);
      for (const id of az.nodes) nodeLine(id, '      ');
      lines.push('    end');
    });
    for (const id of regional) nodeLine(id, '    ');
    lines.push('  end');
  }
  for (const id of topology.outside) nodeLine(id, '  ');
  for (const node of nodes) {
    if (node.context) lines.push(`  ${node.id}${shape(node.kind, labelText(node.label, node.lines))}`);
  }

  const edges: DiagramEdge[] = [];
  for (const [edge, topologyIndex] of selection.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (!from || !to) continue;
    const style = edgeStyle(edge);
    const fromNode = topology.nodeById.get(edge.from);
    const label = edgeLabel(edge, fromNode, topology.nodeById.get(edge.to));
    lines.push(`  ${from} ${arrow(edge, style, fromNode)}${label ? `|"${escapeLabel(clip(label, LINE_EMS))}"|` : ''} ${to}`);
    edges.push({ index: edges.length, from, to, kind: edge.kind, style, pointer: edge.pointer, label, topologyIndex });
  }

  for (const [role, style] of Object.entries(ROLE_STYLES)) lines.push(`  classDef ${role} ${style}`);
  lines.push(`  classDef region ${GROUP_STYLES.region}`);
  lines.push(`  classDef az ${GROUP_STYLES.az}`);
  lines.push(`  classDef context ${CONTEXT_STYLE}`);
  const byRole = groupBy(nodes, (node) => node.role, (node) => node.id);
  for (const role of Object.keys(ROLE_STYLES) as NodeRole[]) {
    const list = byRole.get(role);
    if (list) lines.push(`  class ${list.join(',')} ${role}`);
  }
  const contextIds = nodes.filter((node) => node.context).map((node) => node.id);
  if (contextIds.length) lines.push(`  class ${contextIds.join(',')} context`);
  const regionIds = groups.filter((group) => group.kind === 'region').map((group) => group.id);
  const azIds = groups.filter((group) => group.kind === 'az').map((group) => group.id);
  if (regionIds.length) lines.push(`  class ${regionIds.join(',')} region`);
  if (azIds.length) lines.push(`  class ${azIds.join(',')} az`);
  const byStyle = groupBy(edges, (edge) => edge.style, (edge) => edge.index);
  for (const style of Object.keys(EDGE_STYLES) as EdgeStyle[]) {
    const list = byStyle.get(style);
    if (list) lines.push(`  linkStyle ${list.join(',')} ${EDGE_STYLES[style]}`);
  }
  if (options.overlay) overlayLines(options.overlay, nodes, edges, lines);
  return { text: lines.join('\n') + '\n', nodes, edgeCount: edges.length, edges, groups };
}

/** The values of items, grouped by a key, in the items' order. */
function groupBy<T, K, V>(items: readonly T[], key: (item: T) => K, value: (item: T) => V): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(value(item));
    else groups.set(key(item), [value(item)]);
  }
  return groups;
}

/** The classes and link styles that draw a failure; they come last, so they win. */
function overlayLines(overlay: DiagramOverlay, nodes: readonly DiagramNode[], edges: readonly DiagramEdge[], lines: string[]): void {
  const byFate = groupBy(nodes, (node) => overlay.nodes.get(node.topologyId), (node) => node.id);
  for (const fate of Object.keys(FATE_STYLES) as (keyof typeof FATE_STYLES)[]) {
    const ids = byFate.get(fate);
    if (!ids) continue;
    const name = `fate-${fate}`;
    lines.push(`  classDef ${name} ${FATE_STYLES[fate]}`);
    lines.push(`  class ${ids.join(',')} ${name}`);
  }
  const byConnection = groupBy(edges, (edge) => overlay.edges.get(edge.topologyIndex), (edge) => edge.index);
  for (const fate of Object.keys(CONNECTION_FATE_STYLES) as (keyof typeof CONNECTION_FATE_STYLES)[]) {
    const indexes = byConnection.get(fate);
    if (indexes) lines.push(`  linkStyle ${indexes.join(',')} ${CONNECTION_FATE_STYLES[fate]}`);
  }
}

interface Selection {
  isFocus(node: TopologyNode): boolean;
  /** Neighbours of the focus drawn for context. */
  context: Set<string>;
  /** The edges drawn, with their index in `topology.edges`. */
  edges: [TopologyEdge, number][];
  /** The Region of a Region view, or of the viewed database's entry node. */
  region?: string;
}

/** The nodes and edges of a view, in one pass over the nodes of interest and one over the edges. */
function select(topology: Topology, view: DiagramView): Selection {
  if (view.kind === 'all') return { isFocus: () => true, context: new Set(), edges: topology.edges.map((edge, index) => [edge, index]) };
  const focus = new Set<string>();
  if (view.kind === 'region') {
    for (const node of topology.nodes) if (node.region === view.region) focus.add(node.id);
  } else {
    for (const id of topology.nodesOf.get(view.database) ?? []) focus.add(id);
  }
  const context = new Set<string>();
  const edges: [TopologyEdge, number][] = [];
  topology.edges.forEach((edge, index) => {
    const from = focus.has(edge.from);
    const to = focus.has(edge.to);
    if (!from && !to) return;
    edges.push([edge, index]);
    if (!from) context.add(edge.from);
    if (!to) context.add(edge.to);
  });
  // Neighbours in the viewed Region (or the viewed database's) show a detail line instead of a Region.
  const region = view.kind === 'region' ? view.region : topology.nodeById.get(topology.entryOf.get(view.database) ?? '')?.region;
  return { isFocus: (node) => focus.has(node.id), context, edges, region };
}

/** The detail lines of a node: its summary packed into a few short lines. */
function detailLines(node: TopologyNode): string[] {
  // An application's description is prose: two lines of it say enough.
  return packLines(node.summary ?? (node.detail ? [node.detail] : []), LINE_EMS, node.kind === 'application' ? 2 : MAX_LINES);
}

/** A context node says where it runs: its Region (when outside the viewed one), or its first detail line. */
function contextLines(node: TopologyNode, viewedRegion: string | undefined): string[] {
  if (node.region && node.region !== viewedRegion) return [node.region];
  const summary = (node.summary ?? (node.detail ? [node.detail] : [])).filter((part) => part.trim() !== '');
  return summary.length ? [clip(summary.join(', '), LINE_EMS)] : [];
}

/** The quoted text of a node: its label, then its detail lines, each escaped. */
function labelText(title: string, detail: readonly string[]): string {
  return [clip(title, MAX_TITLE_EMS), ...detail].map(escapeLabel).join('<br/>');
}

/**
 * Packs the parts of a summary into at most `maxLines` lines of at most `width` ems: parts share a
 * line (joined by ", ") while they fit, a part longer than a line is wrapped at spaces, and whatever
 * does not fit ends the last line with an ellipsis.
 */
export function packLines(parts: readonly string[], width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  let overflow = false;
  const push = (): void => {
    if (current === '') return;
    if (lines.length < maxLines) lines.push(current);
    else overflow = true;
    current = '';
  };
  for (const raw of parts) {
    const part = clip(raw, width * maxLines);
    if (part === '') continue;
    if (current !== '' && textWidth(`${current}, ${part}`) <= width) {
      current += ', ' + part;
      continue;
    }
    push();
    if (textWidth(part) <= width) {
      current = part;
      continue;
    }
    const wrapped = wrapBalanced(part, width);
    for (const line of wrapped.slice(0, -1)) {
      current = line;
      push();
    }
    current = wrapped[wrapped.length - 1] ?? '';
  }
  push();
  if (overflow && lines.length) lines[lines.length - 1] = clip(lines[lines.length - 1] + ' …', width);
  return lines;
}

/**
 * Wraps a text at spaces into as few lines of at most `width` ems as greedy wrapping needs, with the
 * lines as even as they can be ("The ERP / application servers", not "The ERP application / servers").
 */
function wrapBalanced(text: string, width: number): string[] {
  const words = text.split(' ').map((word) => clip(word, width));
  // Widths are measured once, in hundredths of an em: the search below wraps the text a dozen times.
  const widths = words.map(hundredths);
  const space = characterHundredths(' ');
  const greedy = (limit: number): string[] => {
    const lines: string[] = [];
    let line = '';
    let used = 0;
    words.forEach((word, index) => {
      if (line !== '' && used + space + widths[index] > limit * 100) {
        lines.push(line);
        line = word;
        used = widths[index];
      } else {
        line = line === '' ? word : `${line} ${word}`;
        used = line === word ? widths[index] : used + space + widths[index];
      }
    });
    if (line !== '') lines.push(line);
    return lines;
  };
  const count = greedy(width).length;
  let low = 0;
  let high = width;
  for (let step = 0; step < 12; step++) {
    const middle = (low + high) / 2;
    if (greedy(middle).length <= count) high = middle;
    else low = middle;
  }
  return greedy(high);
}

/**
 * Estimated width of a text in ems, with the advances of Arial (Liberation Sans), which Mermaid's
 * default font stack (`"trebuchet ms", verdana, arial`) most often lands on; CJK characters take 1 em.
 */
export function textWidth(text: string): number {
  return hundredths(text) / 100;
}

/** The width of a text in hundredths of an em: whole numbers, so sums of widths are exact. */
function hundredths(text: string): number {
  let width = 0;
  for (const character of text) width += characterHundredths(character);
  return width;
}

/** Arial advances of the printable ASCII characters (space to `~`), in hundredths of an em. */
const ASCII_WIDTHS = [
  28, 28, 35, 56, 56, 89, 67, 19, 33, 33, 39, 58, 28, 33, 28, 28, 56, 56, 56, 56, 56, 56, 56, 56, 56, 56, 28, 28, 58, 58, 58, 56, 102, 67, 67, 72, 72, 67, 61, 78, 72, 28, 50, 67, 56, 83, 72, 78, 67,
  78, 72, 67, 61, 72, 67, 94, 67, 67, 61, 28, 28, 28, 47, 56, 33, 56, 56, 50, 56, 56, 28, 56, 56, 22, 22, 50, 22, 83, 56, 56, 56, 56, 33, 50, 28, 56, 50, 72, 50, 50, 50, 33, 26, 33, 58,
];

function characterHundredths(character: string): number {
  const code = character.codePointAt(0)!;
  if (code >= 0x20 && code <= 0x7e) return ASCII_WIDTHS[code - 0x20];
  return isWideCharacter(code) ? 100 : 60;
}

/**
 * Text on one line, cut to `max` ems at a word boundary when one is near, with an ellipsis. Reads only
 * a bounded prefix of the input, so a huge name costs nothing.
 */
export function clip(text: string, max: number): string {
  // No character is narrower than 0.19 em, so more than max / 0.19 characters never fit.
  const limit = Math.ceil(max / 0.19) + 1;
  const sliced = text.length > limit;
  // A cut between the halves of a surrogate pair would leave half a character.
  const end = sliced && /[\uD800-\uDBFF]/.test(text[limit - 1]) ? limit - 1 : limit;
  const flat = oneLine(sliced ? text.slice(0, end) : text);
  if (!sliced && textWidth(flat) <= max) return flat;
  const room = (max - 1) * 100; // the ellipsis takes 1 em
  let cut = '';
  let used = 0;
  for (const character of flat) {
    const width = characterHundredths(character);
    if (used + width > room) break;
    cut += character;
    used += width;
  }
  const space = cut.lastIndexOf(' ');
  return (space >= cut.length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/u, '') + '…';
}

/** Line breaks, tabs and other control characters become single spaces. */
function oneLine(text: string): string {
  return text.replace(/[\s\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim();
}

function shape(kind: NodeKind, text: string): string {
  switch (kind) {
    case 'cluster-volume':
    case 'dynamodb-table':
    case 'dynamodb-global-replica':
    case 's3':
    case 'ledger':
    case 'timestream':
      return `[("${text}")]`;
    case 'application':
      return `(["${text}"])`;
    case 'external-source':
      return `{{"${text}"}}`;
    case 'dynamodb-index':
      return `[/"${text}"/]`;
    case 'dax':
    case 'cache-primary':
    case 'cache-replica':
    case 'cache-node':
      return `("${text}")`;
    case 'redshift-compute':
      return `[["${text}"]]`;
    default:
      return `["${text}"]`;
  }
}

/** The style of an edge: its kind, with connections split by access and global tables by consistency. */
function edgeStyle(edge: TopologyEdge): EdgeStyle {
  switch (edge.kind) {
    case 'sync-replication':
      return 'sync';
    case 'async-replication':
      return 'async';
    case 'global-replication':
      return edge.synchronous ? 'sync' : 'global';
    case 'storage':
      return 'storage';
    case 'index':
      return 'index';
    case 'connection':
      return edge.access === 'read' ? 'read' : 'read-write';
    case 'migration':
      return 'migration';
    case 'cache':
      return 'cache';
    case 'stream':
      return 'stream';
    case 'spectrum':
      return 'spectrum';
  }
}

function arrow(edge: TopologyEdge, style: EdgeStyle, from: TopologyNode | undefined): string {
  switch (style) {
    case 'sync':
      return edge.twoWay ? '<==>' : '==>';
    case 'async':
    case 'cache':
    case 'stream':
    case 'spectrum':
      return '-.->';
    case 'global':
      return edge.twoWay ? '<-.->' : '-.->';
    case 'index':
      return '-.-';
    case 'storage':
      // A reader reads the shared volume; only the writer (and a Redshift leader) push data along the edge.
      return from?.kind === 'cluster-reader' ? '---' : '-->';
    case 'migration':
      return '==>';
    case 'read':
    case 'read-write':
      return '-->';
  }
}

/**
 * The label an edge carries in the diagram. The arrow and its style already say what a table's index,
 * an instance's cluster volume and a cache's replica are, so those go unlabelled.
 */
function edgeLabel(edge: TopologyEdge, from: TopologyNode | undefined, to: TopologyNode | undefined): string | undefined {
  if (edge.kind === 'index') return undefined;
  if (edge.kind === 'storage' && from?.kind !== 'redshift-leader') return undefined;
  if (edge.kind === 'async-replication' && to?.kind === 'cache-replica') return undefined;
  if (edge.kind === 'async-replication' && edge.crossRegion) return l10n.t`async, cross-Region`;
  return edge.label;
}

/** U+2060 WORD JOINER: invisible, no line break, and not a word character for Mermaid's patterns. */
const WORD_JOINER = '\u2060';

/** Characters a label may not carry as they are, and what they become. */
const UNSAFE = /["<>#%&`\uFB02\u00B6\p{Cc}\p{Zl}\p{Zp}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/**
 * Escapes text for a quoted Mermaid label (node, edge or subgraph title) so that it cannot end the
 * label, start a directive or carry markup, and still reads as written in SVG text labels:
 * - `"` ends a quoted label: it becomes `”`;
 * - `<` and `>` would be taken for HTML (and are dropped from SVG text): they become `‹` and `›`;
 * - `#` (entity codes `#35;`), `%` (`%%{init}%%` directives and comments), `&` (HTML entities) and
 *   the markers Mermaid encodes entities with (`ﬂ°`, `¶ß`) are followed by an invisible word joiner
 *   that breaks every such pattern without changing what is shown;
 * - a backtick is preceded by one, so no label can open a Markdown string;
 * - `style` and `classDef` get one inside, or Mermaid's pre-pass (`style...:...#...;`) eats a `;`;
 * - line breaks and other control characters become spaces; bidirectional overrides are dropped.
 */
export function escapeLabel(text: string): string {
  return text
    .replace(UNSAFE, (character) => {
    switch (character) {
      case '"':
        return '\u201D';
      case '<':
        return '\u2039';
      case '>':
        return '\u203A';
      case '#':
      case '%':
      case '&':
      case '\uFB02':
      case '\u00B6':
        return character + WORD_JOINER;
      case '`':
        return WORD_JOINER + character;
      default:
        return /[\p{Cc}\p{Zl}\p{Zp}]/u.test(character) ? ' ' : '';
    }
    })
    .replace(/style|classDef/g, (word) => word[0] + WORD_JOINER + word.slice(1));
}
