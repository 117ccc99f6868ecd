// Runs the integration tests in a real VS Code (code-server 4.139.1, VS Code 1.139):
//  1. the mocha suite of test/integration/suite inside the extension host, started through the
//     workbench's test payload (the model of @vscode/test-electron's extensionTestsPath);
//  2. the UI test test/ui/ui.test.mjs, which drives the same server with Playwright.
// The extension under test is the .vsix `npm run package` built, installed as a user would.
// Everything is bounded in time; code-server and Chromium are always killed.
//
//   node scripts/vscode/run-integration.mjs [--vsix FILE] [--no-ui] [--keep]
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { buildSuite, killGroup, root, seconds, vsixPath } from './common.mjs';
import { CHROMIUM, CHROMIUM_ARGS, remoteUri, startCodeServer, workbenchUrl } from './code-server.mjs';

const SUITE_TIMEOUT_MS = 150_000;
const UI_TIMEOUT_MS = 120_000;
/** The whole run after the install, as the brief allows (5 minutes), with a margin for cleanup. */
const TOTAL_TIMEOUT_MS = 280_000;

const { values: options } = parseArgs({ options: { vsix: { type: 'string' }, 'no-ui': { type: 'boolean' }, keep: { type: 'boolean' } } });
const vsix = options.vsix ?? vsixPath();
if (!existsSync(vsix)) fail(`${vsix} does not exist: run \`npm run package\` first`);

const started = performance.now();
let server;
let browser;
let uiChild;
const watchdog = setTimeout(async () => {
  console.error(`run-integration: gave up after ${TOTAL_TIMEOUT_MS / 1000} s`);
  await cleanup(true);
  process.exit(1);
}, TOTAL_TIMEOUT_MS);

// Ctrl+C or a CI timeout: leave through 'exit', whose hooks kill code-server, the UI test and Chromium.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
process.on('exit', () => uiChild && killGroup(uiChild));

let exitCode = 1;
try {
  const suite = await buildSuite();
  server = await startCodeServer({ vsix });
  const suiteResults = await runSuite(suite);
  const ui = options['no-ui'] ? { passed: 0, failed: 0 } : await runUiTest();
  const passed = suiteResults.passed + ui.passed;
  const failed = suiteResults.failed + ui.failed;
  console.log(`total ${seconds(started)} s`);
  console.log(`integration: ${passed} passed, ${failed} failed`);
  exitCode = failed === 0 && passed > 0 ? 0 : 1;
} catch (error) {
  console.error(`run-integration: ${error.stack ?? error}`);
  if (server) console.error(`code-server log (last lines):\n${server.logTail()}`);
  exitCode = 1;
} finally {
  clearTimeout(watchdog);
  await cleanup(exitCode !== 0);
}
process.exit(exitCode);

/** Opens the workbench with the test payload and waits for the suite's results. */
async function runSuite(suite) {
  const startedSuite = performance.now();
  const workspace = server.workspace('suite-workspace');
  // extensionDevelopmentPath is required by VS Code whenever extensionTestsPath is given: it names the
  // compiled suite's folder (an empty extension), so dbarch runs from the installed .vsix.
  const payload = [
    ['extensionDevelopmentPath', remoteUri(server, suite.outDir)],
    ['extensionTestsPath', remoteUri(server, suite.index)],
  ];
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 30_000 });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const consoleLines = [];
  page.on('console', (message) => {
    const text = message.text();
    consoleLines.push(text);
    // The suite's own progress lines (the extension host's console reaches the page's).
    if (text.includes('dbarch suite:')) console.log(`${text.slice(text.indexOf('dbarch suite:'))} (${seconds(startedSuite)} s into the suite)`);
  });
  // The workbench calls window.codeAutomationExit(code) when run() settles (smoke-test driver).
  let settle;
  const exited = new Promise((resolve) => (settle = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => settle(code));
  await page.goto(workbenchUrl(server, workspace, payload), { timeout: 30_000 });
  console.log(`workbench page loaded (${seconds(startedSuite)} s into the suite)`);
  const code = await Promise.race([exited, timeout(SUITE_TIMEOUT_MS, 'the integration suite')]).catch((error) => {
    writeFileSync(join(server.runRoot, 'workbench-console.log'), consoleLines.join('\n'));
    console.error(`${error.message}; the workbench console said:\n${consoleLines.slice(-40).join('\n')}`);
    throw error;
  });
  console.log(`the suite's run() settled with ${code} (${seconds(startedSuite)} s into the suite)`);
  await browser.close();
  browser = undefined;
  writeFileSync(join(server.runRoot, 'workbench-console.log'), consoleLines.join('\n'));

  if (!existsSync(server.resultsFile)) {
    throw new Error(`the suite ended (exit ${code}) without writing ${server.resultsFile}; the workbench console said:\n${consoleLines.slice(-40).join('\n')}`);
  }
  const results = JSON.parse(readFileSync(server.resultsFile, 'utf8'));
  console.log(`\nintegration suite in VS Code ${results.vscodeVersion} (code-server)`);
  for (const test of results.tests) {
    const mark = { passed: '✔', failed: '✖', pending: '-' }[test.state];
    console.log(`  ${mark} ${test.title} (${Math.round(test.durationMs)} ms)`);
    if (test.error) console.log(test.error.replace(/^/gm, '      '));
  }
  if (results.failed > 0 && results.tests.every((test) => test.state !== 'failed')) {
    console.log(`  a hook failed; the workbench console said:\n${consoleLines.slice(-40).join('\n')}`);
  }
  for (const [name, ms] of Object.entries(results.metrics ?? {})) console.log(`${name}: ${Math.round(ms)} ms`);
  console.log(`activation: ${results.activationMs === undefined ? 'unknown' : `${results.activationMs.toFixed(1)} ms`} (the extension's own measurement)`);
  console.log(`suite: ${results.passed} passed, ${results.failed} failed (${seconds(startedSuite)} s, mocha ${(results.durationMs / 1000).toFixed(1)} s)`);
  // The figures `npm run bench` reports next to its own (activation, typing-to-warning times).
  mkdirSync(join(root, 'test-results'), { recursive: true });
  const figures = { vscodeVersion: results.vscodeVersion, activationMs: results.activationMs, metrics: results.metrics ?? {}, passed: results.passed, failed: results.failed };
  writeFileSync(join(root, 'test-results', 'integration-results.json'), `${JSON.stringify(figures, null, 2)}\n`);
  return results;
}

/** Runs test/ui/ui.test.mjs against this server and reads its closing counts line. */
async function runUiTest() {
  const startedUi = performance.now();
  const workspace = server.workspace('ui-workspace');
  const env = { ...process.env, DBARCH_CODE_SERVER_URL: server.url, DBARCH_UI_WORKSPACE: workspace };
  uiChild = spawn(process.execPath, ['test/ui/ui.test.mjs'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  let output = '';
  uiChild.stdout.on('data', (chunk) => {
    output += chunk;
    process.stdout.write(chunk);
  });
  const code = await Promise.race([new Promise((resolve) => uiChild.on('exit', (exit) => resolve(exit ?? 1))), timeout(UI_TIMEOUT_MS, 'the UI test')]).catch((error) => {
    console.error(error.message);
    return 1;
  });
  killGroup(uiChild);
  const counts = /^ui: (\d+) passed, (\d+) failed/m.exec(output);
  const passed = Number(counts?.[1] ?? 0);
  // A crash before its closing line counts as one failure.
  const failed = counts ? Number(counts[2]) : 1;
  console.log(`ui test: exit ${code} (${seconds(startedUi)} s)`);
  return { passed, failed: code === 0 ? failed : Math.max(failed, 1) };
}

async function cleanup(keepOnFailure) {
  if (uiChild) killGroup(uiChild);
  if (browser) await Promise.race([browser.close(), timeout(10_000, 'closing Chromium')]).catch(() => undefined);
  if (server) {
    const keep = options.keep || keepOnFailure;
    await server.stop({ keep });
    if (keepOnFailure) {
      // CI keeps test-results/, not /tmp: the logs go where the screenshots are.
      const logs = join(root, 'test-results', 'integration-logs');
      mkdirSync(logs, { recursive: true });
      for (const name of ['code-server.log', 'workbench-console.log']) {
        if (existsSync(join(server.runRoot, name))) copyFileSync(join(server.runRoot, name), join(logs, name));
      }
      console.error(`logs in ${logs}`);
    }
    if (keep) console.error(`kept the run's state (logs, workspaces) in ${server.runRoot}`);
  }
}

function timeout(ms, what) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms).unref());
}

function fail(message) {
  console.error(`run-integration: ${message}`);
  process.exit(1);
}
