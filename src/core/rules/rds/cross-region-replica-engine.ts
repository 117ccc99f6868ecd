// rds/cross-region-replica-engine: a read replica in another Region on an engine or version that cannot have one.
import { RDS_CROSS_REGION_REPLICAS, RDS_ENGINES_WITHOUT_READ_REPLICAS, RDS_FAMILY_NAMES, rdsEngineFamily } from '../../facts';
import * as l10n from '../../l10n';
import type { RdsDatabase } from '../../model/model';
import { versionInRange } from '../helpers/versions';
import { defineRule, type RelatedReport } from '../rule';

/** Why the database's engine cannot have cross-Region replicas, or undefined when it can (or the file does not say enough to tell). */
function unsupported(database: RdsDatabase): { why: string; related: RelatedReport[] } | undefined {
  const family = rdsEngineFamily(database.engine);
  // An engine with no read replicas at all (Oracle SE2) is rds/replica-limit's finding, for every replica at once.
  if (!family || RDS_ENGINES_WITHOUT_READ_REPLICAS.value.includes(database.engine)) return undefined;
  const support = RDS_CROSS_REGION_REPLICAS.value;
  const engineRelated: RelatedReport = { pointer: `${database.pointer}/engine`, message: l10n.t('Engine `{engine}`', { engine: database.engine }) };
  if (!support.families.includes(family)) {
    const name = RDS_FAMILY_NAMES[family];
    return { why: l10n.t`${name} has no cross-Region read replicas`, related: [engineRelated] };
  }
  if (family === 'db2' && database.engineVersion !== undefined) {
    const version = database.engineVersion;
    const ranges = support.db2Versions;
    const inside = ranges.map((range) => versionInRange(version, range));
    if (inside.some((value) => value === undefined) || inside.some(Boolean)) return undefined;
    const options = ranges.map((range) => (range.below ? range.from : l10n.t`${range.from} or later`));
    const allowed = options.slice(1).reduce((list, option) => l10n.t`${list}, or ${option}`, options[0] ?? '');
    return {
      why: l10n.t`RDS for Db2 ${version} has no cross-Region read replicas: they need Db2 ${allowed}`,
      related: [{ pointer: `${database.pointer}/engineVersion`, message: `Db2 ${version}` }],
    };
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'rds/cross-region-replica-engine',
    description: 'A read replica is in another Region, but the engine or engine version has no cross-Region read replicas.',
    severity: 'error',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    for (const database of model.databases) {
      if (database.service !== 'rds') continue;
      const crossRegion = database.allReplicas.filter((replica) => replica.crossRegion);
      if (crossRegion.length === 0) continue;
      const problem = unsupported(database);
      if (!problem) continue;
      for (const replica of crossRegion) {
        // Both Regions are written: that is what makes the replica cross-Region.
        const [from, to] = [String(replica.source.region), String(replica.region)];
        report({
          pointer: `${replica.pointer}/region`,
          part: 'value',
          message:
            l10n.t`${replica.name} replicates ${replica.source.name} from ${from} to ${to}, but ${problem.why}.` +
            ' ' +
            l10n.t`Keep the replica in ${from}, or use cross-Region automated backups or snapshot copies for a copy of the data in ${to}.`,
          related: problem.related,
        });
      }
    }
  },
});
