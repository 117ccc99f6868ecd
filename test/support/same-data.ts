// The data dbarch reads from YAML must be what the `yaml` package's `toJS` gives, down to the order of
// every object's keys (the order of databases and applications in the model follows it) and own
// `__proto__` keys: the tree walk builds it itself (src/core/document/yaml.ts, walkTree).
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { parseYaml, YAML_OPTIONS } from '../../src/core/document/yaml';

/** The keys of every object in a value, in order, path by path. */
export function keyOrder(value: unknown, path = '', out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item, index) => keyOrder(item, `${path}/${index}`, out));
  else if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    out.push(`${path}: ${Object.keys(value).join(',')}`);
    for (const key of Object.keys(value)) keyOrder((value as Record<string, unknown>)[key], `${path}/${key}`, out);
  }
  return out;
}

/** Asserts that dbarch's YAML reading gives toJS's data (when the text parses without errors). */
export function assertSameData(text: string, name: string): void {
  const document = parseDocument(text, YAML_OPTIONS);
  if (document.errors.length > 0) return;
  let expected: { value: unknown } | { error: string };
  try {
    expected = { value: document.toJS({ maxAliasCount: -1 }) };
  } catch (error) {
    expected = { error: String(error) };
  }
  let actual: { value: unknown } | { error: string };
  try {
    actual = { value: parseYaml(text).value };
  } catch (error) {
    actual = { error: String(error) };
  }
  assert.deepEqual(actual, expected, `${name}: data`);
  if ('value' in actual && 'value' in expected) assert.deepEqual(keyOrder(actual.value), keyOrder(expected.value), `${name}: key order`);
}
