// rds/storage-range: allocated storage outside the range of its storage type for the engine, or a type the engine lacks.
import {
  RDS_ADDITIONAL_STORAGE_VOLUMES,
  RDS_FAMILY_NAMES,
  RDS_MAX_STORAGE_GIB,
  RDS_STORAGE_SIZE_GIB,
  RDS_STORAGE_TYPES_UNAVAILABLE,
  type RdsStorageType,
} from '../../facts';
import { formatNumber, rdsInstances, storagePointer, writes, type RdsInstance } from '../helpers/rds-storage';
import { defineRule, type Report } from '../rule';

const ALL_TYPES = Object.keys(RDS_STORAGE_SIZE_GIB.value) as RdsStorageType[];

/** The types an instance's engine offers. */
function offeredTypes(instance: RdsInstance): RdsStorageType[] {
  const missing = (instance.family && RDS_STORAGE_TYPES_UNAVAILABLE.value[instance.family]) || [];
  return ALL_TYPES.filter((type) => !missing.includes(type));
}

/** The size range of the written type, or (no type written) the widest range any offered type allows. */
function sizeRange(instance: RdsInstance): { min: number; max: number; what: string } {
  const type = instance.storage.type;
  if (type) return { ...RDS_STORAGE_SIZE_GIB.value[type], what: `${type} storage` };
  const ranges = offeredTypes(instance).map((offered) => RDS_STORAGE_SIZE_GIB.value[offered]);
  return { min: Math.min(...ranges.map((range) => range.min)), max: Math.max(...ranges.map((range) => range.max)), what: 'any storage type' };
}

function engineName(instance: RdsInstance): string {
  return instance.family ? RDS_FAMILY_NAMES[instance.family] : 'RDS';
}

function checkType(instance: RdsInstance): Report | undefined {
  const type = instance.storage.type;
  if (!type || !writes(instance, 'type') || offeredTypes(instance).includes(type)) return undefined;
  const pointer = storagePointer(instance, 'type');
  return {
    pointer,
    part: 'value',
    message: `${engineName(instance)} has no ${type} storage, so ${instance.name} cannot use it: choose one of ${offeredTypes(instance).map((offered) => `\`${offered}\``).join(', ')} (gp3 is the usual choice).`,
    fix: { kind: 'replace', title: 'Use gp3 storage (`type: gp3`)', pointer, value: 'gp3' },
  };
}

function checkSize(instance: RdsInstance): Report | undefined {
  const size = instance.storage.sizeGiB;
  if (size === undefined || !writes(instance, 'sizeGiB')) return undefined;
  const range = sizeRange(instance);
  const pointer = storagePointer(instance, 'sizeGiB');
  const limits = `${engineName(instance)} allows ${formatNumber(range.min)}-${formatNumber(range.max)} GiB with ${range.what}`;
  if (size < range.min) {
    return {
      pointer,
      part: 'value',
      message: `${instance.name} allocates ${formatNumber(size)} GiB; ${limits}. Allocate at least ${formatNumber(range.min)} GiB.`,
      fix: { kind: 'replace', title: `Allocate ${formatNumber(range.min)} GiB (\`sizeGiB: ${range.min}\`)`, pointer, value: range.min },
    };
  }
  if (size <= range.max) return undefined;
  const max = RDS_MAX_STORAGE_GIB.value;
  const volumes = RDS_ADDITIONAL_STORAGE_VOLUMES.value;
  const extendable = instance.family !== undefined && max.additionalVolumeEngines.includes(instance.family) && range.max === max.primaryVolume;
  if (extendable && size <= max.withAdditionalVolumes) {
    // The documented exception: Oracle and SQL Server reach 256 TiB by adding volumes beside the 64 TiB primary one.
    return {
      pointer,
      part: 'value',
      severity: 'info',
      message:
        `${instance.name} allocates ${formatNumber(size)} GiB, more than one storage volume holds (${formatNumber(max.primaryVolume)} GiB, 64 TiB). ` +
        `${engineName(instance)} goes beyond that, up to ${formatNumber(max.withAdditionalVolumes)} GiB (256 TiB), only with up to ${volumes.count} additional storage volumes ` +
        `beside the primary one (${volumes.types.join(' or ')}, ${formatNumber(volumes.minGiB)}-${formatNumber(volumes.maxGiB)} GiB each). The format has no field for them yet: ` +
        `read this size as the total over all volumes and plan them, or keep \`sizeGiB\` at ${formatNumber(max.primaryVolume)} or less.`,
    };
  }
  const ceiling = extendable ? max.withAdditionalVolumes : range.max;
  return {
    pointer,
    part: 'value',
    message: extendable
      ? `${instance.name} allocates ${formatNumber(size)} GiB; ${engineName(instance)} holds at most ${formatNumber(ceiling)} GiB (256 TiB) per DB instance, ` +
        `and that only with additional storage volumes beside the ${formatNumber(max.primaryVolume)} GiB primary one. Split the data over more than one instance.`
      : `${instance.name} allocates ${formatNumber(size)} GiB; ${limits}. Allocate at most ${formatNumber(range.max)} GiB` +
        (instance.storage.type === 'magnetic' ? `, or move to gp3, which holds up to ${formatNumber(RDS_STORAGE_SIZE_GIB.value.gp3.max)} GiB.` : '.'),
    fix: extendable ? undefined : { kind: 'replace', title: `Allocate ${formatNumber(range.max)} GiB (\`sizeGiB: ${range.max}\`)`, pointer, value: range.max },
  };
}

export default defineRule({
  meta: {
    id: 'rds/storage-range',
    description: "An RDS instance's allocated storage is outside its storage type's range for the engine, or the engine lacks the storage type.",
    severity: 'error',
    fixable: true,
    anchors: ['cfn-lint', 'tflint'],
  },
  check({ model, report }) {
    for (const instance of rdsInstances(model)) {
      const type = checkType(instance);
      if (type) {
        report(type);
        continue;
      }
      const size = checkSize(instance);
      if (size) report(size);
    }
  },
});
