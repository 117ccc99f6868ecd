// rds/storage-autoscaling: a storage autoscaling ceiling RDS would reject.
import { RDS_MAGNETIC_STORAGE, RDS_STORAGE_AUTOSCALING } from '../../facts';
import * as l10n from '../../l10n';
import { formatNumber, rdsInstances, storagePointer, writes } from '../helpers/rds-storage';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'rds/storage-autoscaling',
    description: `An RDS instance's storage autoscaling ceiling (\`maxSizeGiB\`) is less than ${RDS_STORAGE_AUTOSCALING.value.minHeadroomPercent}% above its storage, or set on magnetic storage.`,
    severity: 'error',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    const autoscaling = RDS_STORAGE_AUTOSCALING.value;
    for (const instance of rdsInstances(model)) {
      const { type, sizeGiB: size, maxSizeGiB: max } = instance.storage;
      if (max === undefined || !writes(instance, 'maxSizeGiB')) continue;
      const pointer = storagePointer(instance, 'maxSizeGiB');
      if (type === 'magnetic' && !RDS_MAGNETIC_STORAGE.value.autoscaling) {
        report({
          pointer,
          part: 'value',
          message:
            l10n.t('{instance} sets `maxSizeGiB` on magnetic storage, which has no storage autoscaling.', { instance: instance.name }) +
            ' ' +
            l10n.t('Move to gp3 (rds/magnetic-storage), or remove `maxSizeGiB`.'),
        });
        continue;
      }
      if (size === undefined) continue;
      // Integer arithmetic: "at least 10% above" without floating-point rounding (110 for 100 passes).
      if (max * 100 >= size * (100 + autoscaling.minHeadroomPercent)) continue;
      const least = Math.ceil((size * (100 + autoscaling.minHeadroomPercent)) / 100);
      const recommended = Math.ceil((size * (100 + autoscaling.recommendedHeadroomPercent)) / 100);
      const headroom = formatNumber(Math.floor(((max - size) / size) * 1000) / 10);
      report({
        pointer,
        part: 'value',
        message:
          (max <= size
            ? l10n.t`${instance.name} lets storage autoscaling grow to ${formatNumber(max)} GiB, no more than the ${formatNumber(size)} GiB it already has; RDS needs the ceiling at least ${autoscaling.minHeadroomPercent}% above the allocated storage (${formatNumber(least)} GiB here), and AWS recommends ${autoscaling.recommendedHeadroomPercent}% or more (${formatNumber(recommended)} GiB).`
            : l10n.t`${instance.name} lets storage autoscaling grow to ${formatNumber(max)} GiB, only ${headroom}% above its ${formatNumber(size)} GiB; RDS needs the ceiling at least ${autoscaling.minHeadroomPercent}% above the allocated storage (${formatNumber(least)} GiB here), and AWS recommends ${autoscaling.recommendedHeadroomPercent}% or more (${formatNumber(recommended)} GiB).`) +
          ' ' +
          l10n.t('Raise `maxSizeGiB`, or remove it to turn autoscaling off.'),
      });
    }
  },
});
