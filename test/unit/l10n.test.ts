// The message catalogue: every message the code shows is in l10n/bundle.l10n.json, every one has a
// Korean text with the same placeholders and the same `code`, and package.json's contributions are
// translated the same way (package.nls.json / package.nls.ko.json).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { catalogueFile, catalogueText, extractCatalogue } from '../../scripts/l10n';
import { capacityReport } from '../../src/core/capacity';
import { failureScenarios, simulate } from '../../src/core/failure';
import { configureL10n, localize, t, type L10nBundle } from '../../src/core/l10n';
import { lint } from '../../src/core/lint';
import { renderDiagram } from '../../src/core/mermaid';
import { buildPreview } from '../../src/core/preview';
import { rules } from '../../src/core/rules';

const root = join(__dirname, '..', '..');
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;
const textOf = (value: unknown): string => (typeof value === 'string' ? value : (value as { message: string }).message);

/** `{0}`, `{name}`: what the code fills in, sorted (a translation may reorder them). */
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{([^{}\s]+)\}/g)].map((match) => match[1]).sort();
}

/** `retentionDays`, `multiAz: true`: code a reader types, which a translation must keep as written. */
function codeSpans(message: string): string[] {
  return [...message.matchAll(/`([^`]+)`/g)].map((match) => match[1]).sort();
}

describe('t', () => {
  test('a tagged template is keyed by its text with numbered placeholders', () => {
    configureL10n({ '{0} has {1} replicas': '{0}에 복제본이 {1}개 있습니다' }, 'ko');
    try {
      const name = 'orders';
      assert.equal(t`${name} has ${3} replicas`, 'orders에 복제본이 3개 있습니다');
      assert.equal(t`not translated ${name}`, 'not translated orders');
    } finally {
      configureL10n(undefined);
    }
    assert.equal(t`${'orders'} has ${3} replicas`, 'orders has 3 replicas');
  });

  test('named placeholders, and values are never read as placeholders', () => {
    assert.equal(t('{count} problems in {file}', { count: 2, file: '{count}.yaml' }), '2 problems in {count}.yaml');
    assert.equal(t`${'{0}'} and ${'{1}'}`, '{0} and {1}');
    assert.equal(t('keeps { region } and {unknown}', { other: 1 }), 'keeps { region } and {unknown}');
  });

  test('localize reads the bundle for text kept outside a call', () => {
    configureL10n({ 'A rule.': '규칙.' }, 'ko');
    try {
      assert.equal(localize('A rule.'), '규칙.');
      assert.equal(localize('Another.'), 'Another.');
    } finally {
      configureL10n(undefined);
    }
  });
});

describe('the catalogue', () => {
  const english = readJson('l10n/bundle.l10n.json');
  const korean = readJson('l10n/bundle.l10n.ko.json');

  test('l10n/bundle.l10n.json lists exactly the messages in the code (npm run l10n)', async () => {
    assert.equal(readFileSync(catalogueFile, 'utf8'), catalogueText(await extractCatalogue()));
  });

  test('every message has a Korean text, and Korean has no message the code no longer shows', () => {
    const missing = Object.keys(english).filter((key) => typeof korean[key] !== 'string' || textOf(korean[key]).trim() === '');
    assert.deepEqual(missing, [], `${missing.length} messages without Korean`);
    const stale = Object.keys(korean).filter((key) => !(key in english));
    assert.deepEqual(stale, [], `${stale.length} Korean texts for messages that are gone`);
  });

  test('each Korean text has the same placeholders and the same code as its English', () => {
    const mismatched: string[] = [];
    for (const [key, value] of Object.entries(korean)) {
      const text = textOf(value);
      if (JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(key))) mismatched.push(`placeholders: ${key}\n  ${text}`);
      if (JSON.stringify(codeSpans(text)) !== JSON.stringify(codeSpans(key))) mismatched.push(`code: ${key}\n  ${text}`);
    }
    assert.deepEqual(mismatched, []);
  });

  test('Korean texts are Korean', () => {
    const untranslated = Object.entries(korean).filter(([key, value]) => !/[\uac00-\ud7a3]/.test(textOf(value)) && /[a-z]{3,}\s+[a-z]{3,}/i.test(key.replace(/`[^`]*`/g, '')));
    assert.deepEqual(untranslated.map(([key]) => key), []);
  });
});

describe('package.json contributions', () => {
  const manifest = readFileSync(join(root, 'package.json'), 'utf8');
  const english = readJson('package.nls.json');
  const korean = readJson('package.nls.ko.json');
  const used = [...new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]))].sort();

  test('every %key% in package.json has an English and a Korean text', () => {
    assert.ok(used.length > 20, `only ${used.length} keys`);
    assert.deepEqual(used.filter((key) => typeof english[key] !== 'string'), [], 'missing in package.nls.json');
    assert.deepEqual(used.filter((key) => typeof korean[key] !== 'string'), [], 'missing in package.nls.ko.json');
    assert.deepEqual(Object.keys(english).filter((key) => !used.includes(key)), [], 'unused in package.nls.json');
    assert.deepEqual(Object.keys(korean).filter((key) => !(key in english)), [], 'unused in package.nls.ko.json');
  });

  test('Korean contribution texts keep placeholders and code', () => {
    for (const [key, value] of Object.entries(korean)) {
      const source = textOf(english[key]);
      assert.deepEqual(placeholders(textOf(value)), placeholders(source), key);
      assert.deepEqual(codeSpans(textOf(value)), codeSpans(source), key);
    }
  });

  test('no user-facing title or description is left in English in package.json', () => {
    const contributes = (JSON.parse(manifest) as { contributes: unknown }).contributes;
    const literal: string[] = [];
    const visit = (value: unknown, key: string, path: string): void => {
      if (typeof value === 'string') {
        const shown = ['title', 'description', 'markdownDescription', 'label', 'name', 'altText', 'enumDescriptions', 'markdownEnumDescriptions', 'deprecationMessage', 'shortTitle'].includes(key);
        if (shown && !/^%[^%]+%$/.test(value) && /[a-z]{2,}\s/i.test(value)) literal.push(`${path}: ${value}`);
        return;
      }
      if (Array.isArray(value)) value.forEach((item, index) => visit(item, key, `${path}[${index}]`));
      else if (value && typeof value === 'object') for (const [child, item] of Object.entries(value)) visit(item, child, `${path}.${child}`);
    };
    visit(contributes, 'contributes', 'contributes');
    assert.deepEqual(literal, []);
  });
});

/** Hangul: a text the reader sees in Korean. */
const KOREAN = /[\uac00-\ud7a3]/;

function architectureFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.dbarch\.(ya?ml|json)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

describe('in Korean, everything the engine shows is Korean', () => {
  test('findings, fixes, diagrams, previews, failure simulations and capacity over every example and fixture', () => {
    const korean = readJson('l10n/bundle.l10n.ko.json') as L10nBundle;
    const missing = new Map<string, string>();
    const english: string[] = [];
    const files = [...architectureFiles(join(root, 'examples')), ...architectureFiles(join(root, 'test', 'fixtures', 'rules'))];
    let where = '';
    configureL10n(korean, 'ko', (key) => {
      if (!missing.has(key)) missing.set(key, where);
    });
    try {
      for (const rule of rules) {
        where = rule.meta.id;
        if (!KOREAN.test(localize(rule.meta.description))) english.push(`${rule.meta.id} description`);
      }
      for (const file of files) {
        const fileName = file.slice(file.lastIndexOf('/') + 1);
        where = file.slice(root.length + 1);
        const result = lint(readFileSync(file, 'utf8'), { fileName });
        for (const finding of result.findings) {
          const texts = [finding.message, finding.fix?.title, ...(finding.related ?? []).map((related) => related.message)];
          for (const text of texts) {
            // A message that is only code or values (a YAML parser's own words are English) is left alone.
            if (text && !KOREAN.test(text) && /[a-z]{3,} [a-z]{3,} [a-z]{3,}/i.test(text.replace(/`[^`]*`/g, '')) && finding.ruleId !== 'syntax') english.push(`${where}: ${finding.ruleId}: ${text}`);
          }
        }
        if (!result.model || !result.topology) continue;
        renderDiagram(result.topology);
        buildPreview(result, { force: true });
        capacityReport(result.model);
        for (const scenario of failureScenarios(result.model, result.topology)) {
          simulate(result.model, result.topology, scenario);
          buildPreview(result, { force: true, failure: scenario });
        }
      }
    } finally {
      configureL10n(undefined);
    }
    assert.deepEqual([...missing].map(([key, at]) => `${at}: ${key}`), [], 'messages shown that the catalogue has no Korean for (not extracted, or not translated)');
    assert.deepEqual(english.slice(0, 20), [], `${english.length} texts shown in English (not wrapped in l10n.t)`);
  });
});
