// Every registered rule proves itself on fixtures: files that must trigger it (with its findings
// written inside them) and files that must not. Each fixture also runs as JSON: the same design in
// either notation gives the same findings.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { applyEdits } from '../../src/core/fixes';
import { lint } from '../../src/core/lint';
import { rules } from '../../src/core/rules';
import { comparable, readExpectations } from '../support/expectations';

const fixturesRoot = join(__dirname, '..', 'fixtures', 'rules');
const docsRoot = join(__dirname, '..', '..', 'docs', 'rules');

for (const rule of rules) {
  const id = rule.meta.id;
  describe(id, () => {
    const directory = join(fixturesRoot, ...id.split('/'));
    const files = existsSync(directory) ? readdirSync(directory).filter((file) => /\.dbarch\.ya?ml$/.test(file)).sort() : [];
    const triggering = files.filter((file) => file.startsWith('bad'));
    const clean = files.filter((file) => file.startsWith('good'));

    test('has a docs page', () => {
      assert.ok(existsSync(join(docsRoot, ...id.split('/')) + '.md'), `docs/rules/${id}.md is missing`);
    });

    test('has fixtures that trigger it and fixtures that do not', () => {
      assert.ok(triggering.length > 0, `no bad-*.dbarch.yaml fixture under test/fixtures/rules/${id}`);
      assert.ok(clean.length > 0, `no good-*.dbarch.yaml fixture under test/fixtures/rules/${id}`);
    });

    for (const file of files) {
      const text = readFileSync(join(directory, file), 'utf8');
      test(`${file}: exactly the findings written in it`, () => {
        const expectations = readExpectations(text);
        // Compared exactly: the rule under test, the format checks, and every rule the file declares a
        // finding of. Other rules are left out so a fixture stays about its rule as the catalogue grows.
        const compared = new Set([id, 'syntax', 'schema', 'suppression', ...expectations.map((expectation) => expectation.ruleId)]);
        const findings = lint(text, { fileName: file }).findings.filter((finding) => compared.has(finding.ruleId));
        const { actual, expected } = comparable(findings, expectations);
        assert.deepEqual(actual, expected);
        const ofRule = findings.filter((finding) => finding.ruleId === id);
        if (file.startsWith('bad')) assert.ok(ofRule.length > 0, `${file} must trigger ${id}`);
        else assert.equal(ofRule.length, 0, `${file} must not trigger ${id}`);
      });

      test(`${file}: every quick fix applies cleanly and resolves its finding`, () => {
        const findings = lint(text, { fileName: file }).findings.filter((finding) => finding.fix);
        const comments = text.split('\n').filter((line) => /^\s*#/.test(line) && !/^\s*#\s*(\^|expect )/.test(line));
        for (const finding of findings) {
          const fixed = applyEdits(text, finding.fix!.edits);
          const after = lint(fixed, { fileName: file });
          assert.ok(!after.document.hasSyntaxErrors, `${finding.fix!.title}: the fixed file parses`);
          for (const comment of comments) assert.ok(fixed.includes(comment), `${finding.fix!.title}: keeps the comment ${comment.trim()}`);
          const same = after.findings.filter((other) => other.ruleId === finding.ruleId && other.pointer === finding.pointer);
          assert.deepEqual(same.map((other) => other.message), [], `${finding.fix!.title}: resolves the finding`);
          const again = after.findings.find((other) => other.fix && other.fix.title === finding.fix!.title && other.pointer === finding.pointer);
          assert.equal(again, undefined, `${finding.fix!.title}: applying it again changes nothing`);
        }
      });

      // Suppression comments and duplicate keys exist only in the YAML text; the rest must agree.
      if (!/dbarch-disable/.test(text) && lint(text, { fileName: file }).document.duplicateKeys.length === 0 && !readExpectations(text).some((expectation) => expectation.ruleId === 'syntax')) {
        test(`${file}: the same findings when written as JSON`, () => {
          const yamlFindings = lint(text, { fileName: file }).findings;
          const json = JSON.stringify(parse(text), null, 2);
          const jsonFindings = lint(json, { fileName: file.replace(/\.ya?ml$/, '.json') }).findings;
          const strip = (list: typeof yamlFindings): string[] => list.map((finding) => `${finding.ruleId} ${finding.severity} ${finding.message}`).sort();
          assert.deepEqual(strip(jsonFindings), strip(yamlFindings));
        });
      }
    }
  });
}
