// Number formatting in messages: the hand-grouped whole numbers read exactly as Intl writes them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatNumber, plural } from '../../src/core/text';

test('formatNumber groups thousands and keeps at most two decimals, as en-US Intl does', () => {
  const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  const values = [0, 1, -1, 12, 999, 1_000, -1_000, 12_345, 123_456, 1_234_567, -9_876_543_210, Number.MAX_SAFE_INTEGER, 2 ** 60, 1.5, 0.125, 1_234.567, -0.004, 40_000];
  for (const value of values) assert.equal(formatNumber(value), intl.format(value), String(value));
  // A negative zero reads as 0 in a message.
  assert.equal(formatNumber(-0), '0');
});

test('plural counts with the same formatting', () => {
  assert.equal(plural(1, 'replica'), '1 replica');
  assert.equal(plural(15_000, 'reader'), '15,000 readers');
});
