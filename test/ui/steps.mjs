// The step runner of the UI stories (ui.test.mjs, ui-ko.test.mjs): each step runs in order, timed; a
// step that fails ends the story (the later ones could only fail with it) and leaves a screenshot.
import { join } from 'node:path';

/**
 * A story's list of steps and the function that adds one. A step that fails ends the story (the later
 * ones could only fail with it).
 */
export function story() {
  const steps = [];
  return { steps, step: (title, body) => steps.push({ title, body }) };
}

/**
 * Runs `steps` ({ title, body }) against `page`, printing one line per step; a failed step's screenshot
 * is `<prefix>-failed-step-<n>.png` in `screenshots`. Returns the counts.
 */
export async function runSteps(steps, { page, screenshots, prefix }) {
  let passed = 0;
  let failed = 0;
  for (const [index, { title, body }] of steps.entries()) {
    if (failed > 0) {
      console.log(`  ✖ ${title} (not run: an earlier step failed)`);
      failed++;
      continue;
    }
    const started = performance.now();
    try {
      await body();
      passed++;
      console.log(`  ✔ ${title} (${Math.round(performance.now() - started)} ms)`);
    } catch (error) {
      failed++;
      console.log(`  ✖ ${title}\n${String(error.stack ?? error).replace(/^/gm, '      ')}`);
      await page.screenshot({ path: join(screenshots, `${prefix}-failed-step-${index + 1}.png`) }).catch(() => undefined);
    }
  }
  return { passed, failed };
}

/**
 * Opens the light bulb's menu (Ctrl+.) on the editor that has the focus and returns its focused row.
 * The key press can land while VS Code is still computing the cursor's code actions and be dropped
 * (seen once in about ten runs), so it is pressed again once if no menu shows within five seconds.
 */
export async function openQuickFixMenu(page, timeout) {
  const focused = page.locator('.action-widget .monaco-list-row.focused');
  await page.keyboard.press('Control+.');
  try {
    await focused.waitFor({ timeout: 5_000 });
  } catch {
    await page.keyboard.press('Control+.');
    await focused.waitFor({ timeout });
  }
  return focused;
}
