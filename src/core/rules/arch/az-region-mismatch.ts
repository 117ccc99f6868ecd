// arch/az-region-mismatch: an Availability Zone that is not in the Region its resource runs in.
import { fromPointer } from '../../document/source';
import { AWS_REGIONS, regionOfAz } from '../../facts';
import type { Placement } from '../../model/model';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';

/**
 * Who the AZ belongs to, in words, and whether that resource could move to the AZ's Region with a
 * `region` key of its own. A database and a read replica can; a Multi-AZ standby (in the Region of its
 * primary), a cluster instance and DAX nodes (in the Region of their database) cannot, so for them
 * only the AZ can change.
 */
function describePlacement(placement: Placement): { subject: string; home: string; ownRegion: boolean } {
  const path = fromPointer(placement.pointer).map(String);
  const database = path[0] === 'databases' ? path[1] : placement.owner;
  const tail = path.slice(2).join('/');
  if (/(^|\/)multiAz\/standbyAz$/.test(tail)) return { subject: l10n.t`the Multi-AZ standby of ${placement.owner}`, home: placement.owner, ownRegion: false };
  if (/^dax\/azs\/\d+$/.test(tail)) return { subject: l10n.t`the DAX cluster of ${database}`, home: database, ownRegion: false };
  if (/^instances\/\d+\/az$/.test(tail)) return { subject: l10n.t`the instance ${placement.owner} of ${database}`, home: database, ownRegion: false };
  return { subject: placement.owner, home: placement.owner, ownRegion: true };
}

export default defineRule({
  meta: {
    id: 'arch/az-region-mismatch',
    description: 'An Availability Zone is not in its resource\'s Region (`us-east-1a` under `ap-northeast-2`).',
    severity: 'error',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    for (const placement of model.placements) {
      const azRegion = regionOfAz(placement.az);
      if (!azRegion || !placement.region || azRegion === placement.region) continue;
      // A Region AWS does not have is arch/unknown-region's finding; comparing AZs to it says nothing more.
      if (!(AWS_REGIONS.value as readonly string[]).includes(placement.region)) continue;
      const { subject, home, ownRegion } = describePlacement(placement);
      const remedy = ownRegion
        ? l10n.t('Use an AZ of {region} (such as `{region}a`), or set `region: {azRegion}` on {owner}.', { region: placement.region, azRegion, owner: placement.owner })
        : l10n.t('Use an AZ of {region} (such as `{region}a`): it always runs in the Region of {home}.', { region: placement.region, home });
      report({
        pointer: placement.pointer,
        part: 'value',
        message: l10n.t('`{az}` is an Availability Zone of {azRegion}, but {subject} runs in {region}.', { az: placement.az, azRegion, subject, region: placement.region }) + ' ' + remedy,
        related: placement.regionPointer ? [{ pointer: placement.regionPointer, part: 'value', message: l10n.t`The Region ${placement.region} is set here` }] : undefined,
      });
    }
  },
});
