// rds/replica-chain-depth: read replicas chained deeper than the engine allows, or chained where the engine cannot chain them.
import { RDS_ENGINES_WITHOUT_READ_REPLICAS, RDS_FAMILY_NAMES, RDS_REPLICA_CHAINS, rdsEngineFamily, type RdsEngineFamily } from '../../facts';
import * as l10n from '../../l10n';
import type { RdsDatabase } from '../../model/model';
import { versionAtLeast } from '../helpers/versions';
import { defineRule, type Report } from '../rule';

/** How deep a database's replicas may chain, why, and how sure dbarch is of it. */
interface ChainLimit {
  /** Replica levels allowed below the source (1 = no replica of a replica). */
  levels: number;
  severity: 'error' | 'warning';
  /** Why the limit is what it is, for the message. */
  reason: string;
  /** Where the reason lives in the file (the engine version), if anywhere. */
  related?: Report['related'];
}

/** `second`, `third`, ... for a replica's place in a chain. */
function ordinal(n: number): string {
  switch (n) {
    case 0:
      return l10n.t('zeroth');
    case 1:
      return l10n.t('first');
    case 2:
      return l10n.t('second');
    case 3:
      return l10n.t('third');
    case 4:
      return l10n.t('fourth');
    case 5:
      return l10n.t('fifth');
    default:
      return l10n.t`${n}th`;
  }
}

/** The chain limit of a database's engine and version. */
function chainLimit(database: RdsDatabase, family: RdsEngineFamily): ChainLimit {
  const name = RDS_FAMILY_NAMES[family];
  const support = RDS_REPLICA_CHAINS[family];
  if (!support) {
    return {
      levels: 1,
      severity: 'warning',
      reason:
        l10n.t`AWS documents cascading read replicas (a replica of a replica) only for RDS for MariaDB, MySQL and PostgreSQL 14.1+, not for ${name}.` +
        ' ' +
        l10n.t`Replicate from ${database.name} itself.` +
        ' ' +
        l10n.t`(A warning, not an error: dbarch has no AWS statement that ${name} rejects it.)`,
    };
  }
  const { levels, minVersion } = support.value;
  const severity = support.unconfirmed ? 'warning' : 'error';
  const version = database.engineVersion;
  if (minVersion && version !== undefined && versionAtLeast(version, minVersion) === false) {
    return {
      levels: 1,
      severity,
      reason:
        l10n.t`${name} ${version} cannot chain replicas: cascading read replicas need version ${minVersion} or later.` +
        ' ' +
        l10n.t`Upgrade ${database.name} to ${minVersion}+ or replicate from ${database.name} itself.`,
      related: [{ pointer: `${database.pointer}/engineVersion`, message: l10n.t`Version ${version}: before ${minVersion}, no cascading read replicas` }],
    };
  }
  const caveat = support.unconfirmed ? ' ' + l10n.t`(A warning, not an error: dbarch's facts mark this ${name} limit as unconfirmed.)` : '';
  const chain = [l10n.t('source'), ...Array<string>(levels).fill(l10n.t('replica'))].join(' -> ');
  return {
    levels,
    severity,
    reason:
      l10n.t`${name} allows a chain of at most ${levels} read replicas below the source (${chain}).` +
      ' ' +
      l10n.t`Replicate the extra level from a replica higher in the chain or from ${database.name} itself.` +
      caveat,
  };
}

export default defineRule({
  meta: {
    id: 'rds/replica-chain-depth',
    description: 'Read replicas are chained deeper than the engine allows, or chained on an engine or version without cascading replicas.',
    severity: 'error',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    for (const database of model.databases) {
      if (database.service !== 'rds' || database.allReplicas.length === 0) continue;
      // An engine with no read replicas at all (Oracle SE2) is rds/replica-limit's single finding.
      if (RDS_ENGINES_WITHOUT_READ_REPLICAS.value.includes(database.engine)) continue;
      const family = rdsEngineFamily(database.engine);
      if (!family) continue;
      const limit = chainLimit(database, family);
      // The replica at the last allowed level that still feeds replicas: one finding per such replica.
      for (const replica of database.allReplicas) {
        if (replica.depth !== limit.levels || replica.readReplicas.length === 0) continue;
        const first = replica.readReplicas[0];
        const message =
          limit.levels === 1
            ? l10n.t`${replica.name} is a read replica of ${database.name} and has read replicas of its own; ${limit.reason}`
            : l10n.t`${replica.name} is the ${ordinal(limit.levels)} replica in a chain below ${database.name} and has read replicas of its own; ${limit.reason}`;
        report({
          pointer: `${replica.pointer}/readReplicas`,
          part: 'key',
          severity: limit.severity,
          message,
          related: [{ pointer: first.pointer, message: l10n.t`${first.name}: level ${first.depth} below ${database.name}, over the limit of ${limit.levels}` }, ...(limit.related ?? [])],
        });
      }
    }
  },
});
