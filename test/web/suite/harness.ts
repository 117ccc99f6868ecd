// The web suite's line to the harness (scripts/vscode/run-web.mjs). The extension host is a web worker
// whose console the harness cannot read reliably, and the preview's page lives in a webview only the
// browser's driver can look into; so the harness serves a few endpoints on 127.0.0.1 (the worker's
// Content-Security-Policy allows loopback fetches) and the bundle names its address.

/** Replaced by the harness's address when run-web.mjs bundles the suite; empty when run otherwise. */
declare const DBARCH_WEB_HARNESS: string;

export function harnessUrl(): string | undefined {
  return typeof DBARCH_WEB_HARNESS === 'string' && DBARCH_WEB_HARNESS !== '' ? DBARCH_WEB_HARNESS : undefined;
}

/** Sends a JSON body to the harness and resolves with its JSON answer. */
export async function post<T = unknown>(path: string, body: unknown): Promise<T> {
  const url = harnessUrl();
  if (!url) throw new Error('no harness: the suite was bundled without DBARCH_WEB_HARNESS');
  // text/plain keeps the request "simple" (no CORS preflight).
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`the harness answered ${path} with ${response.status}`);
  return (await response.json()) as T;
}

/** A progress line in the harness's terminal (also on this host's console). */
export function log(line: string): void {
  console.log(`dbarch web: ${line}`);
  if (harnessUrl()) void post('/log', { line }).catch(() => undefined);
}
