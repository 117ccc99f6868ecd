// rds/multi-az-cluster-engine: a Multi-AZ DB cluster (`multiAz: { mode: cluster }`) on an engine or version that has none.
import { RDS_FAMILY_NAMES, RDS_MULTI_AZ_CLUSTER_ENGINES, rdsEngineFamily } from '../../facts';
import * as l10n from '../../l10n';
import type { MultiAzDeployment, RdsDatabase } from '../../model/model';
import { versionAtLeast } from '../helpers/versions';
import { defineRule, type RelatedReport } from '../rule';

/** Why the database's engine cannot run a Multi-AZ DB cluster, or undefined when it can (or the file does not say enough to tell). */
function unsupported(database: RdsDatabase): { why: string; related: RelatedReport[] } | undefined {
  const family = rdsEngineFamily(database.engine);
  if (!family) return undefined;
  const support = RDS_MULTI_AZ_CLUSTER_ENGINES.value[family];
  const name = RDS_FAMILY_NAMES[family];
  if (!support) {
    return {
      why: l10n.t`${name} has no Multi-AZ DB clusters (only RDS for MySQL 8.0/8.4 and RDS for PostgreSQL have them)`,
      related: [{ pointer: `${database.pointer}/engine`, message: l10n.t('Engine `{engine}`', { engine: database.engine }) }],
    };
  }
  const version = database.engineVersion;
  if (support.minVersion && version !== undefined && versionAtLeast(version, support.minVersion) === false) {
    return {
      why: l10n.t`${name} ${version} has no Multi-AZ DB clusters: they need ${support.minVersion} or later`,
      related: [{ pointer: `${database.pointer}/engineVersion`, message: l10n.t`Version ${version}` }],
    };
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'rds/multi-az-cluster-engine',
    description: 'A Multi-AZ DB cluster (`multiAz: { mode: cluster }`) on an engine other than RDS for MySQL 8.0+ or RDS for PostgreSQL.',
    severity: 'error',
    fixable: true,
    anchors: [],
  },
  check({ model, report }) {
    for (const database of model.databases) {
      if (database.service !== 'rds') continue;
      const deployments: { owner: string; multiAz: MultiAzDeployment }[] = [
        { owner: database.name, multiAz: database.multiAz },
        ...database.allReplicas.map((replica) => ({ owner: l10n.t`The read replica ${replica.name}`, multiAz: replica.multiAz })),
      ];
      const clusters = deployments.filter(({ multiAz }) => multiAz.enabled && multiAz.mode === 'cluster');
      if (clusters.length === 0) continue;
      const problem = unsupported(database);
      if (!problem) continue;
      for (const { owner, multiAz } of clusters) {
        const pointer = `${multiAz.pointer}/mode`;
        report({
          pointer,
          part: 'value',
          message:
            l10n.t('{owner} asks for a Multi-AZ DB cluster (`mode: cluster`: a writer and two readable standbys), but {why}.', { owner, why: problem.why }) +
            ' ' +
            l10n.t('Use a Multi-AZ DB instance deployment (`mode: instance`: one standby that serves no reads), or move to an engine and version that has clusters.'),
          related: problem.related,
          fix: { kind: 'replace', title: l10n.t('Use a Multi-AZ DB instance deployment (`mode: instance`)'), pointer, value: 'instance' },
        });
      }
    }
  },
});
