// rds/storage-iops: IOPS or throughput that the storage type cannot have.
import {
  RDS_FAMILY_NAMES,
  RDS_GP2_PERFORMANCE,
  RDS_GP3_PERFORMANCE,
  RDS_IO1_IOPS_PER_GIB,
  RDS_IO2_IOPS,
  RDS_STORAGE_IOPS_TYPES,
  RDS_STORAGE_THROUGHPUT_TYPES,
} from '../../facts';
import * as l10n from '../../l10n';
import { formatNumber, gp3Baseline, rdsInstances, storagePointer, writes, type RdsInstance } from '../helpers/rds-storage';
import { defineRule, type Report } from '../rule';

function gp3Findings(instance: RdsInstance): Report[] {
  const gp3 = RDS_GP3_PERFORMANCE.value;
  const { iops, throughputMiBps: throughput, sizeGiB: size } = instance.storage;
  const baseline = gp3Baseline(instance.family, size);
  const findings: Report[] = [];
  if (iops !== undefined && writes(instance, 'iops')) {
    const pointer = storagePointer(instance, 'iops');
    if (iops > gp3.maxIops) {
      findings.push({
        pointer,
        part: 'value',
        message: l10n.t`${instance.name} asks for ${formatNumber(iops)} IOPS; gp3 provides at most ${formatNumber(gp3.maxIops)}.` + ' ' + l10n.t('Lower `iops`, or use io2 storage for more.'),
      });
    } else if (iops < baseline.iops) {
      findings.push({
        pointer,
        part: 'value',
        message:
          (size === undefined
            ? l10n.t`${instance.name} sets gp3 IOPS to ${formatNumber(iops)}, below the ${formatNumber(baseline.iops)} IOPS gp3 always gives (${baseline.note}); RDS does not accept a value under the baseline.`
            : l10n.t`${instance.name} sets gp3 IOPS to ${formatNumber(iops)}, below the ${formatNumber(baseline.iops)} IOPS gp3 always gives at ${formatNumber(size)} GiB (${baseline.note}); RDS does not accept a value under the baseline.`) +
          ' ' +
          l10n.t('Set `iops: {baseline}` or leave it out.', { baseline: baseline.iops }),
        fix: { kind: 'replace', title: l10n.t('Use the gp3 baseline (`iops: {baseline}`)', { baseline: baseline.iops }), pointer, value: baseline.iops },
      });
    }
  }
  if (throughput !== undefined && writes(instance, 'throughputMiBps')) {
    const pointer = storagePointer(instance, 'throughputMiBps');
    if (throughput > gp3.maxThroughputMiBps) {
      findings.push({
        pointer,
        part: 'value',
        message: l10n.t`${instance.name} asks for ${formatNumber(throughput)} MiB/s; gp3 provides at most ${formatNumber(gp3.maxThroughputMiBps)} MiB/s.` + ' ' + l10n.t('Lower `throughputMiBps`.'),
      });
    } else if (throughput < baseline.throughputMiBps) {
      findings.push({
        pointer,
        part: 'value',
        message:
          (size === undefined
            ? l10n.t`${instance.name} sets gp3 throughput to ${formatNumber(throughput)} MiB/s, below the ${formatNumber(baseline.throughputMiBps)} MiB/s gp3 always gives (${baseline.note}); RDS does not accept a value under the baseline.`
            : l10n.t`${instance.name} sets gp3 throughput to ${formatNumber(throughput)} MiB/s, below the ${formatNumber(baseline.throughputMiBps)} MiB/s gp3 always gives at ${formatNumber(size)} GiB (${baseline.note}); RDS does not accept a value under the baseline.`) +
          ' ' +
          l10n.t('Set `throughputMiBps: {baseline}` or leave it out.', { baseline: baseline.throughputMiBps }),
        fix: { kind: 'replace', title: l10n.t('Use the gp3 baseline (`throughputMiBps: {baseline}`)', { baseline: baseline.throughputMiBps }), pointer, value: baseline.throughputMiBps },
      });
    }
  }
  return findings;
}

function provisionedIopsFindings(instance: RdsInstance): Report[] {
  const { type, iops, sizeGiB: size } = instance.storage;
  if (iops === undefined || !writes(instance, 'iops')) return [];
  const pointer = storagePointer(instance, 'iops');
  const findings: Report[] = [];
  if (type === 'io1' && size !== undefined && size > 0) {
    const ratio = (instance.family && RDS_IO1_IOPS_PER_GIB.value[instance.family]) || RDS_IO1_IOPS_PER_GIB.value.default;
    const engine = instance.family ? RDS_FAMILY_NAMES[instance.family] : 'RDS';
    const low = Math.ceil(ratio.min * size);
    const high = Math.floor(ratio.max * size);
    if (iops < low || iops > high) {
      findings.push({
        pointer,
        part: 'value',
        message:
          l10n.t`${instance.name} provisions ${formatNumber(iops)} IOPS on ${formatNumber(size)} GiB of io1 (${formatNumber(iops / size)} per GiB); ${engine} allows ${formatNumber(ratio.min)}-${formatNumber(ratio.max)} IOPS per GiB, that is ${formatNumber(low)}-${formatNumber(high)} IOPS at this size.` +
          ' ' +
          (iops > high ? l10n.t('Lower `iops`, add storage, or use io2 (up to {maxIopsPerGiB} IOPS per GiB).', { maxIopsPerGiB: formatNumber(RDS_IO2_IOPS.value.maxIopsPerGiB) }) : l10n.t('Raise `iops` or lower `sizeGiB`.')),
      });
    }
  }
  if (type === 'io2') {
    const io2 = RDS_IO2_IOPS.value;
    if (iops > io2.maxIops) {
      findings.push({
        pointer,
        part: 'value',
        message: l10n.t`${instance.name} provisions ${formatNumber(iops)} IOPS; io2 Block Express provides at most ${formatNumber(io2.maxIops)} IOPS per DB instance.` + ' ' + l10n.t('Lower `iops`.'),
      });
    } else if (size !== undefined && size > 0 && iops > io2.maxIopsPerGiB * size) {
      findings.push({
        pointer,
        part: 'value',
        message:
          l10n.t`${instance.name} provisions ${formatNumber(iops)} IOPS on ${formatNumber(size)} GiB of io2 (${formatNumber(iops / size)} per GiB); io2 allows at most ${formatNumber(io2.maxIopsPerGiB)} IOPS per GiB, that is ${formatNumber(io2.maxIopsPerGiB * size)} IOPS at this size.` +
          ' ' +
          l10n.t('Lower `iops` or add storage.'),
      });
    }
  }
  return findings;
}

function unsettableFindings(instance: RdsInstance): Report[] {
  const type = instance.storage.type;
  if (!type) return [];
  const findings: Report[] = [];
  if (instance.storage.iops !== undefined && writes(instance, 'iops') && !RDS_STORAGE_IOPS_TYPES.value.includes(type)) {
    const gp2 = RDS_GP2_PERFORMANCE.value;
    const size = instance.storage.sizeGiB;
    const why =
      type !== 'gp2'
        ? l10n.t('magnetic storage has no provisioned IOPS')
        : size === undefined
          ? l10n.t`gp2 performance follows the size: ${gp2.iopsPerGiB} IOPS per GiB, bursting to ${formatNumber(gp2.burstIops)}`
          : l10n.t`gp2 performance follows the size: ${gp2.iopsPerGiB} IOPS per GiB (${formatNumber(Math.min(gp2.maxIops, Math.max(gp2.minIops, gp2.iopsPerGiB * size)))} at ${formatNumber(size)} GiB), bursting to ${formatNumber(gp2.burstIops)}`;
    findings.push({
      pointer: storagePointer(instance, 'iops'),
      part: 'value',
      message: l10n.t('{instance} sets `iops` on {type} storage, which has none to set: {why}.', { instance: instance.name, type, why }) + ' ' + l10n.t('Remove `iops`, or use gp3, io1 or io2 to choose IOPS.'),
    });
  }
  if (instance.storage.throughputMiBps !== undefined && writes(instance, 'throughputMiBps') && !RDS_STORAGE_THROUGHPUT_TYPES.value.includes(type)) {
    findings.push({
      pointer: storagePointer(instance, 'throughputMiBps'),
      part: 'value',
      message: l10n.t('{instance} sets `throughputMiBps` on {type} storage; RDS lets you choose throughput on gp3 only.', { instance: instance.name, type }) + ' ' + l10n.t('Remove it, or use gp3.'),
    });
  }
  return findings;
}

export default defineRule({
  meta: {
    id: 'rds/storage-iops',
    description: "An RDS instance's IOPS or throughput is outside what its storage type allows (or the type has none to set).",
    severity: 'error',
    fixable: true,
    anchors: ['cfn-lint'],
  },
  check({ model, report }) {
    for (const instance of rdsInstances(model)) {
      const findings = [...unsettableFindings(instance), ...(instance.storage.type === 'gp3' ? gp3Findings(instance) : []), ...provisionedIopsFindings(instance)];
      for (const finding of findings) report(finding);
    }
  },
});
