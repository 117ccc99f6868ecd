// rds/storage-range: allocated storage outside the range of its storage type for the engine, or a type the engine lacks.
import {
  RDS_ADDITIONAL_STORAGE_VOLUMES,
  RDS_FAMILY_NAMES,
  RDS_MAX_STORAGE_GIB,
  RDS_STORAGE_SIZE_GIB,
  RDS_STORAGE_TYPES_UNAVAILABLE,
  type RdsStorageType,
} from '../../facts';
import * as l10n from '../../l10n';
import { formatNumber, rdsInstances, storagePointer, writes, type RdsInstance } from '../helpers/rds-storage';
import { defineRule, type Report } from '../rule';

const ALL_TYPES = Object.keys(RDS_STORAGE_SIZE_GIB.value) as RdsStorageType[];

/** The types an instance's engine offers. */
function offeredTypes(instance: RdsInstance): RdsStorageType[] {
  const missing = (instance.family && RDS_STORAGE_TYPES_UNAVAILABLE.value[instance.family]) || [];
  return ALL_TYPES.filter((type) => !missing.includes(type));
}

/** The size range of the written type, or (no type written) the widest range any offered type allows. */
function sizeRange(instance: RdsInstance): { min: number; max: number } {
  const type = instance.storage.type;
  if (type) return { ...RDS_STORAGE_SIZE_GIB.value[type] };
  const ranges = offeredTypes(instance).map((offered) => RDS_STORAGE_SIZE_GIB.value[offered]);
  return { min: Math.min(...ranges.map((range) => range.min)), max: Math.max(...ranges.map((range) => range.max)) };
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
    message: l10n.t`${engineName(instance)} has no ${type} storage, so ${instance.name} cannot use it: choose one of ${offeredTypes(instance).map((offered) => `\`${offered}\``).join(', ')} (gp3 is the usual choice).`,
    fix: { kind: 'replace', title: l10n.t('Use gp3 storage (`type: gp3`)'), pointer, value: 'gp3' },
  };
}

function checkSize(instance: RdsInstance): Report | undefined {
  const size = instance.storage.sizeGiB;
  if (size === undefined || !writes(instance, 'sizeGiB')) return undefined;
  const range = sizeRange(instance);
  const pointer = storagePointer(instance, 'sizeGiB');
  const engine = engineName(instance);
  const [min, max] = [formatNumber(range.min), formatNumber(range.max)];
  const type = instance.storage.type;
  const limits = type ? l10n.t`${engine} allows ${min}-${max} GiB with ${type} storage` : l10n.t`${engine} allows ${min}-${max} GiB with any storage type`;
  if (size < range.min) {
    return {
      pointer,
      part: 'value',
      message: l10n.t`${instance.name} allocates ${formatNumber(size)} GiB; ${limits}.` + ' ' + l10n.t`Allocate at least ${min} GiB.`,
      fix: { kind: 'replace', title: l10n.t('Allocate {size} GiB (`sizeGiB: {value}`)', { size: min, value: range.min }), pointer, value: range.min },
    };
  }
  if (size <= range.max) return undefined;
  const maximum = RDS_MAX_STORAGE_GIB.value;
  const volumes = RDS_ADDITIONAL_STORAGE_VOLUMES.value;
  const extendable = instance.family !== undefined && maximum.additionalVolumeEngines.includes(instance.family) && range.max === maximum.primaryVolume;
  if (extendable && size <= maximum.withAdditionalVolumes) {
    // The documented exception: Oracle and SQL Server reach 256 TiB by adding volumes beside the 64 TiB primary one.
    const volumeTypes = volumes.types.slice(1).reduce<string>((list, volumeType) => l10n.t`${list} or ${volumeType}`, volumes.types[0] ?? '');
    return {
      pointer,
      part: 'value',
      severity: 'info',
      message:
        l10n.t`${instance.name} allocates ${formatNumber(size)} GiB, more than one storage volume holds (${formatNumber(maximum.primaryVolume)} GiB, 64 TiB).` +
        ' ' +
        l10n.t`${engine} goes beyond that, up to ${formatNumber(maximum.withAdditionalVolumes)} GiB (256 TiB), only with up to ${volumes.count} additional storage volumes beside the primary one (${volumeTypes}, ${formatNumber(volumes.minGiB)}-${formatNumber(volumes.maxGiB)} GiB each).` +
        ' ' +
        l10n.t('The format has no field for them yet: read this size as the total over all volumes and plan them, or keep `sizeGiB` at {primaryVolume} or less.', { primaryVolume: formatNumber(maximum.primaryVolume) }),
    };
  }
  return {
    pointer,
    part: 'value',
    message: extendable
      ? l10n.t`${instance.name} allocates ${formatNumber(size)} GiB; ${engine} holds at most ${formatNumber(maximum.withAdditionalVolumes)} GiB (256 TiB) per DB instance, and that only with additional storage volumes beside the ${formatNumber(maximum.primaryVolume)} GiB primary one.` +
        ' ' +
        l10n.t('Split the data over more than one instance.')
      : l10n.t`${instance.name} allocates ${formatNumber(size)} GiB; ${limits}.` +
        ' ' +
        (type === 'magnetic' ? l10n.t`Allocate at most ${max} GiB, or move to gp3, which holds up to ${formatNumber(RDS_STORAGE_SIZE_GIB.value.gp3.max)} GiB.` : l10n.t`Allocate at most ${max} GiB.`),
    fix: extendable ? undefined : { kind: 'replace', title: l10n.t('Allocate {size} GiB (`sizeGiB: {value}`)', { size: max, value: range.max }), pointer, value: range.max },
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
