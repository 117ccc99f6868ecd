// The CLI with files it must not damage: text that is not UTF-8 is refused (never read with
// replacement characters that `--fix` would write back), and `--fix` replaces a file atomically,
// keeping its permissions, the target of a symbolic link, and every other file in the folder.
import assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { firstInvalidUtf8 } from '../../src/cli/files';
import { run } from '../../src/cli/main';

function cli(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = run(argv, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), color: false });
  return { code, stdout, stderr };
}

/** A production RDS database without Multi-AZ: one fixable warning. */
const fixable = 'dbarch: 1\nname: shop # the shop\nenvironment: production\nregion: ap-northeast-2\ndatabases:\n  orders:\n    service: rds\n    engine: postgres\n    engineVersion: "16.4"\n    instanceClass: db.m6i.large\n    az: ap-northeast-2a\n    multiAz: false # read the note\n    backup: { retentionDays: 7 }\n    security: { encrypted: true }\n    deletionProtection: true\n';

describe('text that is not UTF-8', () => {
  test('firstInvalidUtf8 finds stray, truncated, overlong and surrogate sequences', () => {
    assert.equal(firstInvalidUtf8(Buffer.from('name: café 주문 🚀\n', 'utf8')), undefined);
    assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xff, 0x62])), 1);
    assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xe2, 0x82])), 2, 'truncated at the end');
    assert.equal(firstInvalidUtf8(Buffer.from([0xc0, 0xaf])), 0, 'overlong /');
    assert.equal(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80])), 0, 'a UTF-16 surrogate');
    assert.equal(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80])), 0, 'past U+10FFFF');
    assert.equal(firstInvalidUtf8(Buffer.from([0xe9, 0x61])), 0, 'Latin-1 é');
  });

  test('lint refuses a Latin-1 file with the line of the bad byte, and --fix leaves it as it was', () => {
    const root = mkdtempSync(join(tmpdir(), 'dbarch-utf8-'));
    const bytes = Buffer.concat([Buffer.from(fixable.replace('name: shop', 'name: caf'), 'utf8').subarray(0, 20), Buffer.from([0xe9]), Buffer.from(fixable.slice(20), 'utf8')]);
    writeFileSync(join(root, 'latin1.dbarch.yaml'), bytes);
    const { code, stderr } = cli(['lint', 'latin1.dbarch.yaml', '--fix'], root);
    assert.equal(code, 2);
    assert.match(stderr, /latin1\.dbarch\.yaml.*not UTF-8 text \(an invalid byte on line 2\)/);
    assert.deepEqual(readFileSync(join(root, 'latin1.dbarch.yaml')), bytes);
  });

  test('a UTF-16 file is named as such', () => {
    const root = mkdtempSync(join(tmpdir(), 'dbarch-utf16-'));
    writeFileSync(join(root, 'wide.dbarch.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixable, 'utf16le')]));
    const { code, stderr } = cli(['lint', 'wide.dbarch.yaml'], root);
    assert.equal(code, 2);
    assert.match(stderr, /UTF-16 text; save it as UTF-8/);
  });

  test('a UTF-8 byte order mark is kept by --fix', () => {
    const root = mkdtempSync(join(tmpdir(), 'dbarch-bom-'));
    writeFileSync(join(root, 'bom.dbarch.yaml'), '\uFEFF' + fixable);
    cli(['lint', 'bom.dbarch.yaml', '--fix'], root);
    const fixed = readFileSync(join(root, 'bom.dbarch.yaml'), 'utf8');
    assert.ok(fixed.startsWith('\uFEFFdbarch: 1\n'));
    assert.match(fixed, /multiAz: true # read the note/);
  });
});

describe('--fix writes atomically', () => {
  test('permissions are kept and no temporary file is left', () => {
    const root = mkdtempSync(join(tmpdir(), 'dbarch-mode-'));
    const file = join(root, 'orders.dbarch.yaml');
    writeFileSync(file, fixable);
    chmodSync(file, 0o640);
    cli(['lint', 'orders.dbarch.yaml', '--fix'], root);
    assert.match(readFileSync(file, 'utf8'), /multiAz: true # read the note/);
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(root), ['orders.dbarch.yaml']);
  });

  test('a symbolic link keeps pointing at its target, which gets the fix', () => {
    const root = mkdtempSync(join(tmpdir(), 'dbarch-link-'));
    writeFileSync(join(root, 'real.dbarch.yaml'), fixable);
    symlinkSync('real.dbarch.yaml', join(root, 'link.dbarch.yaml'));
    cli(['lint', 'link.dbarch.yaml', '--fix'], root);
    assert.ok(lstatSync(join(root, 'link.dbarch.yaml')).isSymbolicLink());
    assert.equal(readlinkSync(join(root, 'link.dbarch.yaml')), 'real.dbarch.yaml');
    assert.match(readFileSync(join(root, 'real.dbarch.yaml'), 'utf8'), /multiAz: true # read the note/);
  });
});
