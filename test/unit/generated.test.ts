// What the rule registry determines stays in step with it: the config schema, the rules table and
// each docs page's metadata block.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { generatedFiles } from '../../scripts/generate';
import { rules } from '../../src/core/rules';

const root = join(__dirname, '..', '..');

test('generated files are up to date (run `npm run generate` after changing a rule)', () => {
  for (const file of generatedFiles()) {
    const path = join(root, file.path);
    assert.ok(existsSync(path), `${file.path} is missing`);
    assert.equal(readFileSync(path, 'utf8'), file.content, `${file.path} is out of date`);
  }
});

test('the rules table lists exactly the registered rules', () => {
  const table = readFileSync(join(root, 'docs/rules/README.md'), 'utf8');
  const listed = [...table.matchAll(/^\| \[([a-z]+\/[a-z0-9-]+)\]/gm)].map((match) => match[1]);
  assert.deepEqual(listed, rules.map((rule) => rule.meta.id));
});

test('rule ids are unique and named after their files', () => {
  const ids = rules.map((rule) => rule.meta.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) {
    assert.match(id, /^(arch|security|rds|aurora|dynamodb|redshift|dms|elasticache|documentdb|neptune|advice)\/[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(existsSync(join(root, 'src/core/rules', `${id}.ts`)), `src/core/rules/${id}.ts`);
  }
});
