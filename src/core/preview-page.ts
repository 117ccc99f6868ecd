// The HTML page of the topology preview. The VS Code panel and `dbarch diagram --html` use the same
// page: only the addresses of the script and styles (webview resources or inlined data) and the
// Content-Security-Policy differ. The script builds everything else, with the words of the preview's
// text table (preview-text.ts) in the language configured when the page is built.
import { currentLocale } from './l10n';
import { previewText, type PreviewText } from './preview-text';

/** Where the page's parts come from. */
export interface PreviewPageParts {
  /** A fresh random nonce; the only scripts that run carry it. */
  nonce: string;
  /** The Content-Security-Policy of the page. */
  csp: string;
  /** The preview script: an address, or its text to inline. */
  script: { src: string } | { inline: string };
  /** The preview stylesheet: an address, or its text to inline. */
  style: { href: string } | { inline: string };
  /** The codicon stylesheet's address (a webview resource or a data: URL). */
  codiconHref: string;
  /** The first update, for a page that has no host (a saved page). */
  initial?: unknown;
  title: string;
  /** The words of the page; by default, the preview's texts in the configured language. */
  text?: PreviewText;
}

/**
 * The policy of the VS Code panel: scripts only with the nonce, styles from the extension (Mermaid
 * writes a `<style>` into each SVG and style attributes on its shapes, hence 'unsafe-inline' for
 * styles, which cannot run code), images only as data: (the PNG export), fonts from the extension,
 * and nothing from the network.
 */
export function webviewCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `font-src ${cspSource}`,
    'img-src data:',
  ].join('; ');
}

/** The policy of a saved page: everything it needs is inlined. */
export function standaloneCsp(nonce: string): string {
  return ["default-src 'none'", `script-src 'nonce-${nonce}'`, "style-src 'unsafe-inline' data:", 'font-src data:', 'img-src data: blob:'].join('; ');
}

/** The page. */
export function previewPage(parts: PreviewPageParts): string {
  const { nonce } = parts;
  const style = 'href' in parts.style ? `<link rel="stylesheet" href="${attribute(parts.style.href)}">` : `<style>${parts.style.inline.replace(/<\/style/gi, '<\\/style')}</style>`;
  const data = parts.initial === undefined ? '' : `<script type="application/json" id="dbarch-data">${scriptJson(parts.initial)}</script>`;
  const script = 'src' in parts.script ? `<script nonce="${nonce}" src="${attribute(parts.script.src)}"></script>` : `<script nonce="${nonce}">${parts.script.inline.replace(/<\/script/gi, '<\\/script')}</script>`;
  // The table rides on the app element (an attribute, not another script element: every script the
  // page has is the preview's own or its data).
  const words = attribute(JSON.stringify(parts.text ?? previewText()));
  return `<!DOCTYPE html>
<html lang="${pageLanguage()}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(parts.csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(parts.title)}</title>
<link rel="stylesheet" id="vscode-codicon-stylesheet" href="${attribute(parts.codiconHref)}" nonce="${nonce}">
${style}
</head>
<body>
<div id="app" data-nonce="${nonce}" data-text="${words}"></div>
${data}
${script}
</body>
</html>
`;
}

/** JSON that is safe inside a `<script>` element: no `</script>`, no `<!--`, no line separators. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The page's `lang`: the configured locale when it is a language tag, else English. */
function pageLanguage(): string {
  const locale = currentLocale();
  return /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(locale) ? locale : 'en';
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
