// The availability rules and the failure simulation read one model (src/core/failure/az-loss.ts), so
// they must never disagree. Over every example and every rule fixture:
//   A. every database an availability rule flags loses its writes (down or read-only) when some AZ the
//      file uses is lost (for a DAX finding: its DAX cluster is lost);
//   B. every production database that some AZ loss takes down is flagged by one of those rules,
//      except the documented exceptions below.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { failureScenarios, simulate } from '../../src/core/failure';
import type { Finding } from '../../src/core/findings';
import { lint } from '../../src/core/lint';
import type { Database } from '../../src/core/model/model';

const root = join(__dirname, '..', '..');

/** The rules whose findings say "one AZ loss stops this database" (or its writes). */
const AVAILABILITY_RULES = ['arch/single-az', 'rds/multi-az-production', 'aurora/no-reader-production', 'elasticache/no-failover-production', 'elasticache/multi-az-needs-replica'];

/**
 * Rules that also flag a database an AZ loss takes down, for another reason than its AZ placement:
 * Memcached used as a session or primary store (it loses data on any node loss), and a DAX cluster
 * under AWS's recommended size. They count for B, not for A: elasticache/memcached-durability flags
 * spread Memcached nodes too (an AZ loss then costs part of the data, which the model calls degraded),
 * and dynamodb/dax-cluster-size flags a two-node DAX cluster spread over two AZs (one node survives).
 */
const ALSO_FLAGGING = ['elasticache/memcached-durability', 'dynamodb/dax-cluster-size'];

/**
 * Databases the model takes down with one AZ that no rule flags, on purpose:
 * - Redshift: RULES.md leaves it out of arch/single-az ("Redshift is left to redshift/multi-az"), and
 *   redshift/multi-az checks only what a Multi-AZ deployment requires; a single-AZ warehouse is a
 *   common, accepted design (the simulation still shows it down, with the RTO and the fix).
 * - RDS for SQL Server Express: it has no Multi-AZ deployment to turn on, so rds/multi-az-production
 *   stays silent (RDS_ENGINES_WITHOUT_MULTI_AZ).
 */
function intendedException(database: Database): string | undefined {
  if (database.service === 'redshift') return 'redshift';
  if (database.service === 'rds' && database.engine === 'sqlserver-ex') return 'sqlserver-ex';
  return undefined;
}

function files(): string[] {
  const found: string[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory)) {
      const path = join(directory, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.dbarch\.(ya?ml|json)$/.test(entry)) found.push(path);
    }
  };
  walk(join(root, 'examples'));
  walk(join(root, 'test', 'fixtures', 'rules'));
  return found.sort();
}

/** The database a finding's pointer is under (`/databases/orders/multiAz` -> orders). */
function databaseOf(finding: Finding): string | undefined {
  const match = /^\/databases\/([^/]+)/.exec(finding.pointer ?? '');
  return match ? match[1].replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

const checked = { files: 0, flagged: 0, down: 0, exceptions: new Map<string, number>() };

for (const file of files()) {
  const name = relative(root, file);
  test(`the availability rules and the simulation agree: ${name}`, () => {
    const text = readFileSync(file, 'utf8');
    const result = lint(text, { fileName: file });
    if (!result.model || !result.topology) return;
    const { model, topology } = result;
    checked.files++;
    const simulations = failureScenarios(model, topology)
      .filter((scenario) => scenario.kind === 'az')
      .map((scenario) => simulate(model, topology, scenario));
    const flagged = new Map<string, Finding[]>();
    for (const finding of result.findings) {
      const database = databaseOf(finding);
      if (!database || ![...AVAILABILITY_RULES, ...ALSO_FLAGGING].includes(finding.ruleId)) continue;
      flagged.set(database, [...(flagged.get(database) ?? []), finding]);
    }

    // A: a finding of an availability rule names a database that some AZ loss stops writing to.
    for (const [database, findings] of flagged) {
      for (const finding of findings.filter((item) => AVAILABILITY_RULES.includes(item.ruleId))) {
        checked.flagged++;
        if (finding.ruleId === 'arch/single-az' && finding.pointer?.includes('/dax')) {
          const daxLost = simulations.some((simulation) => [...simulation.nodes].some(([id, fate]) => id === `dax:${database}` && fate === 'failed'));
          assert.ok(daxLost, `${name}: ${finding.ruleId} flags the DAX cluster of ${database}, but no AZ loss takes it`);
          continue;
        }
        const losesWrites = simulations.some((simulation) => simulation.databases.some((outcome) => outcome.database === database && !outcome.writes));
        assert.ok(losesWrites, `${name}: ${finding.ruleId} flags ${database}, but no AZ loss stops its writes:\n${simulations.map((simulation) => `  ${simulation.description}: ${simulation.databases.find((outcome) => outcome.database === database)?.state}`).join('\n')}`);
      }
    }

    // B: in production, a database some AZ loss takes down is flagged (or is an intended exception).
    if (result.environment !== 'production') return;
    // A finding silenced by a comment is gone from the results: such a file says itself that it accepts the risk.
    if (new RegExp(`dbarch-disable[^\\n]*(${AVAILABILITY_RULES.join('|')})`).test(text)) return;
    for (const database of model.databases) {
      const down = simulations.find((simulation) => simulation.databases.some((outcome) => outcome.database === database.name && outcome.state === 'down'));
      if (!down) continue;
      checked.down++;
      const exception = intendedException(database);
      if (exception) {
        checked.exceptions.set(exception, (checked.exceptions.get(exception) ?? 0) + 1);
        continue;
      }
      assert.ok(flagged.has(database.name), `${name}: the ${down.description} takes ${database.name} down, but no availability rule flags it`);
    }
  });
}

test('the agreement check covered the examples and fixtures', () => {
  // Counted over the tests above (node:test runs a file's tests in order).
  assert.ok(checked.files >= 100, `only ${checked.files} files checked`);
  assert.ok(checked.flagged >= 20, `only ${checked.flagged} findings checked`);
  assert.ok(checked.down >= 20, `only ${checked.down} down databases checked`);
  // Each intended exception occurs, so none of them is a stale excuse.
  assert.deepEqual([...checked.exceptions.keys()].sort(), ['redshift', 'sqlserver-ex']);
});
