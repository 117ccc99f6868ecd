// `dbarch simulate` end to end, in-process: the table, JSON, --all-azs, usage errors and exit codes.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { run } from '../../src/cli/main';

const repository = join(__dirname, '..', '..');

function cli(argv: string[], cwd = repository) {
  let stdout = '';
  let stderr = '';
  const code = run(argv, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), color: false });
  return { code, stdout, stderr };
}

describe('dbarch simulate', () => {
  test('--fail-az prints the table per database, what happens and what to change, then the connections that break', () => {
    const { code, stdout, stderr } = cli(['simulate', 'examples/shop.dbarch.yaml', '--fail-az', 'ap-northeast-2a']);
    assert.equal(code, 0, stderr);
    const lines = stdout.split('\n');
    assert.equal(lines[0], 'Loss of AZ ap-northeast-2a: shop-platform (examples/shop.dbarch.yaml)');
    assert.match(lines[2], /^Database\s+Service\s+State\s+Reads\s+Writes\s+RTO\s+RPO$/);
    const row = (name: string) => lines.find((line) => line.startsWith(`${name} `))!.split(/\s{2,}/);
    assert.deepEqual(row('orders'), ['orders', 'RDS', 'failed-over', 'yes', 'yes', '60-120 s', '0 (synchronous standby)']);
    assert.deepEqual(row('catalog').slice(0, 6), ['catalog', 'Aurora', 'failed-over', 'yes', 'yes', 'about 30 s']);
    assert.deepEqual(row('documents').slice(0, 6), ['documents', 'DocumentDB', 'down', 'no', 'no', 'minutes (a new writer is created)']);
    // The columns line up: each value starts under its header.
    const orders = lines.find((line) => line.startsWith('orders '))!;
    assert.equal(orders.indexOf('60-120 s'), lines[2].indexOf('RTO'));
    assert.equal(orders.indexOf('failed-over'), lines[2].indexOf('State'));
    assert.match(stdout, /\nWhat happens, and what the design could change\n/);
    assert.match(stdout, /\ndocuments: down\n  The loss of ap-northeast-2a takes the writer documents-1/);
    assert.match(stdout, /\n  - Add a reader in another AZ/);
    assert.match(stdout, /\nApplication connections that break or need a new endpoint\n  bi -> warehouse \(read\): broken: warehouse is down/);
  });

  test('--fail-node names a replica: applications reading it straight need a new endpoint', () => {
    const { code, stdout } = cli(['simulate', 'examples/shop.dbarch.yaml', '--fail-node', 'orders-replica-1']);
    assert.equal(code, 0);
    assert.match(stdout, /^Failure of orders-replica-1:/);
    assert.match(stdout, /web -> orders\/orders-replica-1 \(read\): reconnect: orders-replica-1 failed: read from orders instead/);
  });

  test('--fail-region with --format json: databases, every node\'s fate, every edge with its fate, and the applications', () => {
    const { code, stdout } = cli(['simulate', 'examples/multi-region.dbarch.json', '--fail-region', 'ap-northeast-2', '--format', 'json']);
    assert.equal(code, 0);
    const json = JSON.parse(stdout);
    assert.equal(json.file, 'examples/multi-region.dbarch.json');
    assert.deepEqual(json.scenario, { kind: 'region', region: 'ap-northeast-2' });
    assert.equal(json.description, 'loss of Region ap-northeast-2');
    assert.deepEqual(
      json.databases.map((outcome: { database: string; state: string }) => [outcome.database, outcome.state]),
      [
        ['accounts', 'read-only'],
        ['catalog', 'failed-over'],
      ],
    );
    assert.equal(json.nodes['gdb:catalog@ap-northeast-1'], 'promoted');
    assert.ok(json.connections.every((edge: { edgeIndex: number; fate: string; from: string; to: string }) => typeof edge.edgeIndex === 'number' && edge.from && edge.to && edge.fate));
    const tokyo = json.applications.find((item: { application: string; to: string }) => item.application === 'api-tokyo' && item.to === 'accounts');
    assert.equal(tokyo.fate, 'reconnect');
  });

  test('--all-azs reports the worst case per database and the AZ that gives it', () => {
    const { code, stdout } = cli(['simulate', 'examples/oracle-to-aurora.dbarch.yaml', '--all-azs']);
    assert.equal(code, 0);
    assert.match(stdout, /^Worst case over the loss of each AZ \(ap-northeast-2a, ap-northeast-2b, ap-northeast-2c\): erp-oracle-to-aurora/);
    assert.match(stdout, /\nDatabase\s+Service\s+State\s+Reads\s+Writes\s+RTO\s+RPO\s+Worst in\n/);
    assert.match(stdout, /\nerp\s+Aurora\s+failed-over\s+yes\s+yes\s+about 30 s\s+0 \(shared cluster volume\)\s+ap-northeast-2a\n/);
    assert.match(stdout, /\nwarehouse\s+Redshift\s+down\s+no\s+no\s+.*ap-northeast-2a\n/);
    assert.match(stdout, /\nerp: failed-over \(worst with the loss of AZ ap-northeast-2a\)\n/);
    assert.match(stdout, /Loss of AZ ap-northeast-2c:\n    cutover-check -> erp \(read, reporting endpoint\): reconnect/);
    const json = JSON.parse(cli(['simulate', 'examples/oracle-to-aurora.dbarch.yaml', '--all-azs', '--format', 'json']).stdout);
    assert.equal(json.scenarios.length, 3);
    assert.deepEqual(
      json.worstCase.map((outcome: { database: string; state: string; description: string }) => `${outcome.database} ${outcome.state} ${outcome.description}`),
      ['erp failed-over loss of AZ ap-northeast-2a', 'warehouse down loss of AZ ap-northeast-2a'],
    );
    assert.equal(json.simulations.length, 3);
  });

  test('unknown AZ, Region or name: usage error (exit 2) with a did-you-mean', () => {
    const az = cli(['simulate', 'examples/shop.dbarch.yaml', '--fail-az', 'ap-northeast-2d']);
    assert.equal(az.code, 2);
    assert.match(az.stderr, /The file has no AZ `ap-northeast-2d`.*The file uses ap-northeast-2a, ap-northeast-2b, ap-northeast-2c, ap-northeast-1a\./);
    const typo = cli(['simulate', 'examples/shop.dbarch.yaml', '--fail-az', 'ap-northeast-2-a']);
    assert.match(typo.stderr, /did you mean `ap-northeast-2a`\?/);
    const regionTypo = cli(['simulate', 'examples/shop.dbarch.yaml', '--fail-region', 'ap-northeast2']);
    assert.equal(regionTypo.code, 2);
    assert.match(regionTypo.stderr, /The file has no Region `ap-northeast2`; did you mean `ap-northeast-2`\?/);
    const nodeTypo = cli(['simulate', 'examples/shop.dbarch.yaml', '--fail-node', 'catalgo-1']);
    assert.equal(nodeTypo.code, 2);
    assert.match(nodeTypo.stderr, /The file has no database, replica or instance `catalgo-1`; did you mean `catalog-1`\?/);
  });

  test('usage: one failure at a time, a file, a known format', () => {
    assert.match(cli(['simulate', 'examples/shop.dbarch.yaml']).stderr, /Say what fails/);
    assert.equal(cli(['simulate', 'examples/shop.dbarch.yaml']).code, 2);
    const both = cli(['simulate', 'examples/shop.dbarch.yaml', '--fail-az', 'ap-northeast-2a', '--all-azs']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--fail-az and --all-azs cannot be combined/);
    assert.equal(cli(['simulate', '--all-azs']).code, 2);
    assert.match(cli(['simulate', 'examples/shop.dbarch.yaml', '--all-azs', '--format', 'sarif']).stderr, /must be one of table, json/);
    assert.equal(cli(['simulate', 'examples/missing.dbarch.yaml', '--all-azs']).code, 2);
    assert.match(cli(['simulat', 'x']).stderr, /did you mean `dbarch simulate`\?/);
    assert.match(cli(['--help']).stdout, /dbarch simulate FILE/);
  });

  test('a file with syntax errors cannot be simulated: exit 1 with the errors', () => {
    const directory = mkdtempSync(join(tmpdir(), 'dbarch-simulate-'));
    writeFileSync(join(directory, 'broken.dbarch.yaml'), 'dbarch: 1\nname: broken\ndatabases:\n  orders: [\n');
    const { code, stderr } = cli(['simulate', 'broken.dbarch.yaml', '--all-azs'], directory);
    assert.equal(code, 1);
    assert.match(stderr, /broken\.dbarch\.yaml cannot be simulated until its syntax errors are fixed:\n  \d+:\d+ /);
  });

  test('findings do not change the exit code: it is an analysis', () => {
    // The shop example has lint errors; simulating it still exits 0.
    assert.equal(cli(['lint', 'examples/shop.dbarch.yaml']).code, 1);
    assert.equal(cli(['simulate', 'examples/shop.dbarch.yaml', '--all-azs']).code, 0);
  });
});
