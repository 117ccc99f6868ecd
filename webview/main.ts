// The topology preview: draws the Mermaid text the engine made for an architecture file, keeps the
// picture while the file is broken, marks nodes with findings, follows the editor's cursor, and
// lets the user pan, zoom, change the layout and export. Everything that comes from the file reaches
// the page as text content or as Mermaid labels the engine has already escaped; Mermaid runs at
// securityLevel 'strict'.
import mermaid from 'mermaid';
import '@vscode-elements/elements/dist/vscode-toolbar-button/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { FailureScenario } from '../src/core/failure/types';
import type { DiagramDirection, DiagramView } from '../src/core/mermaid';
import type { PreviewDiagram, PreviewNode, PreviewState, PreviewToHostMessage, PreviewUpdateMessage } from '../src/core/preview';
import { MERMAID_LIMITS } from '../src/core/preview-limits';
import { exportPng, exportSvg } from './export';
import { connectHost } from './host';
import { PanZoom } from './panzoom';
import { fill, text as words } from './text';
import { mermaidTheme, readTheme, themeKind, type ThemeColours } from './theme';
import { buildUi, type Ui } from './ui';

const DEFAULT_STATE: PreviewState = { zoom: 1, x: 0, y: 0, moved: false, direction: 'LR', view: { kind: 'all' }, force: false };

const host = connectHost(saveInPage);
const restored = host.getState();
const state: PreviewState = { ...DEFAULT_STATE, ...restored };
/** Until the user picks a direction (or one is restored), the text's own direction is used. */
let directionChosen = Boolean(restored?.direction);
const ui: Ui = buildUi(document.getElementById('app')!, { connected: host.connected, direction: state.direction });
const panZoom = new PanZoom(ui.viewport, ui.canvas, (transform) => {
  Object.assign(state, transform, { moved: true });
  saveState();
});
panZoom.set(state);

/** The diagram on screen (the last one that was valid and drew); `look` is the theme it was drawn in. */
let shown: { diagram: PreviewDiagram; text: string; size: { width: number; height: number }; look: number } | undefined;
/**
 * Mermaid's last SVG and the text it drew. Most edits leave the Mermaid text as it was (a comment, a
 * backup window, a description): the preview then keeps the SVG on screen, or puts this one back, with
 * the new findings instead of laying the diagram out again, which takes Mermaid seconds for a few
 * hundred nodes.
 */
let drawn: { text: string; svg: string; look: number } | undefined;
/** Counts the theme changes: an SVG drawn in another theme is never shown again. */
let look = 0;
/** The file has an error: the diagram on screen is the last good one, dimmed. */
let broken = false;
/** Counts the updates that empty the canvas (too large, nothing to draw): a render started before one is not shown. */
let cleared = 0;
/** Updates shown (Mermaid's renders and the SVGs shown again): `document.body.dataset.rendered`. */
let shownCount = 0;
/** The nodes the editor's cursor is in. */
let highlighted: string[] = [];
let colours: ThemeColours = readTheme();
let renderCount = 0;
/** A render is running; the newest request waits here (older ones are dropped). */
let rendering = false;
let queued: PreviewDiagram | undefined;

mermaid.initialize(mermaidConfig());

host.listen((message) => {
  if (!message || typeof message !== 'object') return;
  if (message.type === 'update') update(message);
  else if (message.type === 'highlight') highlight(Array.isArray(message.nodeIds) ? message.nodeIds : []);
});
if (host.connected) host.post({ type: 'ready', view: state.view, force: state.force, failure: state.failure });

wireControls();
watchTheme();
// The viewport changes size with the panel, the banner and the failure table: refit until the user moves.
new ResizeObserver(() => {
  if (shown && !state.moved) panZoom.fit(shown.size.width, shown.size.height);
}).observe(ui.viewport);

function update(message: PreviewUpdateMessage): void {
  if (message.uri && message.uri !== state.uri) {
    state.uri = message.uri;
    saveState();
  }
  ui.status.textContent = summary(message);
  const diagram = message.diagram;
  if (message.problem) {
    const problem = message.problem;
    const line = problem.count > 1 ? fill(words.problemLineMore, { line: problem.line, message: problem.message, count: problem.count - 1 }) : fill(words.problemLine, { line: problem.line, message: problem.message });
    showBanner(line, shown ? words.staleDiagram : words.noDiagramYet);
    broken = true;
    ui.canvas.classList.toggle('stale', Boolean(shown));
    if (!shown) showEmpty(words.fixErrorsFirst);
    return;
  }
  hideBanner();
  broken = false;
  if (!diagram) return;
  ui.setViews(diagram.views, diagram.view);
  ui.setScenarios(diagram.scenarios ?? [], diagram.failure?.scenario);
  ui.setFailure(diagram.failure);
  if (!directionChosen) {
    const own = /^flowchart (LR|TB|RL|BT)\b/.exec(diagram.text)?.[1] as DiagramDirection | undefined;
    if (own && own !== state.direction) {
      state.direction = own;
      ui.setDirection(own);
    }
  }
  if (diagram.tooLarge) {
    showTooLarge(diagram);
    return;
  }
  ui.message.hidden = true;
  if (diagram.nodes.length === 0) {
    clearCanvas();
    showEmpty(words.nothingToDraw);
    return;
  }
  void render(diagram);
}

async function render(diagram: PreviewDiagram): Promise<void> {
  if (rendering) {
    queued = diagram;
    return;
  }
  const text = withDirection(diagram.text, state.direction);
  const started = performance.now();
  const onScreen = shown && shown.text === text && shown.look === look ? ui.canvas.querySelector('svg') : null;
  if (shown && onScreen) {
    redecorate(onScreen, diagram, shown);
    reused(started);
    return;
  }
  if (drawn && drawn.text === text && drawn.look === look) {
    show(diagram, text, drawn.svg, drawn.look);
    reused(started);
    return;
  }
  rendering = true;
  const id = `dbarch-diagram-${++renderCount}`;
  const drawnLook = look;
  const startedAt = cleared;
  try {
    const { svg } = await mermaid.render(id, text);
    drawn = { text, svg, look: drawnLook };
    // A newer diagram waits: it is shown instead (and reuses this SVG if its text is the same). An
    // update that emptied the canvas meanwhile wins over this one.
    if (!queued && startedAt === cleared) {
      show(diagram, text, svg, drawnLook);
      document.body.dataset.renderMs = String(Math.round(performance.now() - started));
      document.body.dataset.mermaidRenders = String(renderCount);
      document.body.dataset.rendered = String(++shownCount);
    }
  } catch (error) {
    document.getElementById(id)?.remove();
    document.getElementById(`d${id}`)?.remove();
    const reason = error instanceof Error ? error.message : String(error);
    showBanner(fill(words.renderFailed, { reason: reason.split('\n')[0] }), words.renderFailedHint);
    if (host.connected) host.post({ type: 'renderError', message: reason });
  } finally {
    rendering = false;
    const next = queued;
    queued = undefined;
    if (next) await render(next);
  }
}

/** An update shown without Mermaid: its time, and the count the tests wait for. */
function reused(started: number): void {
  document.body.dataset.reusedMs = String(Math.round(performance.now() - started));
  document.body.dataset.rendered = String(++shownCount);
}

/** Puts an SVG Mermaid drew for `text` (in the theme `drawnLook`) on the canvas and decorates it for `diagram`. */
function show(diagram: PreviewDiagram, text: string, svg: string, drawnLook: number): void {
  ui.canvas.innerHTML = svg;
  const element = ui.canvas.querySelector('svg')!;
  const size = naturalSize(element);
  element.setAttribute('width', String(size.width));
  element.setAttribute('height', String(size.height));
  element.style.maxWidth = 'none';
  present(element, { diagram, text, size, look: drawnLook });
}

/** The SVG on screen already draws this diagram's text: only the finding marks and node names change. */
function redecorate(svg: SVGSVGElement, diagram: PreviewDiagram, current: NonNullable<typeof shown>): void {
  for (const badge of svg.querySelectorAll('g.node > g.badge')) badge.remove();
  for (const element of svg.querySelectorAll('g.node.finding-error, g.node.finding-warning')) element.classList.remove('finding-error', 'finding-warning');
  present(svg, { ...current, diagram });
}

/** Makes an SVG on the canvas the one shown: dimmed while the file is broken, decorated, highlighted, fitted. */
function present(svg: SVGSVGElement, now: NonNullable<typeof shown>): void {
  ui.canvas.classList.toggle('stale', broken);
  ui.empty.hidden = true;
  shown = now;
  decorate(svg, now.diagram);
  highlight(highlighted);
  if (!state.moved) panZoom.fit(now.size.width, now.size.height);
}

/** Marks the regions and AZs, the nodes with findings, and makes nodes clickable and focusable. */
function decorate(svg: SVGSVGElement, diagram: PreviewDiagram): void {
  const byId = new Map(diagram.nodes.map((node) => [node.id, node]));
  for (const cluster of svg.querySelectorAll<SVGGElement>('g.cluster')) {
    const az = /-r\d+z\d+$/.test(cluster.id);
    cluster.classList.add(az ? 'az' : 'region');
    const rect = cluster.querySelector<SVGRectElement>(':scope > rect');
    if (rect) {
      // Important: the text's own `classDef region`/`az` rules are !important too, and the preview
      // follows the editor's theme (a high-contrast outline, a tint of the editor background).
      rect.style.setProperty('fill', az ? colours.azFill : colours.regionFill, 'important');
      rect.style.setProperty('stroke', az ? colours.azStroke : colours.regionStroke, 'important');
      rect.style.setProperty('stroke-width', az ? '1px' : '1.5px', 'important');
      if (az) rect.style.setProperty('stroke-dasharray', '5 4', 'important');
    }
  }
  const marked: { element: SVGGElement; severity: 'error' | 'warning' }[] = [];
  for (const element of svg.querySelectorAll<SVGGElement>('g.node')) {
    const match = /-flowchart-(n\d+)-\d+$/.exec(element.id);
    const node = match ? byId.get(match[1]) : undefined;
    if (!node) continue;
    element.dataset.node = node.id;
    element.setAttribute('tabindex', '0');
    element.setAttribute('role', 'button');
    element.setAttribute('aria-label', ariaLabel(node));
    // Mermaid writes the classDef stroke inline with !important, which no stylesheet outranks; as a
    // plain inline value it still shows, and preview.css can draw the finding, highlight and focus outlines.
    for (const shape of element.querySelectorAll<SVGElement>(':scope > .label-container, :scope > .label-container > path')) {
      shape.style.setProperty('stroke', shape.style.getPropertyValue('stroke'));
    }
    if (node.severity === 'error' || node.severity === 'warning') marked.push({ element, severity: node.severity });
  }
  // Every box is measured before any badge is added: measuring after each addition would lay the
  // SVG out again once per badge.
  const boxes = marked.map(({ element }) => element.getBBox());
  marked.forEach(({ element, severity }, index) => addBadge(element, severity, boxes[index]));
}

function addBadge(element: SVGGElement, severity: 'error' | 'warning', box: DOMRect): void {
  element.classList.add(`finding-${severity}`);
  const ns = 'http://www.w3.org/2000/svg';
  const badge = document.createElementNS(ns, 'g');
  badge.setAttribute('class', `badge badge-${severity}`);
  badge.setAttribute('transform', `translate(${box.x + box.width - 2}, ${box.y + 2})`);
  const circle = document.createElementNS(ns, 'circle');
  circle.setAttribute('r', '9');
  // Inline and important: the node's `classDef` rules (`.primary circle { fill: ... !important }`)
  // reach every circle inside the node and would paint the badge in the node's own colour.
  circle.style.setProperty('fill', severity === 'error' ? colours.error : colours.warning, 'important');
  circle.style.setProperty('stroke', colours.background, 'important');
  circle.style.setProperty('stroke-width', '2', 'important');
  const mark = document.createElementNS(ns, 'text');
  mark.setAttribute('text-anchor', 'middle');
  mark.setAttribute('dy', '4.5');
  mark.setAttribute('font-size', '13');
  mark.setAttribute('font-weight', '700');
  mark.setAttribute('font-family', 'sans-serif');
  mark.style.setProperty('fill', severity === 'error' ? '#ffffff' : '#1a1a1a', 'important');
  mark.textContent = '!';
  badge.append(circle, mark);
  element.append(badge);
}

function highlight(nodeIds: string[]): void {
  highlighted = nodeIds;
  for (const element of ui.canvas.querySelectorAll('g.node.highlighted')) element.classList.remove('highlighted');
  let first: SVGGElement | undefined;
  for (const id of nodeIds) {
    const element = ui.canvas.querySelector<SVGGElement>(`g.node[data-node="${CSS.escape(id)}"]`);
    if (!element) continue;
    element.classList.add('highlighted');
    first ??= element;
  }
  if (first && shown) {
    const box = boxInSvg(first);
    if (box) panZoom.reveal(box);
  }
}

/** A node's box in the SVG's own units (what the canvas is scaled from). */
function boxInSvg(element: SVGGraphicsElement): { x: number; y: number; width: number; height: number } | undefined {
  const svg = element.ownerSVGElement;
  const matrix = element.getCTM();
  const root = svg?.getCTM();
  if (!svg || !matrix || !root) return undefined;
  const box = element.getBBox();
  const relative = root.inverse().multiply(matrix);
  const viewBox = svg.viewBox.baseVal;
  const scale = viewBox && viewBox.width ? svg.width.baseVal.value / viewBox.width : 1;
  const point = new DOMPoint(box.x, box.y).matrixTransform(relative);
  return { x: (point.x - (viewBox?.x ?? 0)) * scale, y: (point.y - (viewBox?.y ?? 0)) * scale, width: box.width * scale, height: box.height * scale };
}

function wireControls(): void {
  ui.on('zoomIn', () => panZoom.zoomBy(1.25));
  ui.on('zoomOut', () => panZoom.zoomBy(0.8));
  ui.on('fit', () => shown && panZoom.fit(shown.size.width, shown.size.height, true));
  ui.on('reset', () => shown && panZoom.reset(shown.size.width));
  ui.on('exportSvg', () => shown && exportDiagram('svg'));
  ui.on('exportPng', () => shown && exportDiagram('png'));
  ui.on('copy', () => copySource());
  ui.on('direction', (value) => {
    directionChosen = true;
    state.direction = value as DiagramDirection;
    state.moved = false;
    saveState();
    if (shown) void render(queued ?? shown.diagram);
  });
  ui.on('view', (value) => {
    const view = JSON.parse(value) as DiagramView;
    state.view = view;
    state.force = false;
    state.moved = false;
    saveState();
    host.post({ type: 'view', view, force: false });
  });
  ui.on('failure', (value) => {
    state.failure = value ? (JSON.parse(value) as FailureScenario) : undefined;
    saveState();
    if (host.connected) host.post(state.failure ? { type: 'failure', scenario: state.failure } : { type: 'failure' });
  });
  ui.on('force', () => {
    state.force = true;
    saveState();
    if (host.connected) host.post({ type: 'view', view: state.view, force: true });
  });

  ui.viewport.addEventListener('click', (event) => {
    if (panZoom.dragged) return;
    const node = (event.target as Element).closest<SVGGElement>('g.node[data-node]');
    if (node) reveal(node.dataset.node!);
  });
  ui.viewport.addEventListener('keydown', (event) => {
    const node = (event.target as Element).closest?.<SVGGElement>('g.node[data-node]');
    if (node && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      reveal(node.dataset.node!);
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLElement && /^(VSCODE-SINGLE-SELECT|INPUT|TEXTAREA)$/.test(event.target.tagName)) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === '+' || event.key === '=') panZoom.zoomBy(1.25);
    else if (event.key === '-') panZoom.zoomBy(0.8);
    else if (event.key === '0' && shown) panZoom.reset(shown.size.width);
    else if (event.key.toLowerCase() === 'f' && shown) panZoom.fit(shown.size.width, shown.size.height, true);
  });

  const tooltip = ui.tooltip;
  const show = (element: SVGGElement): void => {
    const node = shown?.diagram.nodes.find((candidate) => candidate.id === element.dataset.node);
    if (!node) return;
    tooltip.replaceChildren(...tooltipContent(node));
    tooltip.hidden = false;
    const bounds = element.getBoundingClientRect();
    const left = Math.min(window.innerWidth - tooltip.offsetWidth - 8, Math.max(8, bounds.left));
    const below = bounds.bottom + 6 + tooltip.offsetHeight < window.innerHeight;
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${below ? bounds.bottom + 6 : Math.max(8, bounds.top - tooltip.offsetHeight - 6)}px`;
  };
  const hide = (): void => {
    tooltip.hidden = true;
  };
  ui.canvas.addEventListener('pointerover', (event) => {
    const node = (event.target as Element).closest<SVGGElement>('g.node[data-node]');
    if (node) show(node);
    else hide();
  });
  ui.canvas.addEventListener('pointerleave', hide);
  ui.canvas.addEventListener('focusin', (event) => {
    const node = (event.target as Element).closest<SVGGElement>('g.node[data-node]');
    if (node) show(node);
  });
  ui.canvas.addEventListener('focusout', hide);
  ui.viewport.addEventListener('pointerdown', hide);
}

function tooltipContent(node: PreviewNode): Node[] {
  const title = document.createElement('div');
  title.className = 'tooltip-title';
  title.textContent = node.label;
  const parts: Node[] = [title];
  if (node.fate) {
    const fate = document.createElement('div');
    fate.className = `tooltip-fate fate-${node.fate}`;
    fate.textContent = words.fates[node.fate];
    parts.push(fate);
  }
  if (node.messages.length === 0) {
    const none = document.createElement('div');
    none.className = 'tooltip-quiet';
    none.textContent = words.noNodeFindings;
    parts.push(none);
  } else {
    const list = document.createElement('ul');
    for (const text of node.messages.slice(0, 8)) {
      const item = document.createElement('li');
      item.textContent = text;
      list.append(item);
    }
    if (node.messages.length > 8) {
      const item = document.createElement('li');
      item.textContent = fill(words.moreFindings, { count: node.messages.length - 8 });
      list.append(item);
    }
    parts.push(list);
  }
  if (host.connected) {
    const hint = document.createElement('div');
    hint.className = 'tooltip-hint';
    hint.textContent = `${fill(words.nodeLine, { line: node.line })} ${words.clickToReveal}`;
    parts.push(hint);
  }
  return parts;
}

function reveal(nodeId: string): void {
  if (host.connected) host.post({ type: 'reveal', nodeId });
}

async function exportDiagram(format: 'svg' | 'png'): Promise<void> {
  const svg = ui.canvas.querySelector('svg');
  if (!svg || !shown) return;
  const data = format === 'svg' ? exportSvg(svg, colours.background) : await exportPng(svg, colours.background, shown.size);
  host.post({ type: 'export', format, data });
}

function copySource(): void {
  if (!shown) return;
  if (host.connected) host.post({ type: 'copySource', direction: state.direction });
  else void navigator.clipboard?.writeText(shown.text);
}

/** In a saved page: exports become downloads. */
function saveInPage(message: PreviewToHostMessage): void {
  if (message.type !== 'export') return;
  const link = document.createElement('a');
  link.download = `architecture.${message.format}`;
  link.href = message.format === 'svg' ? URL.createObjectURL(new Blob([message.data], { type: 'image/svg+xml' })) : `data:image/png;base64,${message.data}`;
  link.click();
}

function showTooLarge(diagram: PreviewDiagram): void {
  const size = diagram.tooLarge!;
  ui.message.hidden = false;
  ui.messageText.textContent = `${fill(words.tooLarge, { nodes: size.nodes, edges: size.edges })} ${words.tooLargeChoice}`;
  ui.forceButton.hidden = !host.connected;
  clearCanvas();
  ui.empty.hidden = true;
}

/** Empties the canvas; a render already running is not shown when it ends, and one waiting is dropped. */
function clearCanvas(): void {
  shown = undefined;
  queued = undefined;
  cleared++;
  ui.canvas.replaceChildren();
}

function showEmpty(text: string): void {
  ui.empty.hidden = false;
  ui.empty.textContent = text;
}

function showBanner(text: string, detail: string): void {
  ui.banner.hidden = false;
  ui.bannerText.textContent = text;
  ui.bannerDetail.textContent = detail;
}

function hideBanner(): void {
  ui.banner.hidden = true;
}

function summary(message: PreviewUpdateMessage): string {
  const parts: string[] = [];
  const diagram = message.diagram;
  if (diagram && !diagram.tooLarge) parts.push(fill(words.summaryDiagram, { nodes: diagram.nodes.length, links: diagram.edgeCount }));
  const { error, warning, info } = message.counts;
  const findings = [
    error && fill(error === 1 ? words.errorOne : words.errorMany, { count: error }),
    warning && fill(warning === 1 ? words.warningOne : words.warningMany, { count: warning }),
    info && fill(words.infoCount, { count: info }),
  ].filter(Boolean);
  parts.push(findings.length ? findings.join(', ') : words.noFindings);
  return parts.join(' · ');
}

function ariaLabel(node: PreviewNode): string {
  const count = node.messages.length;
  const findings = count ? `, ${fill(count === 1 ? words.findingOne : words.findingMany, { count })}` : '';
  return `${fill(words.nodeName, { label: node.label, role: words.roles[node.role] ?? node.role })}${findings}`;
}

/** The text with another layout direction: the flowchart's and each box's (`direction` lines). */
function withDirection(text: string, direction: DiagramDirection): string {
  return text.replace(/^flowchart (LR|TB|RL|BT)\b/, `flowchart ${direction}`).replace(/^(\s+)direction (LR|TB|RL|BT)$/gm, `$1direction ${direction}`);
}

function naturalSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0 && box.height > 0) return { width: Math.ceil(box.width), height: Math.ceil(box.height) };
  const bounds = svg.getBBox();
  return { width: Math.ceil(bounds.width), height: Math.ceil(bounds.height) };
}

function mermaidConfig(): Parameters<typeof mermaid.initialize>[0] {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    ...mermaidTheme(colours),
    maxTextSize: MERMAID_LIMITS.maxTextSize,
    maxEdges: MERMAID_LIMITS.maxEdges,
    // SVG text labels, no HTML in <foreignObject>. Mermaid 11 reads only the root-level setting
    // (its default, true, wins over the deprecated `flowchart.htmlLabels`).
    htmlLabels: false,
    flowchart: { useMaxWidth: false, curve: 'basis', nodeSpacing: 36, rankSpacing: 56, padding: 10, diagramPadding: 12 },
  };
}

/** Re-draws when the VS Code theme changes (body class) or its colours do (the html style). */
function watchTheme(): void {
  let kind = themeKind();
  let signature = JSON.stringify(colours);
  const check = (): void => {
    const next = readTheme();
    const nextSignature = JSON.stringify(next);
    if (themeKind() === kind && nextSignature === signature) return;
    kind = themeKind();
    signature = nextSignature;
    colours = next;
    mermaid.initialize(mermaidConfig());
    look++;
    document.body.dataset.theme = kind;
    if (shown) void render(queued ?? shown.diagram);
  };
  document.body.dataset.theme = kind;
  const observer = new MutationObserver(check);
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', check);
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
function saveState(): void {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => host.setState({ ...state, ...panZoom.current, uri: state.uri }), 100);
}

