// The lint driver: environment scaling, configuration, suppression comments, ordering, isolation.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readConfig } from '../../src/core/config';
import { lint } from '../../src/core/lint';
import { defineRule } from '../../src/core/rules/rule';

const singleAz = (environment: string, extra = '') => `dbarch: 1
name: t
environment: ${environment}
region: ap-northeast-2
databases:
${extra}  orders:
    service: rds
    engine: postgres
    multiAz: false
`;

/** The findings these tests are about (other rules also speak about a bare database, and are tested elsewhere). */
const watched = new Set(['rds/multi-az-production', 'schema', 'syntax', 'suppression']);
const ids = (text: string, options = {}) =>
  lint(text, { fileName: 'a.dbarch.yaml', ...options })
    .findings.filter((finding) => watched.has(finding.ruleId))
    .map((finding) => `${finding.ruleId}:${finding.severity}:${finding.range.start.line + 1}`);

describe('environment scaling', () => {
  test('"warning prod" is a warning in production, info in staging and off in development and test', () => {
    assert.deepEqual(ids(singleAz('production')), ['rds/multi-az-production:warning:9']);
    assert.deepEqual(ids(singleAz('staging')), ['rds/multi-az-production:info:9']);
    assert.deepEqual(ids(singleAz('development')), []);
    assert.deepEqual(ids(singleAz('test')), []);
  });

  test('a missing environment means production', () => {
    assert.deepEqual(ids(singleAz('production').replace('environment: production\n', '')), ['rds/multi-az-production:warning:8']);
  });

  test('the configuration\'s environment overrides the file\'s', () => {
    assert.deepEqual(ids(singleAz('production'), { config: { environment: 'development' } }), []);
  });
});

describe('configuration', () => {
  test('a rule level overrides the default in every environment', () => {
    assert.deepEqual(ids(singleAz('development'), { config: { rules: { 'rds/multi-az-production': 'error' } } }), ['rds/multi-az-production:error:9']);
    assert.deepEqual(ids(singleAz('production'), { config: { rules: { 'rds/multi-az-production': 'off' } } }), []);
  });

  test('a configuration file is checked against its schema', () => {
    assert.deepEqual(readConfig('{ "environment": "staging", "rules": { "rds/multi-az-production": "info" } }'), {
      config: { environment: 'staging', rules: { 'rds/multi-az-production': 'info' } },
      findings: [],
    });
    const { findings } = readConfig('{ "rules": { "rds/multi-az-productoin": "off", "rds/replica-limit": "loud" } }');
    assert.deepEqual(
      findings.map((finding) => finding.message),
      ['Unknown key `rds/multi-az-productoin` in rules; did you mean `rds/multi-az-production`?', '`loud` is not a valid `rds/replica-limit` in rules. Valid values: `off`, `info`, `warning` or `error`.'],
    );
    assert.match(readConfig('{ "rules": ').findings[0].message, /JSON syntax error/);
  });
});

describe('suppression comments', () => {
  const suppressed = (comment: string) => `dbarch: 1
name: t
region: ap-northeast-2
databases:
  orders:
    service: rds
    engine: postgres
${comment}
    multiAz: false
`;

  test('disable-next-line silences the named rule on the next line', () => {
    assert.deepEqual(ids(suppressed('    # dbarch-disable-next-line rds/multi-az-production -- batch database, a restore is acceptable')), []);
  });

  test('a suppression that silences nothing is reported as info', () => {
    const findings = ids(suppressed('    # dbarch-disable-next-line rds/replica-limit -- not needed').replace('multiAz: false', 'multiAz: true'));
    assert.deepEqual(findings, ['suppression:info:8']);
  });

  test('a suppression for a rule that is off in this environment still counts as used', () => {
    const text = suppressed('    # dbarch-disable-next-line rds/multi-az-production -- batch').replace('region: ap-northeast-2', 'region: ap-northeast-2\nenvironment: development');
    assert.deepEqual(ids(text), []);
  });

  test('an unknown rule, a missing reason and a misplaced file-level directive are reported', () => {
    assert.deepEqual(ids(suppressed('    # dbarch-disable-next-line rds/multi-az -- typo')), ['suppression:warning:8', 'rds/multi-az-production:warning:9']);
    assert.deepEqual(ids(suppressed('    # dbarch-disable-next-line rds/multi-az-production')), ['suppression:info:8']);
    assert.deepEqual(ids(suppressed('    # dbarch-disable rds/multi-az-production -- too late')), ['suppression:warning:8', 'rds/multi-az-production:warning:9']);
  });

  test('a file-level directive at the top silences the rule everywhere', () => {
    const text = '# dbarch-disable rds/multi-az-production -- a throwaway sandbox\n' + suppressed('');
    assert.deepEqual(ids(text), []);
  });

  test('text inside a block scalar is not a directive', () => {
    const text = suppressed('    description: |\n      # dbarch-disable-next-line rds/multi-az-production -- not a comment');
    assert.deepEqual(ids(text), ['rds/multi-az-production:warning:10']);
  });
});

describe('driver', () => {
  test('findings are sorted by position and a throwing rule becomes one finding, not a crash', () => {
    const broken = defineRule({
      meta: { id: 'test/broken', description: 'Always throws.', severity: 'error', fixable: false, anchors: [] },
      check() {
        throw new Error('boom');
      },
    });
    const early = defineRule({
      meta: { id: 'test/early', description: 'Reports the name.', severity: 'info', fixable: false, anchors: [] },
      check({ report }) {
        report({ pointer: '/databases/orders/multiAz', message: 'late' });
        report({ pointer: '/name', message: 'early' });
      },
    });
    const { findings } = lint(singleAz('production'), { fileName: 'a.dbarch.yaml', rules: [broken, early] });
    assert.deepEqual(
      findings.map((finding) => finding.message),
      ['The rule test/broken failed on this file (boom); please report it.', 'early', 'late'],
    );
  });

  test('a finding about a missing key lands on the closest existing key', () => {
    const text = singleAz('production').replace('    multiAz: false\n', '');
    const finding = lint(text, { fileName: 'a.dbarch.yaml' }).findings[0];
    assert.equal(text.slice(finding.span.start, finding.span.end), 'orders');
  });
});

describe('configuring the built-in checks', () => {
  test('`schema` can be lowered or turned off; syntax errors cannot', () => {
    const text = 'dbarch: 1\nname: t\nenvironment: development\ncolour: blue\n';
    assert.deepEqual(ids(text), ['schema:error:4']);
    assert.deepEqual(ids(text, { config: { rules: { schema: 'warning' } } }), ['schema:warning:4']);
    assert.deepEqual(ids(text, { config: { rules: { schema: 'off' } } }), []);
  });

  test('`dbarch-disable-line` is not read as a file-wide `dbarch-disable`', () => {
    const text = '# dbarch-disable-line rds/multi-az-production\n' + singleAz('production');
    assert.deepEqual(ids(text), ['suppression:warning:1', 'rds/multi-az-production:warning:10']);
  });
});
