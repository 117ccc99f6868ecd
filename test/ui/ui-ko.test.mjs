// The UI test in Korean: code-server started with `--locale ko` (koreanOptions in
// scripts/vscode/code-server.mjs: VS Code's own menus stay English, everything dbarch shows must be
// Korean) and the packaged extension. Open the
// production RDS example, read the Korean finding in the Problems panel, open the light bulb and read
// the Korean quick-fix title, apply it, then open the preview and read its Korean toolbar. The Korean
// texts expected are the catalogue's (l10n/bundle.l10n.ko.json), looked up by their English.
// Screenshots: test-results/ui-ko-*.png. Prints `ui-ko: N passed, N failed`.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { root, vsixPath } from '../../scripts/vscode/common.mjs';
import { CHROMIUM, CHROMIUM_ARGS, koreanOptions, startCodeServer, workbenchUrl } from '../../scripts/vscode/code-server.mjs';
import { openQuickFixMenu, runSteps, story } from './steps.mjs';

const FILE = 'orders.dbarch.yaml';
const RULE = 'rds/multi-az-production';
const STEP_TIMEOUT_MS = 30_000;
const screenshots = join(root, 'test-results');
const korean = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.ko.json'), 'utf8'));
const HANGUL = /[\uac00-\ud7a3]/;

/** The Korean text of the English message that starts with `start` (the catalogue's key). */
function koreanOf(start) {
  const key = Object.keys(korean).find((english) => english.startsWith(start));
  if (!key) throw new Error(`no message starting "${start}" in l10n/bundle.l10n.ko.json`);
  return korean[key];
}

/** The Korean text up to its first placeholder: what the screen shows verbatim. */
function fixedPart(text) {
  return text.split(/\{[^}]+\}/)[0].trim();
}

const { steps, step } = story();

let page;
let editor;
let problems;

step(`opens ${FILE}`, async () => {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE });
  await row.waitFor({ timeout: STEP_TIMEOUT_MS });
  await row.dblclick();
  editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.locator('.view-line', { hasText: 'multiAz: false' }).waitFor({ timeout: STEP_TIMEOUT_MS });
});

step(`the Problems panel shows ${RULE} in Korean`, async () => {
  await editor.locator('.squiggly-warning').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator('.statusbar-item', { has: page.locator('.codicon-database') }).click();
  problems = page.locator('.markers-panel .monaco-list-row', { hasText: RULE });
  await problems.first().waitFor({ timeout: STEP_TIMEOUT_MS });
  const text = await problems.first().innerText();
  if (!HANGUL.test(text)) throw new Error(`the Problems entry is not in Korean: ${text}`);
  console.log(`    ${text.replace(/\s+/g, ' ').slice(0, 160)}`);
});

step('the light bulb offers the Korean quick fix first, and it applies', async () => {
  const title = fixedPart(koreanOf('Turn on Multi-AZ'));
  await problems.first().click();
  await page.keyboard.press('Enter');
  await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ timeout: STEP_TIMEOUT_MS });
  await editor.locator('[class*="codicon-lightbulb"]').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  const focused = await openQuickFixMenu(page, STEP_TIMEOUT_MS);
  const shown = await focused.innerText();
  await page.screenshot({ path: join(screenshots, 'ui-ko-quick-fix.png') });
  if (!shown.includes(title)) throw new Error(`the light bulb menu opened on "${shown}", not on "${title}"`);
  console.log(`    ${shown}`);
  await page.keyboard.press('Enter');
  await editor.locator('.view-line', { hasText: 'multiAz: true' }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await problems.first().waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
});

step('the preview opens with its toolbar in Korean', async () => {
  await page.keyboard.press('F1');
  await page.keyboard.type('dbarch: ');
  // The command's title is Korean too; run it by its id's English category prefix and pick the row.
  const command = page.locator('.quick-input-list .monaco-list-row', { hasText: fixedPart(koreanOfCommand('command.openPreviewToSide.title')) });
  await command.first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await command.first().click();
  const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await frame.locator('.canvas svg g.node').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  const labels = await frame.locator('[aria-label]').evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label')));
  const koreanLabels = labels.filter((label) => /[\uac00-\ud7a3]/.test(label ?? ''));
  await page.screenshot({ path: join(screenshots, 'ui-ko-preview.png') });
  if (koreanLabels.length < 5) throw new Error(`only ${koreanLabels.length} Korean control labels in the preview: ${JSON.stringify(labels)}`);
});

/** A contribution's Korean title from package.nls.ko.json. */
function koreanOfCommand(key) {
  const nls = JSON.parse(readFileSync(join(root, 'package.nls.ko.json'), 'utf8'));
  if (typeof nls[key] !== 'string') throw new Error(`no ${key} in package.nls.ko.json`);
  return nls[key];
}

// A hung browser or server must not hold CI: the whole story gets three minutes (code-server's start
// and the extension's install included); the 'exit' hook of startCodeServer stops the server.
setTimeout(() => {
  console.log('ui-ko: 0 passed, 1 failed (timed out after 180 s)');
  process.exit(1);
}, 180_000).unref();

await main();

async function main() {
  const started = performance.now();
  mkdirSync(screenshots, { recursive: true });
  let server;
  let browser;
  let passed = 0;
  let failed = 0;
  try {
    server = await startCodeServer({ vsix: process.env.DBARCH_VSIX ?? vsixPath(), ...koreanOptions() });
    const workspace = server.workspace('ui-ko-workspace');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 30_000 });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR' });
    await page.goto(workbenchUrl(server, workspace), { timeout: 30_000 });
    console.log('\nUI test in Korean (code-server --locale ko, Chromium)');
    ({ passed, failed } = await runSteps(steps, { page, screenshots, prefix: 'ui-ko' }));
  } catch (error) {
    console.log(`  ✖ the Korean UI test could not start: ${error.stack ?? error}`);
    failed = Math.max(failed, 1);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }
  console.log(`screenshots in ${screenshots} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`ui-ko: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}
