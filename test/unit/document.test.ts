// Parsing with positions: both notations, syntax problems at the exact place, pointers to ranges.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LineIndex, languageOf, parseSource } from '../../src/core/document';

const yamlText = `dbarch: 1
name: shop
databases:
  orders:
    service: rds
    engine: postgres
    readReplicas:
      - name: orders-replica-1
        az: ap-northeast-2b
`;

const jsonText = `{
  "dbarch": 1,
  "name": "shop",
  "databases": {
    "orders": {
      "service": "rds",
      "engine": "postgres",
      "readReplicas": [
        { "name": "orders-replica-1", "az": "ap-northeast-2b" }
      ]
    }
  }
}
`;

function textAt(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}

describe('LineIndex', () => {
  test('maps offsets to lines and back with LF, CRLF and CR line ends', () => {
    const index = new LineIndex('a\r\nbb\ncc\rd');
    assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(6), { line: 2, character: 0 });
    assert.deepEqual(index.positionAt(9), { line: 3, character: 0 });
    assert.equal(index.offsetAt({ line: 1, character: 1 }), 4);
    assert.equal(index.lineEnd(0), 1);
    assert.equal(index.lineCount, 4);
  });
});

describe('locate', () => {
  for (const [language, text] of [
    ['yaml', yamlText],
    ['json', jsonText],
  ] as const) {
    test(`${language}: values, keys, list items and missing nodes`, () => {
      const document = parseSource(text, language);
      assert.deepEqual(document.problems, []);
      const quote = language === 'json' ? '"' : '';
      assert.equal(textAt(text, document.locate('/databases/orders/engine').span), `${quote}postgres${quote}`);
      assert.equal(textAt(text, document.locate('/databases/orders/engine', 'key').span), `${quote}engine${quote}`);
      assert.equal(textAt(text, document.locate('/databases/orders/readReplicas/0/az').span), `${quote}ap-northeast-2b${quote}`);
      // A collection is marked by its key, not as a whole block.
      assert.equal(textAt(text, document.locate('/databases/orders').span), `${quote}orders${quote}`);
      // A list item that is a mapping is marked by its first entry.
      assert.equal(textAt(text, document.locate('/databases/orders/readReplicas/0').span), `${quote}name${quote}: ${quote}orders-replica-1${quote}`);
      // A missing node lands on its closest existing parent's key, never on line 1.
      const missing = document.locate('/databases/orders/multiAz');
      assert.equal(missing.exact, false);
      assert.equal(textAt(text, missing.span), `${quote}orders${quote}`);
    });
  }

  test('an empty value is marked by its key', () => {
    const text = 'dbarch: 1\nname:\n';
    const document = parseSource(text, 'yaml');
    assert.equal(textAt(text, document.locate('/name').span), 'name');
  });
});

describe('YAML syntax problems', () => {
  test('an unclosed quote is reported where the quote opens', () => {
    const text = "dbarch: 1\nname: 'shop\ndatabases: {}\n";
    const document = parseSource(text, 'yaml');
    assert.equal(document.problems.length, 1);
    const problem = document.problems[0];
    assert.match(problem.message, /never closed/);
    assert.deepEqual(document.lines.positionAt(problem.span.start), { line: 1, character: 6 });
  });

  test('a duplicate key is recorded with both places, not as a fatal error', () => {
    const text = 'dbarch: 1\nname: a\nname: b\n';
    const document = parseSource(text, 'yaml');
    assert.equal(document.hasSyntaxErrors, false);
    assert.equal(document.duplicateKeys.length, 1);
    assert.equal(document.duplicateKeys[0].key, 'name');
    assert.equal(document.lines.positionAt(document.duplicateKeys[0].span.start).line, 2);
    assert.equal(document.lines.positionAt(document.duplicateKeys[0].firstSpan.start).line, 1);
  });

  test('an alias bomb is an error, not an expansion', () => {
    let text = 'dbarch: 1\nname: bomb\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let level = 1; level <= 9; level++) text += `a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]\n`;
    const document = parseSource(text, 'yaml');
    assert.equal(document.value, undefined);
    assert.equal(document.problems.length, 1);
    assert.match(document.problems[0].message, /alias bomb/);
  });

  test('ordinary aliases and merge keys are read', () => {
    const text = 'dbarch: 1\nname: x\nbase: &base { engine: postgres }\ncopy:\n  <<: *base\n  az: ap-northeast-2a\n';
    const document = parseSource(text, 'yaml');
    assert.deepEqual((document.value as Record<string, unknown>).copy, { engine: 'postgres', az: 'ap-northeast-2a' });
  });

  test('tabs, a second document and a byte-order mark', () => {
    assert.match(parseSource('a:\n\tb: 1\n', 'yaml').problems[0].message, /Tabs/);
    assert.match(parseSource('a: 1\n---\nb: 2\n', 'yaml').problems[0].message, /one YAML document/);
    const bom = parseSource('\ufeffdbarch: 1\nname: x\n', 'yaml');
    assert.deepEqual(bom.problems, []);
    assert.deepEqual(bom.value, { dbarch: 1, name: 'x' });
  });
});

describe('JSON syntax problems', () => {
  test('a trailing comma is reported at the comma, once, saying so', () => {
    const text = '{\n  "dbarch": 1,\n  "name": "x",\n}\n';
    const document = parseSource(text, 'json');
    assert.ok(document.hasSyntaxErrors);
    assert.equal(document.problems.length, 1);
    assert.match(document.problems[0].message, /no trailing comma/);
    assert.deepEqual(document.problems[0].span, { start: text.lastIndexOf(','), end: text.lastIndexOf(',') + 1 });
    assert.equal(document.lines.positionAt(document.problems[0].span.start).line, 2);
  });

  test('an error at the end of the text (a missing `}`) marks the last character written, never past the text', () => {
    for (const [text, start] of [['{\n  "dbarch": 1,\n', 15], ['{\n', 0], ['[', 0], ['{"a":', 4]] as const) {
      const document = parseSource(text, 'json');
      assert.ok(document.hasSyntaxErrors, text);
      for (const problem of document.problems) assert.ok(problem.span.end <= text.length, `${JSON.stringify(text)}: ${problem.span.start}-${problem.span.end}`);
      assert.deepEqual(document.problems[0].span, { start, end: start + 1 }, JSON.stringify(text));
    }
  });

  test('comments are not JSON', () => {
    const document = parseSource('{ // note\n "dbarch": 1 }', 'json');
    assert.match(document.problems[0].message, /comments/);
  });

  test('duplicate keys and __proto__ keys', () => {
    const document = parseSource('{ "name": "a", "name": "b", "__proto__": { "polluted": true } }', 'json');
    assert.equal(document.duplicateKeys.length, 1);
    const value = document.value as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.deepEqual(Object.keys(value), ['name', '__proto__']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  test('nesting far deeper than any real file is refused, not a crash', () => {
    const depth = 20_000;
    const document = parseSource('['.repeat(depth) + ']'.repeat(depth), 'json');
    assert.equal(document.value, undefined);
    assert.ok(document.problems.length > 0);
  });
});

describe('languageOf', () => {
  test('chooses by file name, else by content', () => {
    assert.equal(languageOf('a.dbarch.json', ''), 'json');
    assert.equal(languageOf('a.dbarch.yaml', '{}'), 'yaml');
    assert.equal(languageOf(undefined, '{\n "a": 1\n}'), 'json');
    assert.equal(languageOf(undefined, 'a: 1'), 'yaml');
  });
});
