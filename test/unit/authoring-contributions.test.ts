// The authoring contributions (commands, snippets, walkthrough) point at files that ship and at commands
// and context keys the code defines, and package.json carries them.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AUTHORING_COMMANDS, FIX_APPLIED_CONTEXT } from '../../src/extension/authoring/commands';

interface Walkthrough {
  id: string;
  title: string;
  description: string;
  featuredFor?: string[];
  steps: { id: string; title: string; description: string; media: { markdown?: string; image?: string; altText?: string }; completionEvents?: string[] }[];
}

interface Manifest {
  activationEvents?: string[];
  contributes: {
    commands?: { command: string; title: string; category?: string }[];
    menus?: Record<string, { command: string }[]>;
    snippets?: { language: string; path: string }[];
    walkthroughs?: Walkthrough[];
  };
}

const root = join(__dirname, '..', '..');
/** The texts behind package.json's `%key%` strings: English, and the Korean translation. */
const englishTexts = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const koreanTexts = JSON.parse(readFileSync(join(root, 'package.nls.ko.json'), 'utf8')) as Record<string, string>;
/** A manifest string as VS Code shows it: `%key%` resolved through package.nls.json (or another language's file). */
function resolved(value: string, texts: Record<string, string> = englishTexts): string {
  const key = /^%([^%]+)%$/.exec(value)?.[1];
  if (key === undefined) return value;
  assert.equal(typeof texts[key], 'string', `${value} has a text`);
  return texts[key];
}
const fragment = JSON.parse(readFileSync(join(root, 'src/extension/authoring/contributes.json'), 'utf8')) as Manifest;
const walkthrough = fragment.contributes.walkthroughs?.[0];

/** Commands of VS Code itself that the walkthrough may link to or wait for. */
const BUILT_IN_COMMANDS = new Set(['workbench.actions.view.problems']);
const ownCommands = new Set<string>(Object.values(AUTHORING_COMMANDS));
/** Commands the rest of the extension contributes (the preview's), which the walkthrough may use. */
const manifestCommands = new Set<string>((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest).contributes.commands?.map((entry) => entry.command) ?? []);

test('every authoring command is contributed (or activates the extension), and nothing else is', () => {
  const contributed = new Set(fragment.contributes.commands?.map((command) => command.command));
  for (const command of ownCommands) {
    if (command.startsWith('_')) assert.ok(fragment.activationEvents?.includes(`onCommand:${command}`), `${command}: a hidden command needs its activation event`);
    else assert.ok(contributed.has(command), `${command} is in contributes.commands`);
  }
  for (const command of contributed) assert.ok(ownCommands.has(command), `${command} is registered by registerAuthoring()`);
  for (const entry of fragment.contributes.commands ?? []) assert.equal(entry.category, 'dbarch', `${entry.command}: shows as "dbarch: ..."`);
  assert.deepEqual(fragment.contributes.menus?.['file/newFile'], [{ command: AUTHORING_COMMANDS.newFile }], 'File > New File... offers it');
});

test('the snippet files exist and are contributed to YAML and JSON', () => {
  const snippets = fragment.contributes.snippets ?? [];
  assert.deepEqual(snippets.map((snippet) => snippet.language).sort(), ['json', 'yaml']);
  for (const snippet of snippets) assert.ok(existsSync(join(root, snippet.path)), snippet.path);
});

test('the walkthrough: five steps, each with Markdown that ships (in English and Korean) and a completion event the code can fire', () => {
  assert.ok(walkthrough, 'a walkthrough');
  assert.deepEqual(
    walkthrough.steps.map((step) => step.id),
    ['openExample', 'seeFindings', 'seeDiagram', 'applyFix', 'lintInCi'],
  );
  for (const step of walkthrough.steps) {
    // VS Code resolves every `%key%` of the manifest, the Markdown's path too: each language has its page.
    for (const texts of [englishTexts, koreanTexts]) {
      const path = step.media.markdown && resolved(step.media.markdown, texts);
      assert.ok(path && existsSync(join(root, path)), `${step.id}: ${path} exists`);
      const markdown = readFileSync(join(root, path), 'utf8');
      assert.match(markdown, /^# \S/, `${step.id}: ${path} starts with a heading`);
    }
    assert.notEqual(resolved(step.media.markdown!, koreanTexts), resolved(step.media.markdown!), `${step.id}: a Korean page of its own`);
    const events = step.completionEvents ?? [];
    assert.ok(events.length > 0, `${step.id}: says when it is done`);
    for (const event of events) {
      const [kind, value] = event.split(/:(.*)/s);
      if (kind === 'onCommand') assert.ok(ownCommands.has(value) || manifestCommands.has(value) || BUILT_IN_COMMANDS.has(value), `${step.id}: ${value} exists`);
      else if (kind === 'onContext') assert.equal(value, FIX_APPLIED_CONTEXT, `${step.id}: a context key the code sets`);
      else if (kind === 'onView') assert.equal(value, 'workbench.panel.markers.view', `${step.id}: the Problems view`);
      else assert.equal(event, 'onStepSelected', `${step.id}: ${event}`);
    }
    const links = (description: string): string[] => [...description.matchAll(/\(command:([\w.]+)[^)]*\)/g)].map((link) => link[1]);
    for (const command of links(resolved(step.description))) {
      assert.ok(ownCommands.has(command) || manifestCommands.has(command) || BUILT_IN_COMMANDS.has(command), `${step.id}: the button's command ${command} exists`);
    }
    assert.deepEqual(links(resolved(step.description, koreanTexts)), links(resolved(step.description)), `${step.id}: the Korean description has the same buttons`);
  }
  const applyFix = walkthrough.steps.find((step) => step.id === 'applyFix');
  assert.deepEqual(applyFix?.completionEvents, [`onContext:${FIX_APPLIED_CONTEXT}`], 'applying a fix, not just opening the menu, completes step 3');
});

test('the walkthrough\'s diagram step opens the preview, a command the extension contributes', () => {
  const step = walkthrough?.steps.find((candidate) => candidate.id === 'seeDiagram');
  assert.ok(step);
  assert.match(resolved(step.description), /\(command:dbarch\.openPreviewToSide\)/);
  assert.ok(manifestCommands.has('dbarch.openPreviewToSide') && manifestCommands.has('dbarch.openPreview'));
});

test('the walkthrough opens the example the examples folder ships', () => {
  assert.ok(existsSync(join(root, 'examples', 'learning-mistakes.dbarch.yaml')));
  assert.ok(readFileSync(join(root, 'media/walkthrough/open-example.md'), 'utf8').includes('learning-mistakes.dbarch.yaml'));
});

test('package.json carries the authoring contributions (the lead merges src/extension/authoring/contributes.json)', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
  for (const event of fragment.activationEvents ?? []) assert.ok(manifest.activationEvents?.includes(event), `activationEvents has ${event}`);
  for (const command of fragment.contributes.commands ?? []) {
    assert.deepEqual(manifest.contributes.commands?.find((entry) => entry.command === command.command), command, `contributes.commands has ${command.command}`);
  }
  for (const [menu, entries] of Object.entries(fragment.contributes.menus ?? {})) {
    for (const entry of entries) assert.ok(manifest.contributes.menus?.[menu]?.some((item) => item.command === entry.command), `menus.${menu} has ${entry.command}`);
  }
  assert.deepEqual(manifest.contributes.snippets, fragment.contributes.snippets, 'contributes.snippets');
  assert.deepEqual(manifest.contributes.walkthroughs, fragment.contributes.walkthroughs, 'contributes.walkthroughs');
});
