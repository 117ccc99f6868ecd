// Completion and hover on a large YAML file parse an excerpt of it (src/extension/language/excerpt.ts):
// the file without most items of its top-level lists. Checked here against the whole text: the place
// under the cursor at every offset, and the schema services' items and hovers at every line, for the
// examples, generated files and thousands of edited versions of them read in pieces, as the editor
// reads them. Excerpts are forced here (`worthIt` 0) so the small examples take the same path.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import schema from '../../schemas/dbarch.schema.json';
import { generateArchitecture } from '../../bench/generate';
import { parseSource, type SourceDocument } from '../../src/core/document';
import { placeAt } from '../../src/extension/language/cursor';
import { Excerpt } from '../../src/extension/language/excerpt';
import { LanguageFeatures } from '../../src/extension/language/features';
import { createSchemaServices } from '../../src/extension/language/schema-services';
import { edit, random } from '../support/edits';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

/** The YAML examples and generated files of several sizes, each a file an excerpt can be cut from. */
function texts(): { name: string; text: string }[] {
  const examples = readdirSync(EXAMPLES)
    .filter((name) => name.endsWith('.dbarch.yaml'))
    .map((name) => ({ name, text: readFileSync(join(EXAMPLES, name), 'utf8') }));
  const generated = [3, 12].map((databases) => ({ name: `generated, ${databases} databases`, text: generateArchitecture({ databases, seed: databases }) }));
  return [...examples, ...generated];
}

/** Whole reads in pieces of edited versions of a text: each edit builds on the last clean read, as the editor's do. */
function editedReads(text: string, seed: number, count: number): SourceDocument[] {
  const next = random(seed);
  let clean = parseSource(text, 'yaml');
  let current = text;
  const reads: SourceDocument[] = [];
  while (reads.length < count) {
    current = edit(current, next);
    const read = parseSource(current, 'yaml', clean);
    if (read.problems.length === 0 && read.duplicateKeys.length === 0) clean = read;
    if (read.readInPieces) reads.push(read);
    // Wandered off into text that no longer reads: start again from the file.
    if (read.hasSyntaxErrors && next() < 0.2) current = text;
  }
  return reads;
}

describe('the place under the cursor in an excerpt', () => {
  test('is the place the whole text gives, at every offset of the files and of edited versions read in pieces', () => {
    let offsets = 0;
    let excerpts = 0;
    for (const [index, { name, text }] of texts().entries()) {
      for (const read of [parseSource(text, 'yaml'), ...editedReads(text, index + 1, 10)]) {
        const whole = Array.from({ length: read.text.length + 1 }, (_, offset) => placeAt(read.text, 'yaml', offset));
        for (let offset = 0; offset <= read.text.length; offset++) {
          const excerpt = Excerpt.around(read, offset, 0);
          if (!excerpt) continue;
          excerpts++;
          const got = placeAt(read.text, 'yaml', offset, { excerpt });
          assert.deepEqual(got, whole[offset], `${name}, offset ${offset} of:\n${read.text.slice(Math.max(0, offset - 80), offset)}|${read.text.slice(offset, offset + 40)}`);
          offsets++;
        }
      }
    }
    // Not a test that passes by finding nothing to compare.
    assert.ok(offsets > 50_000 && excerpts === offsets, `${offsets} offsets compared`);
  });

  test('keeps the outline, the first and last item of each list and the items around the cursor, and maps offsets and paths back', () => {
    const text = generateArchitecture({ databases: 100, seed: 3 });
    const read = parseSource(text, 'yaml');
    const third = nthItem(text, 'migrations', 3);
    const excerpt = Excerpt.around(read, third + 4, 0)!;
    assert.ok(excerpt.text.length < text.length / 4, 'most of the file is left out');
    assert.ok(excerpt.text.startsWith(text.slice(0, text.indexOf('\n  ', text.indexOf('\napplications:') + 1))), 'the lines before the first item are kept');
    for (const kept of [0, 2, 3, 4]) assert.ok(excerpt.text.includes(itemText(text, 'migrations', kept)), `migration ${kept} is kept`);
    for (const left of [1, 5, 6]) assert.ok(!excerpt.text.includes(itemText(text, 'migrations', left)), `migration ${left} is left out`);
    assert.equal(excerpt.toFile(excerpt.toExcerpt(third + 4)!), third + 4);
    assert.deepEqual(excerpt.pathToFile(['migrations', 2, 'name']), ['migrations', 3, 'name']);
    assert.deepEqual(excerpt.pathToFile(['migrations', 1]), ['migrations', 2]);
    const last = text.slice(text.indexOf('\nmigrations:')).split('\n  - ').length - 2;
    assert.deepEqual(excerpt.pathToFile(['migrations', 4]), ['migrations', last], 'the last item is kept');
    assert.deepEqual(excerpt.pathToFile(['migrations', 5]), ['migrations', last + 1], 'a new item past the last kept counts on');
    assert.deepEqual(excerpt.pathToFile(['databases', 'orders-1', 'engine']), ['databases', 'orders-1', 'engine'], 'a mapping entry keeps its key');
    assert.equal(excerpt.toExcerpt(nthItem(text, 'migrations', 6) + 4), undefined, 'an offset in an item left out has no place in the excerpt');
  });
});

describe('schema completion and hover on an excerpt', () => {
  const services = createSchemaServices(schema);
  const onExcerpts = new LanguageFeatures(() => services, 0);
  const onWholeText = new LanguageFeatures(() => services);

  test('give the items and hovers of the whole text on lines all through the files and edited versions', async () => {
    let compared = 0;
    for (const [index, { name, text }] of texts().entries()) {
      for (const read of [parseSource(text, 'yaml'), ...editedReads(text, 100 + index, 1)]) {
        const document = { uri: 'file:///excerpt.dbarch.yaml', language: 'yaml' as const, text: read.text };
        // A spread of 30 per text: the schema services take 10-20 ms a request on these texts.
        const offsets = requestOffsets(read.text);
        for (const offset of offsets.filter((_, at) => at % Math.ceil(offsets.length / 30) === 0)) {
          if (!Excerpt.around(read, offset, 0)) continue;
          const where = `${name}, offset ${offset}: ${JSON.stringify(read.text.slice(Math.max(0, offset - 40), offset))}|`;
          const expected = await onWholeText.complete(document, offset, { schemaItems: true });
          assert.deepEqual(await onExcerpts.complete(document, offset, { read }), expected, `completion at ${where}`);
          const expectedHover = await onWholeText.hover(document, offset);
          assert.deepEqual(await onExcerpts.hover(document, offset, { read }), expectedHover, `hover at ${where}`);
          compared++;
        }
      }
    }
    assert.ok(compared > 300, `${compared} requests compared on excerpts`);
  });
});

describe('at the start of an item, where the parser ends the item before', () => {
  const services = createSchemaServices(schema);
  const onExcerpts = new LanguageFeatures(() => services, 0);
  const onWholeText = new LanguageFeatures(() => services);
  // At column 0 of an item's first line the item before often ends at that very offset, so the whole
  // text places the cursor in the item before: the excerpt keeps it.
  const cases: [string, string, string][] = [
    ['after a plain value', 'databases:\n  a:\n    engine: x\n  b:\n    engine: y\n  c:\n    engine: z\n  d:\n    engine: w\n', '  c:'],
    ['after a block scalar', 'databases:\n  a:\n    engine: x\n  b:\n    description: |\n      y\n  c:\n    engine: z\n  d:\n    engine: w\n', '  c:'],
    ['after an empty list item', 'migrations:\n  - name: a\n  - name: b\n  -\n  - name: c\n  - name: d\n', '  - name: c'],
  ];
  for (const [name, text, line] of cases) {
    const offset = text.indexOf(line);
    test(`${name}: the place, the items and the hover of the whole text`, async () => {
      const read = parseSource(text, 'yaml');
      const document = { uri: 'file:///start.dbarch.yaml', language: 'yaml' as const, text };
      assert.equal(text[offset - 1], '\n', 'the offset starts a line');
      assert.deepEqual(placeAt(text, 'yaml', offset, { excerpt: Excerpt.around(read, offset, 0) }), placeAt(text, 'yaml', offset));
      assert.deepEqual(await onExcerpts.complete(document, offset, { read }), await onWholeText.complete(document, offset));
      assert.deepEqual(await onExcerpts.hover(document, offset, { read }), await onWholeText.hover(document, offset));
    });
  }
});

describe('a whole read', () => {
  test('places a merge key as the text does, `<<`', () => {
    const text = 'base: &b\n  engine: x\ndatabases:\n  a:\n    <<: *b\n';
    const offset = text.indexOf('<<') + 1;
    assert.deepEqual(placeAt(text, 'yaml', offset, { read: parseSource(text, 'yaml') })?.path, ['databases', 'a', '<<']);
    assert.deepEqual(placeAt(text, 'yaml', offset)?.path, ['databases', 'a', '<<']);
  });
});

/** Where requests come from on each line: after the indentation, inside the first word, after `: ` and at the line's end. */
function requestOffsets(text: string): number[] {
  const offsets: number[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    const colon = line.indexOf(': ');
    offsets.push(start, start + indent, start + Math.min(line.length, indent + 2), start + line.length);
    if (colon >= 0) offsets.push(start + colon + 2);
    start += line.length + 1;
  }
  return [...new Set(offsets)];
}

/** The offset of the `-` of the nth item (from 0) of a top-level list. */
function nthItem(text: string, section: string, n: number): number {
  let at = text.indexOf(`\n${section}:`);
  for (let index = 0; index <= n; index++) at = text.indexOf('\n  - ', at + 1);
  return at + 3;
}

/** The lines of the nth item of a top-level list. */
function itemText(text: string, section: string, n: number): string {
  const start = nthItem(text, section, n);
  const end = text.indexOf('\n  - ', start);
  return text.slice(start, end < 0 ? text.length : end);
}
