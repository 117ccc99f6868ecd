// rds/magnetic-storage: a DB instance on deprecated magnetic storage.
import { RDS_GP3_PERFORMANCE, RDS_MAGNETIC_STORAGE, RDS_STORAGE_SIZE_GIB, RDS_STORAGE_TYPES_UNAVAILABLE } from '../../facts';
import { formatNumber, rdsInstances, storagePointer, writes } from '../helpers/rds-storage';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'rds/magnetic-storage',
    description: 'An RDS instance uses magnetic storage, which is deprecated.',
    severity: 'warning',
    fixable: true,
    anchors: [],
  },
  check({ model, report }) {
    const magnetic = RDS_MAGNETIC_STORAGE.value;
    const gp3 = RDS_GP3_PERFORMANCE.value.small;
    const gp3Min = RDS_STORAGE_SIZE_GIB.value.gp3.min;
    for (const instance of rdsInstances(model)) {
      if (instance.storage.type !== 'magnetic' || !writes(instance, 'type')) continue;
      // An engine without magnetic storage at all (Db2) is rds/storage-range's error.
      if (instance.family && RDS_STORAGE_TYPES_UNAVAILABLE.value[instance.family]?.includes('magnetic')) continue;
      const pointer = storagePointer(instance, 'type');
      const size = instance.storage.sizeGiB;
      const tooSmall = size !== undefined && size < gp3Min;
      report({
        pointer,
        part: 'value',
        message:
          `${instance.name} uses magnetic storage: legacy, at most ${formatNumber(magnetic.maxGiB)} GiB, no storage autoscaling, and deprecated, with ` +
          `migration to ${magnetic.migrationTo} from ${magnetic.migrationFrom}. Use \`type: ${magnetic.migrationTo}\`: at least ${formatNumber(gp3.iops)} IOPS and ` +
          `${formatNumber(gp3.throughputMiBps)} MiB/s at any size` +
          (tooSmall ? `; gp3 needs at least ${formatNumber(gp3Min)} GiB, so raise \`sizeGiB\` from ${formatNumber(size)} as well.` : '.'),
        fix: tooSmall ? undefined : { kind: 'replace', title: `Use ${magnetic.migrationTo} storage (\`type: ${magnetic.migrationTo}\`)`, pointer, value: magnetic.migrationTo },
      });
    }
  },
});
