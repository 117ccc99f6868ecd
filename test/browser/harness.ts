// Loads the real preview bundle (dist/webview) in Debian's Chromium the way VS Code serves it: a page
// under one origin standing in for the webview resource origin, the same Content-Security-Policy
// with a fresh nonce, and a stub `acquireVsCodeApi` that records what the page posts. Tests send
// host messages with `send` and read the page with Playwright.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { previewPage, webviewCsp } from '../../src/core/preview-page';
import { applyThemeScript, THEMES } from './themes';

const ROOT = join(__dirname, '..', '..');
const WEBVIEW = join(ROOT, 'dist', 'webview');
/** The origin the page and its resources are served from, like a webview's resource origin. */
export const ORIGIN = 'https://dbarch-preview.test';
export const RESULTS = join(ROOT, 'test-results');

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Where Chromium is, or undefined (the tests then fail with a clear message). */
export function chromiumPath(): string | undefined {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && existsSync(path));
}

/** One browser for a test file. */
export class Browser {
  private constructor(
    readonly context: BrowserContext,
    private readonly profile: string,
  ) {}

  static async launch(): Promise<Browser> {
    const executablePath = chromiumPath();
    if (!executablePath) throw new Error('Chromium is not installed: apt-get install -y chromium (or set CHROMIUM_PATH).');
    if (!existsSync(join(WEBVIEW, 'preview.js'))) throw new Error('dist/webview/preview.js is missing: run `npm run build` first.');
    const profile = mkdtempSync(join(tmpdir(), 'dbarch-chromium-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: CHROMIUM_FLAGS, viewport: { width: 1400, height: 900 } });
    // Nothing may leave the machine: every request outside the preview origin fails (and is counted).
    await context.route('**/*', (route) => (route.request().url().startsWith(ORIGIN) ? route.fallback() : route.abort()));
    return new Browser(context, profile);
  }

  /** Opens the preview page. `theme` is the body class VS Code would set. */
  async open(options: { theme?: ThemeClass; state?: unknown; standalone?: string } = {}): Promise<PreviewPage> {
    const page = await this.context.newPage();
    const nonce = `n${Math.random().toString(36).slice(2)}`;
    const theme = options.theme ?? 'vscode-light';
    const built = options.standalone ?? previewPage({
      nonce,
      csp: webviewCsp(ORIGIN, nonce),
      script: { src: `${ORIGIN}/preview.js` },
      style: { href: `${ORIGIN}/preview.css` },
      codiconHref: `${ORIGIN}/codicon.css`,
      title: 'Preview',
    });
    // VS Code puts the theme on the page before its scripts run: the body class and the html style.
    const style = Object.entries(THEMES[theme]).map(([name, value]) => `${name}: ${value};`).join(' ');
    const html = options.standalone ? built : built.replace('<html lang="en">', `<html lang="en" style="${style}">`).replace('<body>', `<body class="${theme.startsWith('vscode-high-contrast-') ? 'vscode-high-contrast ' : ''}${theme}">`);
    const offsite: string[] = [];
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('requestfailed', (request) => {
      if (!request.url().startsWith(ORIGIN)) offsite.push(request.url());
    });
    await page.route(`${ORIGIN}/**`, async (route) => {
      const name = new URL(route.request().url()).pathname.slice(1);
      if (name === 'index.html') return route.fulfill({ contentType: 'text/html', body: html });
      const file = join(WEBVIEW, name);
      if (!/^[\w.-]+$/.test(name) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
      const type = name.endsWith('.js') ? 'text/javascript' : name.endsWith('.css') ? 'text/css' : name.endsWith('.ttf') ? 'font/ttf' : 'application/octet-stream';
      return route.fulfill({ contentType: type, body: readFileSync(file) });
    });
    // A string, not a function: tsx compiles functions with helpers that do not exist in the page.
    await page.addInitScript(`(${INIT_SCRIPT})(${JSON.stringify({ state: options.state, standalone: Boolean(options.standalone) })});`);
    await page.goto(`${ORIGIN}/index.html`);
    return new PreviewPage(page, offsite, errors);
  }

  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.profile, { recursive: true, force: true });
  }
}

/** Runs in the page before its scripts: the VS Code API stub and the probes the tests read. */
const INIT_SCRIPT = `function (options) {
  window.__posted = [];
  window.__violations = [];
  window.__alerts = 0;
  window.alert = function () { window.__alerts++; };
  document.addEventListener('securitypolicyviolation', function (event) { window.__violations.push(event.violatedDirective + ' ' + event.blockedURI); });
  var saved = options.state;
  if (!options.standalone) {
    window.acquireVsCodeApi = function () {
      return {
        postMessage: function (message) { window.__posted.push(message); },
        getState: function () { return saved; },
        setState: function (next) { saved = next; window.__state = next; },
      };
    };
  }
}`;

export type ThemeClass = 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast' | 'vscode-high-contrast-light';

/** One open preview. */
export class PreviewPage {
  constructor(
    readonly page: Page,
    /** Requests outside the preview origin (all blocked). */
    readonly offsite: string[],
    /** Uncaught errors in the page. */
    readonly errors: string[],
  ) {}

  /** Sends a host message and, for updates that draw, waits for the render to finish. */
  async send(message: unknown, options: { waitForRender?: boolean } = {}): Promise<void> {
    const before = await this.rendered();
    await this.page.evaluate(`window.dispatchEvent(new MessageEvent('message', { data: ${JSON.stringify(message)} }))`);
    if (options.waitForRender) await this.waitForRender(before);
  }

  /** How many updates the page has shown (drawn by Mermaid or not). */
  rendered(): Promise<number> {
    return this.evaluate<number>('Number(document.body.dataset.rendered || 0)');
  }

  /** How many of them Mermaid laid out and drew (the others kept or put back an SVG it drew). */
  mermaidRenders(): Promise<number> {
    return this.evaluate<number>('Number(document.body.dataset.mermaidRenders || 0)');
  }

  /** Waits until more than `count` renders have finished. */
  async waitForRender(count: number): Promise<void> {
    await this.waitFor(`Number(document.body.dataset.rendered || 0) > ${count}`, `render ${count + 1}`);
  }

  /**
   * Waits until an expression of the page is true (checked every 20 ms). Not `page.waitForFunction`:
   * it re-evaluates its predicate with `eval` on each poll, which the page's CSP (no 'unsafe-eval')
   * blocks, so it failed whenever the first check was false. No MutationObserver either: watching
   * the subtree slows Mermaid's rendering down by half.
   */
  async waitFor(condition: string, what: string, timeout = 30_000): Promise<void> {
    await this.page.evaluate(`new Promise((resolve, reject) => {
      const check = () => { try { return Boolean(${condition}); } catch (error) { return false; } };
      if (check()) return resolve(true);
      const started = Date.now();
      const poll = setInterval(() => {
        if (check()) { clearInterval(poll); resolve(true); }
        else if (Date.now() - started > ${timeout}) { clearInterval(poll); reject(new Error(${JSON.stringify(`Timed out after ${timeout} ms waiting for ${what}`)})); }
      }, 20);
    })`);
  }

  /** Evaluates an expression in the page (strings: the tests are compiled for Node, not the DOM). */
  evaluate<T>(expression: string): Promise<T> {
    return this.page.evaluate(expression) as Promise<T>;
  }

  /** What the page posted to its host. */
  posted(): Promise<{ type: string; [key: string]: unknown }[]> {
    return this.evaluate('window.__posted');
  }

  /** Switches the theme the way VS Code does. */
  async setTheme(theme: ThemeClass): Promise<void> {
    await this.page.evaluate(applyThemeScript(theme));
  }

  violations(): Promise<string[]> {
    return this.evaluate('window.__violations');
  }

  alerts(): Promise<number> {
    return this.evaluate('window.__alerts');
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(RESULTS, { recursive: true });
    const path = join(RESULTS, name);
    await this.page.screenshot({ path });
    return path;
  }
}
