// advice/cross-region-transfer: copies of data in other Regions are paid for by the gigabyte moved.
import { AWS_REGIONS } from '../../facts';
import * as l10n from '../../l10n';
import { regionOfEntry } from '../../model/model';
import { andList } from '../../text';
import { defineRule } from '../rule';

/**
 * A Region code AWS does not have (a typo such as `ap-northeast-4`) is arch/unknown-region's finding:
 * there is no transfer to cost until it names a real Region.
 */
const knownRegions: ReadonlySet<string> = new Set(AWS_REGIONS.value);

export default defineRule({
  meta: {
    id: 'advice/cross-region-transfer',
    description: 'A cross-Region read replica, DynamoDB global table or Aurora global database pays for data transfer between Regions.',
    severity: 'info',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    for (const database of model.databases) {
      if (database.service === 'rds') {
        for (const replica of database.allReplicas) {
          if (!replica.crossRegion || !knownRegions.has(replica.region ?? '') || !knownRegions.has(replica.source.region ?? '')) continue;
          report({
            pointer: replica.region !== undefined ? `${replica.pointer}/region` : replica.pointer,
            part: 'value',
            message:
              l10n.t`${replica.name} replicates ${replica.source.name} from ${replica.source.region ?? ''} to ${replica.region ?? ''}: every change crosses Regions and is billed as inter-Region data transfer, on top of the replica's own instance and storage.` +
              ' ' +
              l10n.t`Worth it for disaster recovery or local reads there; budget for the write volume of ${database.name}.`,
          });
        }
      }
      if (database.service === 'aurora') {
        const regions = otherRegions(database.globalDatabase?.secondaryRegions, database.region);
        if (regions.length) {
          report({
            pointer: `${database.pointer}/globalDatabase/secondaryRegions`,
            part: 'key',
            message:
              l10n.t`${database.name} is a global database with secondaries in ${andList(regions)}: Aurora copies every write to each secondary Region, and that replication is billed (replicated write I/O and inter-Region data transfer) on top of each secondary cluster's instances and storage.` +
              ' ' +
              l10n.t`Keep only the Regions you need for recovery or local reads.`,
          });
        }
      }
      if (database.service === 'dynamodb' && database.globalTable) {
        const regions = otherRegions(database.globalTable.replicaRegions, database.region);
        if (regions.length) {
          report({
            pointer: `${database.pointer}/globalTable/replicaRegions`,
            part: 'key',
            message:
              l10n.t`${database.name} is a global table with replicas in ${andList(regions)}: each write is applied again in every replica Region as a replicated write (charged like a write there) and its data crosses Regions as billed data transfer, and each replica stores its own copy.` +
              ' ' +
              l10n.t`Write-heavy tables multiply their write bill by the number of Regions.`,
          });
        }
      }
    }
  },
});

/** The distinct AWS Regions of a list other than the database's own (those mistakes, and unknown codes, are other rules'). */
function otherRegions(list: readonly unknown[] | undefined, own: string | undefined): string[] {
  const regions = (Array.isArray(list) ? list : []).map(regionOfEntry).filter((region): region is string => region !== undefined && region !== own && knownRegions.has(region));
  return [...new Set(regions)];
}
