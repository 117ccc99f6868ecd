// The preview's page: a toolbar of @vscode-elements controls over the diagram, a banner for errors,
// a message for files too large to draw at once, and a tooltip. Built with DOM calls only; nothing
// from the file is ever parsed as HTML here.
import type { DiagramDirection, DiagramView } from '../src/core/mermaid';
import type { FailureScenario } from '../src/core/failure/types';
import type { PreviewFailure, PreviewScenarioOption, PreviewViewOption } from '../src/core/preview';
import { fill, text } from './text';

/** The controls' events. */
export type UiEvent = 'zoomIn' | 'zoomOut' | 'fit' | 'reset' | 'exportSvg' | 'exportPng' | 'copy' | 'direction' | 'view' | 'force' | 'failure';

/** The page's parts the preview updates. */
export interface Ui {
  viewport: HTMLElement;
  canvas: HTMLElement;
  status: HTMLElement;
  banner: HTMLElement;
  bannerText: HTMLElement;
  bannerDetail: HTMLElement;
  message: HTMLElement;
  messageText: HTMLElement;
  forceButton: HTMLElement;
  empty: HTMLElement;
  tooltip: HTMLElement;
  on(event: UiEvent, handler: (value: string) => void): void;
  /** Shows a layout direction as chosen. */
  setDirection(direction: DiagramDirection): void;
  /** Shows the views the file offers (hidden when there is only the whole file). */
  setViews(views: readonly PreviewViewOption[], current: DiagramView): void;
  /** Shows the failures the file offers, with the one drawn selected. */
  setScenarios(scenarios: readonly PreviewScenarioOption[], current: FailureScenario | undefined): void;
  /** Shows what the drawn failure does (or hides the table). */
  setFailure(failure: PreviewFailure | undefined): void;
}

const DIRECTIONS: readonly DiagramDirection[] = ['LR', 'TB', 'RL', 'BT'];

/** Builds the page inside `root`. */
export function buildUi(root: HTMLElement, options: { connected: boolean; direction: DiagramDirection }): Ui {
  const handlers = new Map<UiEvent, (value: string) => void>();
  const fire = (event: UiEvent, value = ''): void => handlers.get(event)?.(value);

  const toolbar = element('div', 'toolbar', { role: 'toolbar', 'aria-label': text.toolbar });
  const button = (icon: string, label: string, event: UiEvent): HTMLElement => {
    const control = element('vscode-toolbar-button', '', { icon, label, title: label, 'data-action': event });
    control.addEventListener('click', () => fire(event));
    return control;
  };
  const group = (...children: HTMLElement[]): HTMLElement => {
    const container = element('div', 'group');
    container.append(...children);
    return container;
  };

  const direction = select(text.layoutDirection, DIRECTIONS.map((value) => ({ value, label: text.directions[value] })), options.direction);
  direction.addEventListener('change', () => fire('direction', (direction as HTMLElement & { value: string }).value));
  const viewSelect = select(text.show, [{ value: JSON.stringify({ kind: 'all' }), label: text.wholeArchitecture }], JSON.stringify({ kind: 'all' }));
  viewSelect.classList.add('view-select');
  viewSelect.hidden = true;
  viewSelect.addEventListener('change', () => fire('view', (viewSelect as HTMLElement & { value: string }).value));

  const noFailure = '';
  const failureSelect = select(text.simulateFailure, [{ value: noFailure, label: text.noFailure }], noFailure);
  failureSelect.classList.add('failure-select');
  failureSelect.hidden = true;
  failureSelect.addEventListener('change', () => fire('failure', (failureSelect as HTMLElement & { value: string }).value));

  const status = element('span', 'status', { 'aria-live': 'polite' });
  toolbar.append(
    group(button('zoom-out', text.zoomOut, 'zoomOut'), button('zoom-in', text.zoomIn, 'zoomIn'), button('screen-full', text.fit, 'fit'), button('screen-normal', text.actualSize, 'reset')),
    group(direction, viewSelect, failureSelect),
    group(button('file-media', text.exportPng, 'exportPng'), button('file-code', text.exportSvg, 'exportSvg'), button('copy', text.copySource, 'copy')),
    status,
  );

  const banner = element('div', 'banner', { role: 'alert' });
  banner.hidden = true;
  const bannerIcon = element('span', 'codicon codicon-error');
  const bannerText = element('span', 'banner-text');
  const bannerDetail = element('span', 'banner-detail');
  const bannerBody = element('div', 'banner-body');
  bannerBody.append(bannerText, bannerDetail);
  banner.append(bannerIcon, bannerBody);

  const message = element('div', 'message', { role: 'status' });
  message.hidden = true;
  const messageText = element('p', 'message-text');
  const forceButton = element('vscode-button', '', { secondary: '' });
  forceButton.textContent = text.drawAnyway;
  forceButton.addEventListener('click', () => fire('force'));
  message.append(messageText, forceButton);

  const viewport = element('div', 'viewport', { tabindex: '-1' });
  const canvas = element('div', 'canvas');
  const empty = element('div', 'empty');
  empty.textContent = options.connected ? text.drawing : '';
  viewport.append(canvas);
  const tooltip = element('div', 'tooltip', { role: 'tooltip' });
  tooltip.hidden = true;

  const outcomes = element('section', 'outcomes', { 'aria-label': text.outcomesLabel });
  outcomes.hidden = true;

  root.append(toolbar, banner, message, viewport, outcomes, empty, tooltip);

  return {
    viewport,
    canvas,
    status,
    banner,
    bannerText,
    bannerDetail,
    message,
    messageText,
    forceButton,
    empty,
    tooltip,
    on: (event, handler) => handlers.set(event, handler),
    setDirection(value) {
      (direction as HTMLElement & { value: string }).value = value;
    },
    setViews(views, current) {
      const value = JSON.stringify(current);
      const signature = JSON.stringify(views);
      if (viewSelect.dataset.views !== signature) {
        viewSelect.dataset.views = signature;
        viewSelect.replaceChildren(...views.map((view) => option(JSON.stringify(view.view), view.label)));
      }
      (viewSelect as HTMLElement & { value: string }).value = value;
      viewSelect.hidden = !options.connected || views.length <= 2;
    },
    setScenarios(scenarios, current) {
      const signature = JSON.stringify(scenarios);
      if (failureSelect.dataset.scenarios !== signature) {
        failureSelect.dataset.scenarios = signature;
        failureSelect.replaceChildren(option(noFailure, text.noFailure), ...scenarios.map((entry) => option(JSON.stringify(entry.scenario), capitalise(entry.label))));
      }
      const chosen = current && scenarios.find((entry) => JSON.stringify(entry.scenario) === JSON.stringify(current));
      (failureSelect as HTMLElement & { value: string }).value = chosen ? JSON.stringify(chosen.scenario) : noFailure;
      failureSelect.hidden = !options.connected || scenarios.length === 0;
    },
    setFailure(failure) {
      outcomes.hidden = !failure;
      if (!failure) {
        outcomes.replaceChildren();
        return;
      }
      outcomes.replaceChildren(...outcomeTable(failure));
    },
  };
}

/** The table under a failure diagram: each database's state, reads, writes, RTO, RPO and what would help. */
function outcomeTable(failure: PreviewFailure): HTMLElement[] {
  const title = element('h2', 'outcomes-title');
  title.textContent = fill(text.outcomesTitle, { description: capitalise(failure.description) });
  const table = element('table', 'outcomes-table');
  const head = element('tr', '');
  const { columns } = text;
  for (const heading of [columns.database, columns.state, columns.reads, columns.writes, columns.rto, columns.rpo, columns.improvements]) {
    const cell = element('th', '', { scope: 'col' });
    cell.textContent = heading;
    head.append(cell);
  }
  const thead = element('thead', '');
  thead.append(head);
  const tbody = element('tbody', '');
  for (const row of failure.databases) {
    const line = element('tr', `state-${row.state}`);
    const flag = (value: boolean): string => (value ? text.yes : text.no);
    const cells = [row.database, text.states[row.state], flag(row.reads), flag(row.writes), row.rto, row.rpo, row.improvements.join(' ') || '-'];
    // The flag's class names the value itself (`flag-yes`, `flag-no`), whatever the language.
    const flagClass = (value: boolean): string => `flag flag-${value ? 'yes' : 'no'}`;
    cells.forEach((content, index) => {
      const cell = element('td', index === 1 ? 'state' : index === 2 ? flagClass(row.reads) : index === 3 ? flagClass(row.writes) : '');
      cell.textContent = content;
      if (index === 1) cell.title = row.explanation;
      line.append(cell);
    });
    tbody.append(line);
  }
  table.append(thead, tbody);
  const parts: HTMLElement[] = [title, table];
  if (failure.connections.length) {
    const heading = element('h3', 'outcomes-subtitle');
    heading.textContent = text.applications;
    const list = element('ul', 'outcomes-connections');
    for (const connection of failure.connections) {
      const item = element('li', `fate-${connection.fate}`);
      item.textContent = fill(text.connection, { application: connection.application, to: connection.to, fate: text.connectionFates[connection.fate], note: connection.note });
      list.append(item);
    }
    parts.push(heading, list);
  }
  return parts;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function select(label: string, options: { value: string; label: string }[], value: string): HTMLElement {
  const control = element('vscode-single-select', '', { 'aria-label': label, title: label });
  control.append(...options.map((entry) => option(entry.value, entry.label, entry.value === value)));
  return control;
}

function option(value: string, label: string, selected = false): HTMLElement {
  const control = element('vscode-option', '', { value });
  if (selected) control.setAttribute('selected', '');
  control.textContent = label;
  return control;
}

function element(tag: string, className: string, attributes: Record<string, string> = {}): HTMLElement {
  const created = document.createElement(tag);
  if (className) created.className = className;
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  return created;
}
