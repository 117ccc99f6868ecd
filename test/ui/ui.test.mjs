// The UI test: what a person sees in a real VS Code (code-server) with the packaged extension.
// Open the production RDS example from the Explorer, see the squiggle and the Problems entry for
// rds/multi-az-production, apply the quick fix from the light bulb, see the entry go, then type
// `false` back and see the warning return (the time is reported). Screenshots go to test-results/.
//
// scripts/vscode/run-integration.mjs runs it against its code-server (DBARCH_CODE_SERVER_URL and
// DBARCH_UI_WORKSPACE); run alone (`node test/ui/ui.test.mjs`), it starts its own with the .vsix
// `npm run package` built. It prints `ui: N passed, N failed` and exits non-zero on a failure.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { root, vsixPath } from '../../scripts/vscode/common.mjs';
import { CHROMIUM, CHROMIUM_ARGS, startCodeServer, workbenchUrl } from '../../scripts/vscode/code-server.mjs';
import { openQuickFixMenu, runSteps, story } from './steps.mjs';

const FILE = 'orders.dbarch.yaml';
const RULE = 'rds/multi-az-production';
const FIX_TITLE = 'Turn on Multi-AZ';
const STEP_TIMEOUT_MS = 30_000;
const screenshots = join(root, 'test-results');

const { steps, step } = story();

let page;
let editor;
let problems;

step(`opens ${FILE} by double-clicking it in the Explorer`, async () => {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE });
  await row.waitFor({ timeout: STEP_TIMEOUT_MS });
  await row.dblclick();
  editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await page.locator('.tabs-container .tab.active', { hasText: FILE }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await editor.locator('.view-line', { hasText: 'multiAz: false' }).waitFor({ timeout: STEP_TIMEOUT_MS });
});

step(`shows a warning squiggle, 0 errors and 1 warning in the status bar, and a Problems entry for ${RULE}`, async () => {
  await editor.locator('.squiggly-warning').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  // The status bar item (dbarch's own) opens the Problems view, as a person would click it.
  const status = page.locator('.statusbar-item', { has: page.locator('.codicon-database') });
  await status.waitFor({ timeout: STEP_TIMEOUT_MS });
  const counts = (await status.innerText()).replace(/\s+/g, ' ').trim();
  if (counts !== '0 1') throw new Error(`the status bar item reads "${counts}", not 0 errors and 1 warning`);
  await status.click();
  problems = page.locator('.markers-panel .monaco-list-row', { hasText: RULE });
  await problems.first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.screenshot({ path: join(screenshots, 'ui-1-warning.png') });
});

step('applies the preferred quick fix from the light bulb (Ctrl+.)', async () => {
  // Enter on the Problems entry puts the cursor on the finding and the focus in the editor.
  await problems.first().click();
  await page.keyboard.press('Enter');
  // Ctrl+. goes to whatever has the focus: wait until the editor has it and VS Code has computed the
  // fixes for the cursor's place (the light bulb shows), or the key press can land in between.
  await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ timeout: STEP_TIMEOUT_MS });
  await editor.locator('[class*="codicon-lightbulb"]').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  // The preferred fix is the one the menu opens on, so Enter applies it.
  const focused = await openQuickFixMenu(page, STEP_TIMEOUT_MS);
  await page.screenshot({ path: join(screenshots, 'ui-2-light-bulb.png') });
  const title = await focused.innerText();
  if (!title.includes(FIX_TITLE)) throw new Error(`the light bulb menu opened on "${title}", not on "${FIX_TITLE}"`);
  await page.keyboard.press('Enter');
  await editor.locator('.view-line', { hasText: 'multiAz: true' }).waitFor({ timeout: STEP_TIMEOUT_MS });
});

step('the Problems entry and the squiggle go away', async () => {
  await problems.first().waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
  await editor.locator('.squiggly-warning').first().waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
  await page.screenshot({ path: join(screenshots, 'ui-3-fixed.png') });
});

step(`typing \`multiAz: false\` brings the warning back (time reported)`, async () => {
  // Double-clicking the value selects the word, as a person would before typing over it.
  const line = editor.locator('.view-line', { hasText: 'multiAz: true' });
  await line.locator('span', { hasText: 'true' }).last().dblclick();
  await page.keyboard.type('false', { delay: 40 });
  const typed = performance.now();
  // The squiggle is the warning in the editor where the person is typing; the Problems view follows
  // on its own schedule (it batches marker changes), so its time is reported, not held to the second.
  await editor.locator('.squiggly-warning').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  const squiggleMs = performance.now() - typed;
  await problems.first().waitFor({ timeout: STEP_TIMEOUT_MS });
  const problemsMs = performance.now() - typed;
  // Close the completion list the typing opened, so the screenshot shows the squiggle.
  await page.keyboard.press('Escape');
  await page.screenshot({ path: join(screenshots, 'ui-4-typed-false.png') });
  // Reported, not asserted: timings belong to measurements, and a loaded machine must not fail the suite.
  console.log(`    after the last keystroke: squiggle ${Math.round(squiggleMs)} ms, Problems entry ${Math.round(problemsMs)} ms (dbarch.lintDelay 250 ms)`);
  writeFileSync(join(screenshots, 'ui-timings.json'), JSON.stringify({ squiggleMs: Math.round(squiggleMs), problemsMs: Math.round(problemsMs) }, null, 2) + '\n');
});

const PREVIEW_FILE = 'preview.dbarch.yaml';
let preview;
let previewNodes;

step(`opens ${PREVIEW_FILE} and its preview to the side from the editor title button`, async () => {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: PREVIEW_FILE });
  await row.waitFor({ timeout: STEP_TIMEOUT_MS });
  await row.dblclick();
  await page.locator('.tabs-container .tab.active', { hasText: PREVIEW_FILE }).waitFor({ timeout: STEP_TIMEOUT_MS });
  editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.locator('.view-line', { hasText: 'name: preview-demo' }).waitFor({ timeout: STEP_TIMEOUT_MS });
  const button = page.locator('.editor-group-container.active .editor-actions .action-label[aria-label^="Open Preview to the Side"]');
  await button.waitFor({ timeout: STEP_TIMEOUT_MS });
  await button.click();
  preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  previewNodes = preview.locator('g.node[data-node]');
  // orders, its standby, its replica, the cache primary, one cache replica, and the web application.
  await waitForCount(previewNodes, 6);
  await page.locator('.tabs-container .tab', { hasText: `Preview ${PREVIEW_FILE}` }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.screenshot({ path: join(screenshots, 'ui-5-preview.png') });
});

step('typing a new replica count redraws the diagram (time reported)', async () => {
  // The line is below the editor's fold: go to it as a person would (Ctrl+G).
  await goToLine(38);
  const line = editor.locator('.view-line', { hasText: 'replicasPerShard: 1' });
  await line.waitFor({ timeout: STEP_TIMEOUT_MS });
  await line.locator('span', { hasText: '1' }).last().dblclick();
  await page.keyboard.type('2', { delay: 40 });
  const typed = performance.now();
  await waitForCount(previewNodes, 7);
  const redrawMs = performance.now() - typed;
  await page.keyboard.press('Escape');
  await preview.locator('g.node[data-node]', { hasText: 'sessions replica 2' }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.screenshot({ path: join(screenshots, 'ui-6-preview-edited.png') });
  console.log(`    after the keystroke: diagram redrawn in ${Math.round(redrawMs)} ms (dbarch.lintDelay 250 ms)`);
  writeFileSync(join(screenshots, 'ui-preview-timings.json'), JSON.stringify({ redrawMs: Math.round(redrawMs) }, null, 2) + '\n');
});

step('clicking a node in the preview shows its definition in the editor', async () => {
  await preview.locator('g.node[data-node]', { hasText: 'orders-replica-1' }).click();
  // The editor gets the focus and its selection is the replica's `name` key (line 30 of the file).
  await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ timeout: STEP_TIMEOUT_MS });
  const position = page.locator('.statusbar-item[id="status.editor.selection"]');
  await position.filter({ hasText: /Ln 30,/ }).waitFor({ timeout: STEP_TIMEOUT_MS });
});

step('moving the cursor into a definition highlights its node', async () => {
  await goToLine(19);
  await editor.locator('.view-line', { hasText: 'engine: postgres' }).click();
  await preview.locator('g.node.highlighted[data-node]', { hasText: 'PostgreSQL' }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.screenshot({ path: join(screenshots, 'ui-7-preview-highlight.png') });
});

step('after a window reload the preview comes back with the edited diagram', async () => {
  await page.reload({ timeout: 30_000 });
  await page.locator('.tabs-container .tab', { hasText: `Preview ${PREVIEW_FILE}` }).waitFor({ timeout: STEP_TIMEOUT_MS });
  // The restored panel (WebviewPanelSerializer) follows the document, whose unsaved edit VS Code kept.
  preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  previewNodes = preview.locator('g.node[data-node]');
  await waitForCount(previewNodes, 7);
  await page.screenshot({ path: join(screenshots, 'ui-8-preview-restored.png') });
});

step('picking "Loss of AZ ap-northeast-2a" greys the primary and shows the RTO/RPO table', async () => {
  await preview.locator('vscode-single-select.failure-select').click();
  await preview.getByRole('option', { name: 'Loss of AZ ap-northeast-2a' }).click();
  const row = preview.locator('.outcomes-table tbody tr', { hasText: 'orders' });
  await row.waitFor({ timeout: STEP_TIMEOUT_MS });
  const cells = await row.locator('td').allInnerTexts();
  if (cells[1] !== 'failed over' || cells[4] !== '60-120 s') throw new Error(`orders after the loss of its AZ: ${cells.join(' | ')}`);
  await page.screenshot({ path: join(screenshots, 'ui-9-preview-failure.png') });
});

/** Moves the active editor's cursor to a line with Go to Line (Ctrl+G). */
async function goToLine(line) {
  await editor.click({ position: { x: 200, y: 10 } });
  await page.keyboard.press('Control+G');
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.locator('.statusbar-item[id="status.editor.selection"]', { hasText: new RegExp(`Ln ${line},`) }).waitFor({ timeout: STEP_TIMEOUT_MS });
}

/** Waits until a locator matches exactly `count` elements. */
async function waitForCount(locator, count) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let seen = -1;
  while (Date.now() < deadline) {
    seen = await locator.count();
    if (seen === count) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`expected ${count} diagram nodes, saw ${seen}`);
}

await main();

async function main() {
  const started = performance.now();
  mkdirSync(screenshots, { recursive: true });
  // Screenshots of an earlier run (a failed step's especially) must not pass for this run's.
  for (const name of readdirSync(screenshots)) if (/^ui-.*\.png$/.test(name)) rmSync(join(screenshots, name));
  let server;
  let url = process.env.DBARCH_CODE_SERVER_URL;
  let workspace = process.env.DBARCH_UI_WORKSPACE;
  let browser;
  let passed = 0;
  let failed = 0;
  try {
    if (!url) {
      server = await startCodeServer({ vsix: process.env.DBARCH_VSIX ?? vsixPath() });
      url = server.url;
      workspace = server.workspace('ui-workspace');
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 30_000 });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(workbenchUrl({ url }, workspace), { timeout: 30_000 });
    console.log('\nUI test in code-server (Chromium)');
    ({ passed, failed } = await runSteps(steps, { page, screenshots, prefix: 'ui' }));
  } catch (error) {
    console.log(`  ✖ the UI test could not start: ${error.stack ?? error}`);
    failed = Math.max(failed, 1);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }
  console.log(`screenshots in ${screenshots} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`ui: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}
