// Where the cursor is in a half-typed architecture file: the path, key or value, and the written text
// that completion replaces. `|` marks the cursor in each case.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DocumentLanguage } from '../../src/core/document/document';
import { placeAt, tolerantData } from '../../src/extension/language/cursor';

/** The place at the `|` of a text, as `part path [written] quote`. */
function placeOf(marked: string, language: DocumentLanguage): string {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const place = placeAt(text, language, offset);
  if (!place) return 'none';
  return `${place.part} ${place.path.join('/')} [${text.slice(place.span.start, place.span.end)}]${place.quote ? ' ' + place.quote : ''}`;
}

describe('placeAt in YAML', () => {
  const cases: [string, string, string][] = [
    ['a plain value in a flow mapping', 'applications:\n  web:\n    connects:\n      - { to: or| }\n', 'value applications/web/connects/0/to [or]'],
    ['an empty value in a flow mapping', 'applications:\n  web:\n    connects:\n      - { to: |, access: read }\n', 'value applications/web/connects/0/to []'],
    ['an empty value at the end of a block mapping', 'applications:\n  web:\n    connects:\n      - to: |\n', 'value applications/web/connects/0/to []'],
    ['an empty value before the next key', 'databases:\n  c:\n    cacheFor: |\n    role: cache\n', 'value databases/c/cacheFor []'],
    ['a double-quoted value', 'databases:\n  c:\n    cacheFor: "ord|"\n', 'value databases/c/cacheFor [ord] "'],
    ['an unterminated quote', "databases:\n  c:\n    engineVersion: '16|\n", "value databases/c/engineVersion [16] '"],
    ['a new item of a flow list', 'databases:\n  c:\n    streams: { consumers: [a, |] }\n', 'value databases/c/streams/consumers/1 []'],
    ['the first item of an empty flow list', 'databases:\n  c:\n    customEndpoints:\n      r: { members: [|] }\n', 'value databases/c/customEndpoints/r/members/0 []'],
    ['a new item of a block list', 'databases:\n  c:\n    streams:\n      consumers:\n        - a\n        - |\n', 'value databases/c/streams/consumers/1 []'],
    ['a database name (a key)', 'databases:\n  ord|ers:\n    service: rds\n', 'key databases/orders [orders]'],
    ['a number', 'databases:\n  t:\n    workload: { readsPerSecond: 2|000 }\n', 'value databases/t/workload/readsPerSecond [2000]'],
    ['blank space between entries', 'databases:\n  orders:\n    service: rds\n  |\n', 'none'],
  ];
  for (const [name, marked, expected] of cases) test(name, () => assert.equal(placeOf(marked, 'yaml'), expected));
});

describe('placeAt in JSON', () => {
  const cases: [string, string, string][] = [
    ['a string value', '{ "databases": { "c": { "cacheFor": "o|" } } }', 'value databases/c/cacheFor [o] "'],
    ['an empty value', '{ "databases": { "c": { "cacheFor": | } } }', 'value databases/c/cacheFor []'],
    ['a new list item', '{ "databases": { "c": { "streams": { "consumers": ["a", |] } } } }', 'value databases/c/streams/consumers/1 []'],
    ['the first list item', '{ "databases": { "c": { "streams": { "consumers": [|] } } } }', 'value databases/c/streams/consumers/0 []'],
    ['a key', '{ "databases": { "or|ders": { "service": "rds" } } }', 'key databases/orders [orders] "'],
    ['a number', '{ "databases": { "c": { "billing": { "readCapacity": 1|00 } } } }', 'value databases/c/billing/readCapacity [100]'],
    ['an unterminated string at the end', '{ "databases": { "c": { "cacheFor": "o|', 'value databases/c/cacheFor [o] "'],
  ];
  for (const [name, marked, expected] of cases) test(name, () => assert.equal(placeOf(marked, 'json'), expected));
});

describe('tolerantData', () => {
  test('reads the complete part of a YAML file with a syntax error below', () => {
    const data = tolerantData('databases:\n  orders:\n    service: rds\n  cache:\n    service: [\n', 'yaml') as { databases: Record<string, unknown> };
    assert.deepEqual(Object.keys(data.databases), ['orders', 'cache']);
  });

  test('reads an unfinished JSON file', () => {
    const data = tolerantData('{ "databases": { "orders": { "service": "rds" }, "cache": { "service": ', 'json') as { databases: Record<string, unknown> };
    assert.deepEqual(Object.keys(data.databases), ['orders', 'cache']);
  });
});
