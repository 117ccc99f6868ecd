// The Marketplace README's screenshots, taken from the packaged extension in a real VS Code
// (code-server + Debian Chromium): media/screenshots/light.jpg and dark.jpg (the shop example with a
// finding's quick fix open and the preview beside it, in the light and dark themes) and korean.jpg
// (the same with code-server `--locale ko`, through the Korean UI test's language identity).
//
//   npm run screenshots        (packages first; needs code-server: node scripts/vscode/install-code-server.mjs)
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { root, vsixPath } from './common.mjs';
import { CHROMIUM, CHROMIUM_ARGS, koreanOptions, startCodeServer, workbenchUrl } from './code-server.mjs';

const out = join(root, 'media', 'screenshots');
const TIMEOUT = 60_000;

const shots = [
  { name: 'light.jpg', settings: { 'workbench.colorTheme': 'Default Light Modern' } },
  { name: 'dark.jpg', settings: { 'workbench.colorTheme': 'Default Dark Modern' } },
  { name: 'korean.jpg', settings: { 'workbench.colorTheme': 'Default Light Modern' }, korean: true },
];

mkdirSync(out, { recursive: true });
for (const shot of shots) await take(shot);
console.log(`screenshots in ${out}`);
process.exit(0);

async function take({ name, settings, korean = false }) {
  const options = { vsix: vsixPath(), settings: { ...settings, 'workbench.tips.enabled': false, 'editor.minimap.enabled': false } };
  if (korean) Object.assign(options, koreanOptions());
  const server = await startCodeServer(options);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const workspace = join(server.runRoot, 'shots');
    mkdirSync(workspace);
    copyFileSync(join(root, 'examples', 'shop.dbarch.yaml'), join(workspace, 'shop.dbarch.yaml'));
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, locale: korean ? 'ko-KR' : 'en-US' });
    await page.goto(workbenchUrl(server, workspace), { timeout: TIMEOUT });
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'shop.dbarch.yaml' });
    await row.waitFor({ timeout: TIMEOUT });
    await row.dblclick();
    const editor = page.locator('.editor-group-container').first().locator('.monaco-editor').first();
    // Linted: dbarch's status bar item counts the file's errors.
    await page.locator('.statusbar-item', { has: page.locator('.codicon-database') }).waitFor({ timeout: TIMEOUT });
    // The side bar away, the preview beside the editor.
    await page.keyboard.press('Control+B');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('V');
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await frame.locator('.canvas svg g.node').first().waitFor({ timeout: TIMEOUT });
    await frame.locator('[data-action="fit"]').click().catch(() => undefined);
    // The unencrypted DAX cluster's error (security/encryption-at-rest): go to it, open its quick fixes.
    const line = readFileSync(join(workspace, 'shop.dbarch.yaml'), 'utf8').split('\n').findIndex((text) => /^\s+dax:/.test(text)) + 1;
    await editor.click({ position: { x: 100, y: 10 } });
    await page.keyboard.press('Control+G');
    await page.keyboard.type(`${line}:6`);
    await page.keyboard.press('Enter');
    await editor.locator('.squiggly-error').first().waitFor({ timeout: TIMEOUT });
    await page.waitForTimeout(800);
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget').waitFor({ timeout: TIMEOUT }).catch(() => undefined);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(out, name), type: 'jpeg', quality: 80 });
    console.log(`${name}: taken`);
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
  }
}
