// The CLI end to end, in-process: formats, exit codes, configuration discovery, fixes, diagram, explain.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { run } from '../../src/cli/main';
import { rules } from '../../src/core/rules';
import { configureL10n } from '../../src/core/l10n';

function cli(argv: string[], cwd: string, env?: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = run(argv, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), color: false, env });
  return { code, stdout, stderr };
}

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'dbarch-cli-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const clean = `dbarch: 1
name: clean
region: ap-northeast-2
databases:
  orders:
    service: rds
    engine: postgres
    engineVersion: "16.4"
    instanceClass: db.m6i.large
    az: ap-northeast-2a
    multiAz: true
    backup: { retentionDays: 7 }
    security: { encrypted: true }
    deletionProtection: true
applications:
  web:
    connects:
      - { to: orders, access: read-write }
`;

const withProblems = `dbarch: 1
name: broken
region: ap-northeast-2
databases:
  orders:
    service: rds
    engine: postgres
    engineVersion: "16.4"
    instanceClass: db.m6i.large
    multiAz: false
    backup: { retentionDays: 7 }
    security: { encrypted: true }
    deletionProtection: true
applications:
  web:
    connects:
      - { to: ordrs, access: read-write }
`;

describe('dbarch lint', () => {
  test('a clean file: exit 0 and no output', () => {
    const root = workspace({ 'a.dbarch.yaml': clean });
    assert.deepEqual(cli(['lint', 'a.dbarch.yaml'], root), { code: 0, stdout: '', stderr: '' });
  });

  test('stylish output: file, line:col, severity, message, rule, summary; exit 1 on errors', () => {
    const root = workspace({ 'b.dbarch.yaml': withProblems });
    const { code, stdout } = cli(['lint', 'b.dbarch.yaml'], root);
    assert.equal(code, 1);
    const lines = stdout.split('\n');
    assert.equal(lines[0], 'b.dbarch.yaml');
    assert.match(lines[1], /^ {2}10:14 +warning +orders has no Multi-AZ standby.* {2}rds\/multi-az-production$/);
    assert.match(lines[2], /^ {2}17:15 +error +`ordrs` is not the name of any database, replica or instance in this file; did you mean `orders`\? {2}arch\/unknown-reference$/);
    assert.match(stdout, /✖ 2 problems \(1 error, 1 warning\)/);
    assert.doesNotMatch(stdout, /\u001b\[/, 'no colour codes when not on a terminal');
  });

  test('JSON output: an array of findings with 0-based LSP ranges pointing at the exact text', () => {
    const root = workspace({ 'b.dbarch.yaml': withProblems });
    const { code, stdout } = cli(['lint', 'b.dbarch.yaml', '--format', 'json'], root);
    assert.equal(code, 1);
    const findings = JSON.parse(stdout) as { file: string; ruleId: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
    assert.deepEqual(
      findings.map(({ file, ruleId, severity, range }) => ({ file, ruleId, severity, range })),
      [
        { file: 'b.dbarch.yaml', ruleId: 'rds/multi-az-production', severity: 'warning', range: { start: { line: 9, character: 13 }, end: { line: 9, character: 18 } } },
        { file: 'b.dbarch.yaml', ruleId: 'arch/unknown-reference', severity: 'error', range: { start: { line: 16, character: 14 }, end: { line: 16, character: 19 } } },
      ],
    );
    const lines = withProblems.split('\n');
    assert.equal(lines[9].slice(13, 18), 'false');
    assert.equal(lines[16].slice(14, 19), 'ordrs');
  });

  test('--max-warnings turns warnings into a failure', () => {
    const root = workspace({ 'w.dbarch.yaml': withProblems.replace('ordrs', 'orders') });
    assert.equal(cli(['lint', 'w.dbarch.yaml'], root).code, 0);
    assert.equal(cli(['lint', 'w.dbarch.yaml', '--max-warnings', '1'], root).code, 0);
    const strict = cli(['lint', 'w.dbarch.yaml', '--max-warnings', '0'], root);
    assert.equal(strict.code, 1);
    assert.match(strict.stdout, /too many warnings \(maximum: 0\)/);
  });

  test('directories are searched for architecture files; globs are expanded', () => {
    const root = workspace({ 'designs/a.dbarch.yaml': clean, 'designs/deep/b.dbarch.yml': withProblems, 'designs/c.dbarch.json': '{"dbarch": 1, "name": "c"}', 'designs/notes.yaml': 'not: linted', 'node_modules/x/d.dbarch.yaml': withProblems });
    const all = JSON.parse(cli(['lint', 'designs', '--format', 'json'], root).stdout) as { file: string }[];
    assert.deepEqual([...new Set(all.map((finding) => finding.file))], ['designs/deep/b.dbarch.yml']);
    const globbed = JSON.parse(cli(['lint', 'designs/**/*.dbarch.yml', '--format', 'json'], root).stdout) as { file: string }[];
    assert.equal(globbed.length, 2);
    assert.equal(cli(['lint', '.'], root).code, 1, 'node_modules is skipped but designs/deep/b has errors');
  });

  test('the nearest .dbarch.json applies; --config and --environment override', () => {
    const root = workspace({ 'team/.dbarch.json': '{ "rules": { "rds/multi-az-production": "error" } }', 'team/w.dbarch.yaml': withProblems.replace('ordrs', 'orders') });
    assert.equal(cli(['lint', 'team/w.dbarch.yaml'], root).code, 1);
    assert.equal(cli(['lint', 'team/w.dbarch.yaml', '--environment', 'development'], root).code, 1, 'the config level wins over environment scaling');
    writeFileSync(join(root, 'relaxed.json'), '{ "environment": "development" }');
    assert.deepEqual(cli(['lint', 'team/w.dbarch.yaml', '--config', 'relaxed.json'], root), { code: 0, stdout: '', stderr: '' });
  });

  test('bad usage and unreadable input exit 2 with a message and no stack trace', () => {
    const root = workspace({ 'a.dbarch.yaml': clean, 'bad/.dbarch.json': '{ "rules": { "nope": "off" } }', 'bad/x.dbarch.yaml': clean });
    const cases: [string[], RegExp][] = [
      [['lint', '--formt', 'json'], /Unknown option `--formt`; did you mean `--format`\?/],
      [['lint', '--format', 'xml', 'a.dbarch.yaml'], /`--format` must be one of stylish, json, sarif/],
      [['lint', 'missing.dbarch.yaml'], /no architecture files match `missing.dbarch.yaml`/],
      [['lint', '--max-warnings', 'many', 'a.dbarch.yaml'], /must be a whole number/],
      [['lint', 'bad/x.dbarch.yaml'], /configuration bad\/.dbarch.json is not valid:\n {2}1:14 {2}Unknown key `nope` in rules/],
      [['lnit'], /Unknown command `lnit`; did you mean `dbarch lint`\?/],
      [['explain', 'rds/replica-limt'], /There is no rule `rds\/replica-limt`; did you mean `rds\/replica-limit`\?/],
      [['diagram'], /takes exactly one file/],
    ];
    for (const [argv, message] of cases) {
      const result = cli(argv, root);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, message);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  test('--fix applies the mechanical fixes, writes the file and reports what is left', () => {
    const root = workspace({ 'f.dbarch.yaml': withProblems.replace('multiAz: false', 'multiAz: false # keep this comment') });
    const { code, stdout } = cli(['lint', 'f.dbarch.yaml', '--fix', '--format', 'json'], root);
    const fixed = readFileSync(join(root, 'f.dbarch.yaml'), 'utf8');
    assert.match(fixed, /multiAz: true # keep this comment/);
    assert.match(fixed, /\{ to: orders, access: read-write \}/);
    assert.deepEqual(JSON.parse(stdout), []);
    assert.equal(code, 0);
    assert.deepEqual(readdirSync(root).sort(), ['f.dbarch.yaml'], 'no temporary file is left behind');
  });

  test('--fix leaves a file with syntax errors untouched', () => {
    const broken = "dbarch: 1\nname: 'x\n";
    const root = workspace({ 's.dbarch.yaml': broken });
    assert.equal(cli(['lint', 's.dbarch.yaml', '--fix'], root).code, 1);
    assert.equal(readFileSync(join(root, 's.dbarch.yaml'), 'utf8'), broken);
  });
});

describe('dbarch lint in Korean', () => {
  // The Korean texts come from the real catalogue, l10n/bundle.l10n.ko.json (the CLI reads it from the
  // package): the summary must read 문제 2개(오류 1개, 경고 1개) and each row its severity in Korean.
  const korean = (stdout: string): void => {
    assert.match(stdout, /✖ 문제 2개\(오류 1개, 경고 1개\)/);
    assert.match(stdout, /^ {2}10:14 +경고 +.* {2}rds\/multi-az-production$/m);
    assert.match(stdout, /^ {2}17:15 +오류 +.* {2}arch\/unknown-reference$/m);
    assert.doesNotMatch(stdout, /\d+ (problems?|errors?|warnings?)\b/);
  };

  test('--locale ko prints the stylish report and its summary in Korean', () => {
    const root = workspace({ 'b.dbarch.yaml': withProblems });
    try {
      const { code, stdout } = cli(['lint', '--locale', 'ko', 'b.dbarch.yaml'], root);
      assert.equal(code, 1);
      korean(stdout);
    } finally {
      configureL10n(undefined);
    }
  });

  test('LANG=ko_KR.UTF-8 does the same; LC_ALL=C and --locale en keep English', () => {
    const root = workspace({ 'b.dbarch.yaml': withProblems });
    try {
      const { code, stdout } = cli(['lint', 'b.dbarch.yaml'], root, { LANG: 'ko_KR.UTF-8' });
      assert.equal(code, 1);
      korean(stdout);
      assert.match(cli(['lint', 'b.dbarch.yaml'], root, { LC_ALL: 'C', LANG: 'ko_KR.UTF-8' }).stdout, /✖ 2 problems \(1 error, 1 warning\)/);
      assert.match(cli(['lint', 'b.dbarch.yaml', '--locale', 'en'], root, { LANG: 'ko_KR.UTF-8' }).stdout, /✖ 2 problems \(1 error, 1 warning\)/);
    } finally {
      configureL10n(undefined);
    }
  });
});

describe('dbarch lint --format sarif', () => {
  test('is a SARIF 2.1.0 log with the required fields, rule metadata and help links', () => {
    const root = workspace({ 'b.dbarch.yaml': withProblems });
    const { code, stdout } = cli(['lint', 'b.dbarch.yaml', '--format', 'sarif'], root);
    assert.equal(code, 1);
    const log = JSON.parse(stdout);
    // sarifLog: version and runs are required.
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.ok(Array.isArray(log.runs) && log.runs.length === 1);
    const [sarifRun] = log.runs;
    // run.tool.driver.name is required; each reportingDescriptor needs an id.
    assert.equal(sarifRun.tool.driver.name, 'dbarch');
    const descriptors = sarifRun.tool.driver.rules as { id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }[];
    for (const meta of rules.map((rule) => rule.meta)) {
      const descriptor = descriptors.find((candidate) => candidate.id === meta.id);
      assert.ok(descriptor, meta.id);
      assert.equal(descriptor.shortDescription.text, meta.description);
      assert.doesNotThrow(() => new URL(descriptor.helpUri), `${meta.id} has an absolute help URI`);
      assert.ok(['none', 'note', 'warning', 'error'].includes(descriptor.defaultConfiguration.level));
    }
    // result.message is required (text); locations carry 1-based regions.
    assert.equal(sarifRun.results.length, 2);
    for (const result of sarifRun.results) {
      assert.equal(typeof result.message.text, 'string');
      assert.ok(['none', 'note', 'warning', 'error'].includes(result.level));
      assert.equal(descriptors[result.ruleIndex].id, result.ruleId);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.equal(artifactLocation.uri, 'b.dbarch.yaml');
      assert.equal(artifactLocation.uriBaseId, 'SRCROOT');
      assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endColumn > region.startColumn);
    }
    assert.ok(sarifRun.originalUriBaseIds.SRCROOT.uri.endsWith('/'));
  });
});

describe('dbarch diagram and explain', () => {
  test('diagram prints Mermaid flowchart text', () => {
    const root = workspace({ 'a.dbarch.yaml': clean });
    const { code, stdout } = cli(['diagram', 'a.dbarch.yaml'], root);
    assert.equal(code, 0);
    assert.match(stdout, /^flowchart LR\n/);
    assert.match(stdout, /subgraph r0\["Region ap-northeast-2"\]/);
    assert.match(stdout, /==>\|"sync"\|/);
  });

  test('diagram --format mermaid, --direction, --region and --database', () => {
    const root = workspace({ 'a.dbarch.yaml': clean });
    assert.equal(cli(['diagram', 'a.dbarch.yaml', '--format', 'mermaid'], root).stdout, cli(['diagram', 'a.dbarch.yaml'], root).stdout);
    assert.match(cli(['diagram', 'a.dbarch.yaml', '--direction', 'TB'], root).stdout, /^flowchart TB\n/);
    const region = cli(['diagram', 'a.dbarch.yaml', '--region', 'ap-northeast-2'], root);
    assert.equal(region.code, 0);
    assert.match(region.stdout, /Region ap-northeast-2/);
    const unknownRegion = cli(['diagram', 'a.dbarch.yaml', '--region', 'us-east-1'], root);
    assert.equal(unknownRegion.code, 2);
    assert.match(unknownRegion.stderr, /no Region `us-east-1`; it has ap-northeast-2/);
    const unknownDatabase = cli(['diagram', 'a.dbarch.yaml', '--database', 'ordrs'], root);
    assert.equal(unknownDatabase.code, 2);
    assert.match(unknownDatabase.stderr, /no database `ordrs`; did you mean `orders`\?/);
    assert.equal(cli(['diagram', 'a.dbarch.yaml', '--region', 'ap-northeast-2', '--database', 'orders'], root).code, 2);
  });

  test('diagram --html writes one self-contained page: the preview inlined, the diagram as data, nothing remote', () => {
    const root = workspace({ 'a.dbarch.yaml': clean.replace('name: clean', 'name: "</script><script>alert(1)</script>"') });
    const { code, stderr } = cli(['diagram', 'a.dbarch.yaml', '--html', 'a.html'], root);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /wrote a\.html/);
    const html = readFileSync(join(root, 'a.html'), 'utf8');
    const nonce = /script-src 'nonce-([A-Za-z0-9]+)'/.exec(html)?.[1];
    assert.ok(nonce, 'the page has a nonce-only script policy');
    assert.doesNotMatch(html, /unsafe-eval/);
    // Every script carries the nonce; none has a src (all inlined).
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]);
    assert.equal(scripts.length, 2);
    assert.ok(scripts.every((attributes) => attributes.includes(`nonce="${nonce}"`) || attributes.includes('type="application/json"')), scripts.join(' | '));
    assert.ok(scripts.every((attributes) => !/\bsrc=/.test(attributes)));
    // No element loads anything remote (the inlined bundle's own text mentions addresses; it is left out).
    const markup = html.replace(/<script nonce[^>]*>[\s\S]*?<\/script>/g, '<script></script>').replace(/<style>[\s\S]*?<\/style>/g, '');
    assert.doesNotMatch(markup, /(src|href)="https?:/, 'no remote address');
    // The file's text cannot end the data element early.
    const data = /<script type="application\/json" id="dbarch-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
    assert.ok(data);
    const message = JSON.parse(data) as { type: string; diagram: { text: string; nodes: unknown[] } };
    assert.equal(message.type, 'update');
    assert.match(message.diagram.text, /^flowchart LR\n/);
    assert.equal(message.diagram.nodes.length, 3);
    assert.equal(cli(['diagram', 'a.dbarch.yaml', '--html', 'b.html', '--format', 'mermaid'], root).code, 2);
  });

  test('explain prints every rule\'s docs and lists the rules', () => {
    const root = workspace({});
    for (const rule of rules) {
      const { code, stdout } = cli(['explain', rule.meta.id], root);
      assert.equal(code, 0, rule.meta.id);
      assert.ok(stdout.startsWith(`# ${rule.meta.id}\n`), rule.meta.id);
    }
    const list = cli(['explain'], root);
    for (const rule of rules) assert.match(list.stdout, new RegExp(`^ {2}${rule.meta.id.replace('/', '\\/')} `, 'm'));
  });
});

describe('bad files: one clear finding at the right line, exit 1', () => {
  const base = 'dbarch: 1\nname: t\nenvironment: development\ndatabases:\n  app-db:\n    service: rds\n    engine: postgres\n    engineVersion: "16.4"\n    security: { encrypted: true }\n';
  let bomb = 'dbarch: 1\nname: bomb\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
  for (let level = 1; level <= 9; level++) bomb += `a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]\n`;
  const cases: { name: string; text: string; line: number; message: RegExp }[] = [
    { name: 'a typo\'d key', text: base + '    multiAZ: true\n', line: 10, message: /Unknown key `multiAZ` in databases\.app-db; did you mean `multiAz`\?/ },
    { name: 'a wrong type', text: base + '    deletionProtection: "yes"\n', line: 10, message: /`deletionProtection` in databases\.app-db must be true or false, not a string/ },
    { name: 'a bad enum value', text: base.replace('engine: postgres', 'engine: postgresql'), line: 7, message: /`postgresql` is not a valid `engine`.*did you mean `postgres`\?/ },
    { name: 'a broken quote', text: base.replace('name: t', "name: 't"), line: 2, message: /quoted string is never closed/ },
    { name: 'a duplicate key', text: base + '    engine: mysql\n', line: 10, message: /`engine` is written twice in databases\.app-db/ },
    { name: 'an alias bomb', text: bomb, line: 8, message: /alias bomb/ },
  ];
  for (const { name, text, line, message } of cases) {
    test(name, () => {
      const root = workspace({ 'bad.dbarch.yaml': text });
      const { code, stdout, stderr } = cli(['lint', 'bad.dbarch.yaml', '--format', 'json'], root);
      assert.equal(code, 1);
      assert.equal(stderr, '');
      const findings = JSON.parse(stdout) as { message: string; severity: string; range: { start: { line: number } } }[];
      assert.equal(findings.length, 1, JSON.stringify(findings, null, 2));
      assert.equal(findings[0].severity, 'error');
      assert.equal(findings[0].range.start.line + 1, line);
      assert.match(findings[0].message, message);
    });
  }
});
