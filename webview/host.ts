// The preview's link to its host: VS Code's webview API, or, in a saved page (`dbarch diagram
// --html`), a small stand-in that reads the diagram from the page and saves exports as downloads.
import type { HostToPreviewMessage, PreviewState, PreviewToHostMessage } from '../src/core/preview';

/** What the preview needs from wherever it runs. */
export interface PreviewHost {
  /** Whether a VS Code host answers messages (reveal, views, save dialogs). */
  readonly connected: boolean;
  post(message: PreviewToHostMessage): void;
  getState(): Partial<PreviewState> | undefined;
  setState(state: PreviewState): void;
  /** Subscribes to messages from the host. */
  listen(handler: (message: HostToPreviewMessage) => void): void;
}

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare global {
  // Provided by VS Code inside a webview; absent in a saved page.
  // eslint-disable-next-line no-var
  var acquireVsCodeApi: (() => VsCodeApi) | undefined;
}

/** The host of this page. */
export function connectHost(download: (message: PreviewToHostMessage) => void): PreviewHost {
  if (typeof globalThis.acquireVsCodeApi === 'function') {
    const api = globalThis.acquireVsCodeApi();
    return {
      connected: true,
      post: (message) => api.postMessage(message),
      getState: () => asState(api.getState()),
      setState: (state) => api.setState(state),
      listen: (handler) => window.addEventListener('message', (event: MessageEvent) => handler(event.data as HostToPreviewMessage)),
    };
  }
  let saved: PreviewState | undefined;
  return {
    connected: false,
    post: (message) => download(message),
    getState: () => saved,
    setState: (state) => {
      saved = state;
    },
    listen: (handler) => {
      const data = document.getElementById('dbarch-data');
      if (data?.textContent) queueMicrotask(() => handler(JSON.parse(data.textContent!) as HostToPreviewMessage));
    },
  };
}

function asState(value: unknown): Partial<PreviewState> | undefined {
  return typeof value === 'object' && value !== null ? (value as Partial<PreviewState>) : undefined;
}
