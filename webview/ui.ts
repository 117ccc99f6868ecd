// The preview's page: a toolbar of @vscode-elements controls over the diagram, a banner for errors,
// a message for files too large to draw at once, and a tooltip. Built with DOM calls only; nothing
// from the file is ever parsed as HTML here.
import type { DiagramDirection, DiagramView } from '../src/core/mermaid';
import type { PreviewViewOption } from '../src/core/preview';

/** The controls' events. */
export type UiEvent = 'zoomIn' | 'zoomOut' | 'fit' | 'reset' | 'exportSvg' | 'exportPng' | 'copy' | 'direction' | 'view' | 'force';

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
}

const DIRECTIONS: { value: DiagramDirection; label: string }[] = [
  { value: 'LR', label: 'Left to right' },
  { value: 'TB', label: 'Top to bottom' },
  { value: 'RL', label: 'Right to left' },
  { value: 'BT', label: 'Bottom to top' },
];

/** Builds the page inside `root`. */
export function buildUi(root: HTMLElement, options: { connected: boolean; direction: DiagramDirection }): Ui {
  const handlers = new Map<UiEvent, (value: string) => void>();
  const fire = (event: UiEvent, value = ''): void => handlers.get(event)?.(value);

  const toolbar = element('div', 'toolbar', { role: 'toolbar', 'aria-label': 'Diagram' });
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

  const direction = select('Layout direction', DIRECTIONS.map((entry) => ({ value: entry.value, label: entry.label })), options.direction);
  direction.addEventListener('change', () => fire('direction', (direction as HTMLElement & { value: string }).value));
  const viewSelect = select('Show', [{ value: JSON.stringify({ kind: 'all' }), label: 'Whole architecture' }], JSON.stringify({ kind: 'all' }));
  viewSelect.classList.add('view-select');
  viewSelect.hidden = true;
  viewSelect.addEventListener('change', () => fire('view', (viewSelect as HTMLElement & { value: string }).value));

  const status = element('span', 'status', { 'aria-live': 'polite' });
  toolbar.append(
    group(button('zoom-out', 'Zoom out (-)', 'zoomOut'), button('zoom-in', 'Zoom in (+)', 'zoomIn'), button('screen-full', 'Fit to window (F)', 'fit'), button('screen-normal', 'Actual size (0)', 'reset')),
    group(direction, viewSelect),
    group(button('file-media', 'Export PNG', 'exportPng'), button('file-code', 'Export SVG', 'exportSvg'), button('copy', 'Copy Mermaid source', 'copy')),
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
  forceButton.textContent = 'Draw everything anyway';
  forceButton.addEventListener('click', () => fire('force'));
  message.append(messageText, forceButton);

  const viewport = element('div', 'viewport', { tabindex: '-1' });
  const canvas = element('div', 'canvas');
  const empty = element('div', 'empty');
  empty.textContent = options.connected ? 'Drawing...' : '';
  viewport.append(canvas);
  const tooltip = element('div', 'tooltip', { role: 'tooltip' });
  tooltip.hidden = true;

  root.append(toolbar, banner, message, viewport, empty, tooltip);

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
  };
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
