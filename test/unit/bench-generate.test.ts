// The benchmark generator (bench/generate.ts) writes valid, realistic files: deterministic per seed,
// clean of syntax and schema problems in YAML and JSON, using every service, and sized by database
// count or by diagram nodes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generateArchitecture, generateArchitectureModel, generateForNodes, type ArchitectureFormat } from '../../bench/generate';
import { lint } from '../../src/core/lint';
import type { RawDatabase, RawService } from '../../src/core/model/raw';

const FORMATS: readonly ArchitectureFormat[] = ['yaml', 'json'];

// Findings that would mean the generator wrote a broken file, not a realistic design choice.
const BROKEN = new Set(['syntax', 'schema', 'arch/duplicate-name', 'arch/unknown-reference', 'arch/write-to-read-only', 'arch/az-region-mismatch', 'arch/unknown-region', 'arch/unused-database']);

function lintGenerated(databases: number, seed: number, format: ArchitectureFormat) {
  const text = generateArchitecture({ databases, seed, format });
  return { text, ...lint(text, { fileName: `generated.dbarch.${format}` }) };
}

describe('bench/generate', () => {
  test('the same seed gives the same text; another seed another text', () => {
    for (const format of FORMATS) {
      const first = generateArchitecture({ databases: 50, seed: 7, format });
      assert.equal(generateArchitecture({ databases: 50, seed: 7, format }), first, format);
      assert.notEqual(generateArchitecture({ databases: 50, seed: 8, format }), first, format);
    }
    assert.notEqual(generateArchitecture({ databases: 10, seed: 1 }), generateArchitecture({ databases: 10, seed: 2 }));
  });

  for (const databases of [10, 50, 200]) {
    for (const format of FORMATS) {
      test(`${databases} databases in ${format}: no syntax or schema findings, no broken references`, () => {
        for (const seed of [1, 2]) {
          const { findings, model } = lintGenerated(databases, seed, format);
          assert.deepEqual(
            findings.filter((finding) => BROKEN.has(finding.ruleId)).map((finding) => `${finding.ruleId}: ${finding.message}`),
            [],
            `seed ${seed}`,
          );
          assert.equal(model?.databases.length, databases, `seed ${seed}: the database count`);
        }
      });
    }
  }

  test('YAML and JSON carry the same model', () => {
    for (const databases of [10, 200]) {
      const yaml = lint(generateArchitecture({ databases, seed: 3, format: 'yaml' }), { fileName: 'generated.dbarch.yaml' });
      const json = generateArchitecture({ databases, seed: 3, format: 'json' });
      assert.deepEqual(yaml.document.value, JSON.parse(json));
    }
  });

  test('a design is mostly clean: design findings on a few databases, not on most', () => {
    const { findings } = lintGenerated(200, 1, 'yaml');
    const problems = findings.filter((finding) => finding.severity !== 'info');
    assert.ok(problems.length > 0, 'a sprinkling of findings, like real files');
    assert.ok(problems.length <= 20, `at most 10% of the databases have a warning or error, got ${problems.length}`);
  });

  test('every service, and the features of each, appear at 50 databases', () => {
    for (const seed of [1, 2, 3]) {
      const architecture = generateArchitectureModel({ databases: 50, seed });
      const databases = Object.values(architecture.databases ?? {});
      const has = (what: string, predicate: (database: RawDatabase) => boolean): void => assert.ok(databases.some(predicate), `seed ${seed}: ${what}`);
      const services: RawService[] = ['rds', 'aurora', 'dynamodb', 'elasticache', 'redshift', 'documentdb', 'neptune', 'timestream', 'qldb'];
      assert.deepEqual([...new Set(databases.map((database) => database.service))].sort(), [...services].sort(), `seed ${seed}: services`);
      has('RDS Multi-AZ instance', (d) => d.service === 'rds' && (d.multiAz === true || (typeof d.multiAz === 'object' && d.multiAz.mode === 'instance')));
      has('RDS Multi-AZ cluster', (d) => d.service === 'rds' && typeof d.multiAz === 'object' && d.multiAz.mode === 'cluster');
      has('RDS chained replica', (d) => d.service === 'rds' && (d.readReplicas ?? []).some((replica) => (replica.readReplicas ?? []).length > 0));
      has('RDS cross-Region replica', (d) => d.service === 'rds' && (d.readReplicas ?? []).some((replica) => replica.region !== undefined && replica.region !== (d.region ?? architecture.region)));
      has('Aurora readers', (d) => d.service === 'aurora' && (d.instances ?? []).some((instance) => instance.role === 'reader'));
      has('Aurora global database', (d) => d.service === 'aurora' && (d.globalDatabase?.secondaryRegions.length ?? 0) > 0);
      has('DynamoDB GSI', (d) => d.service === 'dynamodb' && (d.globalSecondaryIndexes ?? []).length > 0);
      has('DynamoDB LSI', (d) => d.service === 'dynamodb' && (d.localSecondaryIndexes ?? []).length > 0);
      has('DAX', (d) => d.service === 'dynamodb' && d.dax !== undefined);
      has('stream consumers', (d) => d.service === 'dynamodb' && (d.streams?.consumers ?? []).length > 0);
      has('global table', (d) => d.service === 'dynamodb' && d.globalTable !== undefined);
      has('Redshift provisioned', (d) => d.service === 'redshift' && d.nodeType !== undefined);
      has('Redshift Serverless', (d) => d.service === 'redshift' && d.serverless !== undefined);
      has('Redshift Spectrum', (d) => d.service === 'redshift' && (d.spectrum?.s3Locations ?? []).length > 0);
      has('ElastiCache sharded with replicas', (d) => d.service === 'elasticache' && d.engine !== 'memcached' && (d.shards ?? 1) > 1 && (d.replicasPerShard ?? 0) > 0);
      has('ElastiCache memcached', (d) => d.service === 'elasticache' && d.engine === 'memcached');
      const migrations = architecture.migrations ?? [];
      assert.ok(migrations.some((migration) => typeof migration.source === 'object'), `seed ${seed}: a migration from an external source`);
      assert.ok(migrations.some((migration) => typeof migration.source === 'string'), `seed ${seed}: a migration between databases of the file`);
      const applications = Object.values(architecture.applications ?? {});
      const connections = applications.flatMap((application) => application.connects ?? []);
      assert.ok(connections.some((connection) => connection.access === 'read') && connections.some((connection) => connection.access === 'read-write'), `seed ${seed}: read and read-write`);
      assert.ok(connections.some((connection) => connection.endpoint === 'reader'), `seed ${seed}: a reader endpoint`);
      const regions = new Set([architecture.region, ...databases.map((database) => database.region).filter(Boolean)]);
      assert.ok(regions.size >= 2 && regions.size <= 4, `seed ${seed}: 2-4 Regions, got ${[...regions].join(', ')}`);
    }
  });

  test('a smaller file lists the same databases as the start of a bigger one', () => {
    const small = Object.entries(generateArchitectureModel({ databases: 17, seed: 4 }).databases ?? {});
    const big = Object.entries(generateArchitectureModel({ databases: 60, seed: 4 }).databases ?? {}).slice(0, small.length);
    assert.deepEqual(small, big);
  });

  for (const nodes of [50, 200]) {
    test(`generateForNodes(${nodes}) lands within 15% of ${nodes} topology nodes`, () => {
      for (const seed of [1, 2]) {
        const generated = generateForNodes(nodes, seed);
        const counted = lint(generated.text, { fileName: 'generated.dbarch.yaml' }).topology?.nodes.length ?? 0;
        assert.equal(counted, generated.nodes, 'the reported count is the topology count');
        assert.ok(Math.abs(counted - nodes) <= nodes * 0.15, `seed ${seed}: ${counted} nodes from ${generated.databases} databases`);
      }
    });
  }

  test('5,000 databases generate fast (time reported; only a pathological slowdown fails)', (t) => {
    // Wall-clock time on a shared machine is reported, not asserted tightly (as for the typing-to-warning
    // times): about 0.3-0.8 s on an idle machine. The bound only catches a generator that slows down
    // with size, such as a quadratic lookup, which would take minutes at this size.
    for (const format of FORMATS) {
      let best = Infinity;
      for (let run = 0; run < 2; run++) {
        const started = performance.now();
        const text = generateArchitecture({ databases: 5000, seed: 1, format });
        best = Math.min(best, performance.now() - started);
        assert.ok(text.length > 1_000_000);
      }
      t.diagnostic(`5,000 databases in ${format}: ${Math.round(best)} ms`);
      assert.ok(best < 10_000, `${format}: ${Math.round(best)} ms`);
    }
  });

  test('rejects a database count that is not a positive number', () => {
    assert.throws(() => generateArchitecture({ databases: 0, seed: 1 }), RangeError);
    assert.throws(() => generateArchitecture({ databases: Number.NaN, seed: 1 }), RangeError);
  });
});
