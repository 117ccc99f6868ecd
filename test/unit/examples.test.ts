// Every example lints exactly as examples/README.md says, and the clean ones have no error or warning.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lint } from '../../src/core/lint';

const examples = join(__dirname, '..', '..', 'examples');

/** The rows of the results table: `| Example | Errors | Warnings | Info | Rules that report |`. */
function documentedResults(): Map<string, { errors: number; warnings: number; info: number; rules: string[] }> {
  const readme = readFileSync(join(examples, 'README.md'), 'utf8');
  const rows = new Map<string, { errors: number; warnings: number; info: number; rules: string[] }>();
  for (const match of readme.matchAll(/^\|\s*`?([\w.-]+\.dbarch\.(?:yaml|yml|json))`?\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|([^|]*)\|/gm)) {
    const rules = match[5].trim() === '-' ? [] : match[5].split(',').map((rule) => rule.trim().replace(/`/g, '')).filter(Boolean);
    rows.set(match[1], { errors: Number(match[2]), warnings: Number(match[3]), info: Number(match[4]), rules: rules.sort() });
  }
  return rows;
}

test('examples/README.md documents every example, and each lints as documented', () => {
  const files = readdirSync(examples).filter((file) => /\.dbarch\.(ya?ml|json)$/.test(file)).sort();
  const documented = documentedResults();
  assert.ok(files.length >= 4, 'at least four examples');
  assert.ok(files.some((file) => file.endsWith('.json')), 'at least one example is JSON');
  assert.deepEqual([...documented.keys()].sort(), files, 'the README table lists exactly the example files');
  for (const file of files) {
    const { findings } = lint(readFileSync(join(examples, file), 'utf8'), { fileName: file });
    const count = (severity: string) => findings.filter((finding) => finding.severity === severity).length;
    const actual = { errors: count('error'), warnings: count('warning'), info: count('info'), rules: [...new Set(findings.map((finding) => finding.ruleId))].sort() };
    assert.deepEqual(actual, documented.get(file), file);
  }
});

test('the clean examples have no error or warning', () => {
  for (const file of ['game-leaderboard.dbarch.yaml', 'oracle-to-aurora.dbarch.yaml', 'multi-region.dbarch.json']) {
    const { findings } = lint(readFileSync(join(examples, file), 'utf8'), { fileName: file });
    assert.deepEqual(findings.filter((finding) => finding.severity !== 'info').map((finding) => `${finding.ruleId}: ${finding.message}`), [], file);
  }
});
