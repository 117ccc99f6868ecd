// What the topology preview shows for one lint result: the Mermaid text, the nodes mapped back to the
// file (where each is defined, which findings fall inside it), and the messages the preview and its
// host exchange. The VS Code host, the webview and `dbarch diagram --html` all use these, so the
// picture in the editor and the one in a saved page are made the same way.
import type { Span } from './document/source';
import type { SourceDocument } from './document/document';
import type { Finding, Severity } from './findings';
import type { LintResult } from './lint';
import { describeScenario, failureScenarios, simulate } from './failure';
import type { ConnectionFate, DatabaseState, FailureScenario, NodeFate } from './failure/types';
import { diagramViews, renderDiagram, type DiagramDirection, type DiagramNode, type DiagramOverlay, type DiagramView } from './mermaid';
import type { NodeKind, NodeRole, Topology } from './topology/topology';
import { SYNTAX_RULE_ID, SCHEMA_RULE_ID } from './findings';
import { PREVIEW_LIMITS } from './preview-limits';
import { viewLabel } from './preview-text';

/** A node as the preview knows it. */
export interface PreviewNode {
  /** The Mermaid id (`n0`, ...). */
  id: string;
  label: string;
  kind: NodeKind;
  role: NodeRole;
  database?: string;
  /** The worst finding inside the node's definition, if any. */
  severity?: Severity;
  /** The findings inside the node's definition, as `line: message (rule)`. */
  messages: string[];
  /** 1-based line of the definition, for tooltips. */
  line: number;
  /** What the chosen failure does to it (absent without a failure, or when it stays up). */
  fate?: NodeFate;
}

/** A failure the preview can draw. */
export interface PreviewScenarioOption {
  scenario: FailureScenario;
  label: string;
}

/** One row of the table under a failure diagram. */
export interface PreviewOutcomeRow {
  database: string;
  state: DatabaseState;
  reads: boolean;
  writes: boolean;
  rto: string;
  rpo: string;
  explanation: string;
  improvements: string[];
}

/** The drawn failure: the scenario, what happens to each database and to each application connection. */
export interface PreviewFailure {
  scenario: FailureScenario;
  description: string;
  databases: PreviewOutcomeRow[];
  /** The application connections that stop working or need a new endpoint. */
  connections: { application: string; to: string; fate: ConnectionFate; note: string }[];
}

/** One way to look at the file: everything, one Region, one database. */
export interface PreviewViewOption {
  view: DiagramView;
  label: string;
}

/** The diagram part of an update. */
export interface PreviewDiagram {
  /** Mermaid flowchart text; its first line is `flowchart <direction>`, which the webview may swap. */
  text: string;
  nodes: PreviewNode[];
  edgeCount: number;
  /** The view this text draws. */
  view: DiagramView;
  /** The views the file offers (all, each Region, each database). */
  views: PreviewViewOption[];
  /** Set when the whole file is too large to draw quickly; `text` is then empty. */
  tooLarge?: { nodes: number; edges: number };
  /** The failures the file offers (each AZ, each Region, each named node). */
  scenarios: PreviewScenarioOption[];
  /** The failure drawn, if one is chosen. */
  failure?: PreviewFailure;
}

/** Why the file cannot be drawn as it is now (the last good diagram stays, dimmed). */
export interface PreviewProblem {
  message: string;
  /** 1-based line. */
  line: number;
  /** How many errors the file has. */
  count: number;
}

/** Host -> webview: a new lint result of the document. */
export interface PreviewUpdateMessage {
  type: 'update';
  /** The document's URI (the webview keeps it so a reloaded window can reopen the preview). */
  uri: string;
  fileName: string;
  version: number;
  /** Absent when the file has errors that make its topology untrustworthy. */
  diagram?: PreviewDiagram;
  problem?: PreviewProblem;
  counts: Record<Severity, number>;
}

/** Host -> webview: the nodes the editor's cursor is inside. */
export interface PreviewHighlightMessage {
  type: 'highlight';
  nodeIds: string[];
}

export type HostToPreviewMessage = PreviewUpdateMessage | PreviewHighlightMessage;

/** Webview -> host. Every field is checked by the host before it is used (`parsePreviewMessage`). */
export type PreviewToHostMessage =
  | { type: 'ready'; view: DiagramView; force: boolean; failure?: FailureScenario }
  | { type: 'failure'; scenario?: FailureScenario }
  | { type: 'reveal'; nodeId: string }
  | { type: 'view'; view: DiagramView; force: boolean }
  | { type: 'export'; format: 'svg' | 'png'; data: string }
  | { type: 'copySource'; direction: DiagramDirection }
  | { type: 'renderError'; message: string };

/** What the webview keeps across reloads (`vscode.setState`). */
export interface PreviewState {
  /** The document the preview follows, as a URI string (the host's serializer reads it). */
  uri?: string;
  zoom: number;
  x: number;
  y: number;
  /** Whether the user has moved or zoomed; until then every render fits the view. */
  moved: boolean;
  direction: DiagramDirection;
  view: DiagramView;
  force: boolean;
  /** The failure drawn, if any. */
  failure?: FailureScenario;
}

const DIRECTIONS: readonly DiagramDirection[] = ['LR', 'TB', 'RL', 'BT'];

/** Checks a message from the webview; anything malformed is dropped (undefined). */
export function parsePreviewMessage(value: unknown): PreviewToHostMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready': {
      const failure = parseScenario(message.failure);
      return { type: 'ready', view: parseView(message.view) ?? { kind: 'all' }, force: message.force === true, ...(failure ? { failure } : {}) };
    }
    case 'failure':
      return message.scenario === undefined || message.scenario === null ? { type: 'failure' } : ((scenario) => (scenario ? { type: 'failure' as const, scenario } : undefined))(parseScenario(message.scenario));
    case 'reveal':
      return typeof message.nodeId === 'string' && /^n\d{1,7}$/.test(message.nodeId) ? { type: 'reveal', nodeId: message.nodeId } : undefined;
    case 'view': {
      const view = parseView(message.view);
      return view ? { type: 'view', view, force: message.force === true } : undefined;
    }
    case 'export':
      if ((message.format !== 'svg' && message.format !== 'png') || typeof message.data !== 'string') return undefined;
      // 50 MB of text is far past any diagram the preview draws.
      if (message.data.length > 50_000_000) return undefined;
      return { type: 'export', format: message.format, data: message.data };
    case 'copySource':
      return DIRECTIONS.includes(message.direction as DiagramDirection) ? { type: 'copySource', direction: message.direction as DiagramDirection } : undefined;
    case 'renderError':
      return typeof message.message === 'string' ? { type: 'renderError', message: message.message.slice(0, 2_000) } : undefined;
    default:
      return undefined;
  }
}

/**
 * The bytes of an export from the webview, or undefined when they are not what they claim to be: an
 * SVG document for `svg`, base64 of a PNG image for `png`.
 */
export function exportBytes(format: 'svg' | 'png', data: string): Uint8Array | undefined {
  if (format === 'svg') return /^(<\?xml[^>]*>\s*)?<svg[\s>]/.test(data) ? new TextEncoder().encode(data) : undefined;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(data) || data.length % 4 !== 0) return undefined;
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return PNG_SIGNATURE.every((byte, index) => bytes[index] === byte) ? bytes : undefined;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Checks a view from the webview or from saved state. */
export function parseView(value: unknown): DiagramView | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const view = value as Record<string, unknown>;
  if (view.kind === 'all') return { kind: 'all' };
  if (view.kind === 'region' && typeof view.region === 'string') return { kind: 'region', region: view.region };
  if (view.kind === 'database' && typeof view.database === 'string') return { kind: 'database', database: view.database };
  return undefined;
}

/** Checks a failure scenario from the webview or from saved state. */
export function parseScenario(value: unknown): FailureScenario | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const scenario = value as Record<string, unknown>;
  const name = (key: string): string | undefined => (typeof scenario[key] === 'string' && (scenario[key] as string).length <= 200 ? (scenario[key] as string) : undefined);
  if (scenario.kind === 'az' && name('az')) return { kind: 'az', az: name('az')! };
  if (scenario.kind === 'region' && name('region')) return { kind: 'region', region: name('region')! };
  if (scenario.kind === 'node' && name('node')) return { kind: 'node', node: name('node')! };
  return undefined;
}

/** Whether two scenarios are the same failure. */
export function sameScenario(a: FailureScenario, b: FailureScenario): boolean {
  return describeScenario(a) === describeScenario(b) && a.kind === b.kind;
}

/** Whether two views are the same. */
export function sameView(a: DiagramView, b: DiagramView): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The views a topology offers (the diagram's own list), labelled for the preview's menu. */
export function previewViews(topology: Topology): PreviewViewOption[] {
  return diagramViews(topology).map(({ view }) => ({ view, label: viewLabel(view) }));
}

/** Options of one preview panel. */
export interface PreviewOptions {
  view?: DiagramView;
  /** Draw the whole file even past PREVIEW_LIMITS. */
  force?: boolean;
  /** A failure to draw over the diagram (ignored if the file has no such AZ, Region or node). */
  failure?: FailureScenario;
  direction?: DiagramDirection;
  /** The document's version, echoed in the update. */
  version?: number;
  uri?: string;
  fileName?: string;
}

/** Everything the preview needs from one lint result. */
export interface PreviewModel {
  message: PreviewUpdateMessage;
  /** The drawn nodes with where they are defined, for reveal and cursor highlighting. */
  nodes: MappedNode[];
}

/** A drawn node and the span of its definition in the file. */
export interface MappedNode {
  node: DiagramNode;
  /** From its key to the end of its value. */
  extent: Span;
  /** The span a reveal selects (the key, or the value for list items). */
  reveal: Span;
}

/** Builds the preview update for a lint result. */
export function buildPreview(result: LintResult, options: PreviewOptions = {}): PreviewModel {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of result.findings) counts[finding.severity]++;
  const base = { type: 'update' as const, uri: options.uri ?? '', fileName: options.fileName ?? '', version: options.version ?? 0, counts };
  const blocking = result.findings.filter((finding) => finding.severity === 'error' && (finding.ruleId === SYNTAX_RULE_ID || finding.ruleId === SCHEMA_RULE_ID));
  // Without errors and without a topology (a file over the editor's size limit), the first finding says why.
  const first = blocking[0] ?? (result.topology ? undefined : result.findings[0]);
  const problem: PreviewProblem | undefined = first ? { message: first.message, line: first.range.start.line + 1, count: Math.max(1, blocking.length) } : undefined;
  if (!result.topology || problem) return { message: { ...base, problem }, nodes: [] };

  const topology = result.topology;
  const model = result.model;
  const views = previewViews(topology);
  const scenarios: PreviewScenarioOption[] = model ? failureScenarios(model, topology).map((scenario) => ({ scenario, label: describeScenario(scenario) })) : [];
  const chosen = options.failure && scenarios.find((option) => sameScenario(option.scenario, options.failure!))?.scenario;
  const simulation = chosen && model ? simulate(model, topology, chosen) : undefined;
  let view = options.view ?? { kind: 'all' };
  if (!views.some((option) => sameView(option.view, view))) view = { kind: 'all' };
  const large = topology.nodes.length > PREVIEW_LIMITS.nodes || topology.edges.length > PREVIEW_LIMITS.edges;
  if (view.kind === 'all' && large && !options.force) {
    const diagram: PreviewDiagram = { text: '', nodes: [], edgeCount: 0, view, views, scenarios, tooLarge: { nodes: topology.nodes.length, edges: topology.edges.length } };
    return { message: { ...base, diagram }, nodes: [] };
  }
  let overlay: DiagramOverlay | undefined;
  if (simulation) {
    const edges = new Map<number, ConnectionFate>();
    for (const outcome of simulation.connections) if (outcome.fate !== 'works') edges.set(outcome.edgeIndex, outcome.fate);
    overlay = { nodes: simulation.nodes, edges };
  }
  const drawn = renderDiagram(topology, { view, overlay, direction: options.direction });
  const mapped = mapNodes(drawn.nodes, result.document);
  const findingsOf = assignFindings(mapped, result.findings);
  const nodes: PreviewNode[] = mapped.map((entry, index) => {
    const findings = findingsOf[index];
    return {
      id: entry.node.id,
      label: entry.node.label,
      kind: entry.node.kind,
      role: entry.node.role,
      database: entry.node.database,
      severity: worst(findings),
      messages: findings.map((finding) => `${finding.range.start.line + 1}: ${finding.message} (${finding.ruleId})`),
      line: result.document.lines.positionAt(entry.reveal.start).line + 1,
      fate: fateOf(simulation?.nodes.get(entry.node.topologyId)),
    };
  });
  const failure: PreviewFailure | undefined = simulation && {
    scenario: simulation.scenario,
    description: simulation.description,
    databases: simulation.databases.map((outcome) => ({
      database: outcome.database,
      state: outcome.state,
      reads: outcome.reads,
      writes: outcome.writes,
      rto: outcome.rto.text,
      rpo: outcome.rpo.text,
      explanation: outcome.explanation,
      improvements: outcome.improvements,
    })),
    connections: simulation.applications.filter((outcome) => outcome.fate !== 'works').map((outcome) => ({ application: outcome.application, to: outcome.to, fate: outcome.fate, note: outcome.note })),
  };
  return { message: { ...base, diagram: { text: drawn.text, nodes, edgeCount: drawn.edgeCount, view, views, scenarios, failure } }, nodes: mapped };
}

/** Where each drawn node is defined. */
export function mapNodes(nodes: readonly DiagramNode[], document: SourceDocument): MappedNode[] {
  return nodes.map((node) => {
    const located = document.locate(node.pointer, 'key');
    const value = located.exact ? located.valueSpan : undefined;
    const extent = { start: located.span.start, end: Math.max(located.span.end, value?.end ?? located.span.end) };
    return { node, extent, reveal: located.span };
  });
}

/** The drawn nodes whose definitions most closely contain an offset (several when they share one). */
export function nodesAt(mapped: readonly MappedNode[], offset: number): string[] {
  let best: MappedNode[] = [];
  let bestSize = Infinity;
  for (const entry of mapped) {
    if (offset < entry.extent.start || offset > entry.extent.end) continue;
    const size = entry.extent.end - entry.extent.start;
    if (size < bestSize) {
      best = [entry];
      bestSize = size;
    } else if (size === bestSize) {
      best.push(entry);
    }
  }
  return best.map((entry) => entry.node.id);
}

/** Gives each finding to the node(s) whose definition most closely contains its start. */
function assignFindings(mapped: readonly MappedNode[], findings: readonly Finding[]): Finding[][] {
  const result: Finding[][] = mapped.map(() => []);
  const index = new Map(mapped.map((entry, position) => [entry.node.id, position]));
  for (const finding of findings) {
    for (const id of nodesAt(mapped, finding.span.start)) result[index.get(id)!].push(finding);
  }
  return result;
}

function fateOf(fate: NodeFate | undefined): NodeFate | undefined {
  return fate && fate !== 'up' ? fate : undefined;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function worst(findings: readonly Finding[]): Severity | undefined {
  let severity: Severity | undefined;
  for (const finding of findings) if (!severity || ORDER[finding.severity] < ORDER[severity]) severity = finding.severity;
  return severity;
}
