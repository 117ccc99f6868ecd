// Activation: the extension under test is the packaged one, it starts for architecture files, and it
// leaves other YAML alone.
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { api, dbarchDiagnostics, extension, linted, open, workspaceFile } from './helpers';

describe('activation', () => {
  it('runs the extension installed from the .vsix', () => {
    const installedIn = process.env.DBARCH_EXTENSIONS_DIR;
    assert.ok(installedIn, 'the harness names the extensions folder it installed the .vsix into');
    const { extensionPath } = extension();
    assert.ok(extensionPath.startsWith(installedIn), `dbarch was loaded from ${extensionPath}, not from the installed .vsix under ${installedIn}`);
    assert.equal(extension().packageJSON.version, process.env.DBARCH_EXTENSION_VERSION);
  });

  it('never activates on every event', () => {
    const events: string[] = extension().packageJSON.activationEvents ?? [];
    assert.ok(!events.includes('*'), `activationEvents: ${events.join(', ')}`);
    assert.ok(events.some((event) => event.startsWith('workspaceContains:') || event.startsWith('onLanguage:')), `activationEvents: ${events.join(', ')}`);
  });

  it('is active once an architecture file is open, lints it and reports its activation time', async () => {
    const document = await open('orders.dbarch.yaml');
    const result = await linted(document);
    assert.equal(extension().isActive, true);
    assert.ok(result.findings.length > 0, 'orders.dbarch.yaml has a finding');
    const { activationMs } = await api();
    assert.ok(Number.isFinite(activationMs) && activationMs > 0 && activationMs < 5_000, `activationMs = ${activationMs}`);
  });

  it('keeps the YAML and JSON language of architecture files', async () => {
    assert.equal((await open('orders.dbarch.yaml')).languageId, 'yaml');
    assert.equal((await open('accounts.dbarch.json')).languageId, 'json');
  });

  it('leaves a plain YAML file alone and lints one that a dbarch.files glob names', async () => {
    // Both files hold the same production database with multiAz: false. The plain one opens first,
    // so had it been linted, its lint would have finished before the glob-matched one's.
    const plain = await open('notes/plain.yaml');
    const matched = await open('legacy/orders.yaml');
    const result = await linted(matched);
    assert.deepEqual(
      result.findings.map((finding) => finding.ruleId),
      ['rds/multi-az-production'],
    );
    assert.equal((await api()).resultFor(plain), undefined, 'notes/plain.yaml was linted');
    assert.deepEqual(dbarchDiagnostics(plain.uri), []);
    assert.deepEqual(dbarchDiagnostics(workspaceFile('legacy/orders.yaml')).length, 1);
  });
});
