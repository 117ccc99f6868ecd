// aurora/global-database: more secondary Regions than a global database allows, or a secondary in
// the primary cluster's own Region.
import { AURORA_GLOBAL_DATABASE_MAX_SECONDARY_REGIONS } from '../../facts';
import * as l10n from '../../l10n';
import { regionOfEntry } from '../../model/model';
import { defineRule } from '../rule';
import { auroraClusters } from '../helpers/aurora';

export default defineRule({
  meta: {
    id: 'aurora/global-database',
    description: 'An Aurora global database has more than 10 secondary Regions, or a secondary in the primary Region.',
    severity: 'error',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    const limit = AURORA_GLOBAL_DATABASE_MAX_SECONDARY_REGIONS.value;
    for (const cluster of auroraClusters(model.databases)) {
      const secondaries = cluster.globalDatabase?.secondaryRegions;
      if (!Array.isArray(secondaries)) continue;
      const listPointer = `${cluster.pointer}/globalDatabase/secondaryRegions`;
      if (secondaries.length > limit) {
        report({
          pointer: listPointer,
          part: 'key',
          message:
            l10n.t`The global database of ${cluster.name} lists ${secondaries.length} secondary Regions; Aurora allows at most ${limit} secondary clusters, each in its own Region.` +
            ' ' +
            l10n.t`Remove ${secondaries.length - limit}, or serve the remaining Regions from the nearest secondary.`,
          related: [{ pointer: `${listPointer}/${limit}`, message: l10n.t`Secondary ${limit + 1}: over the limit of ${limit}` }],
        });
      }
      const region = cluster.region;
      if (!region) continue;
      secondaries.forEach((item, index) => {
        if (regionOfEntry(item) !== region) return;
        const pointer = typeof item === 'string' ? `${listPointer}/${index}` : `${listPointer}/${index}/region`;
        report({
          pointer,
          part: 'value',
          message:
            l10n.t`${region} is the Region of ${cluster.name} itself, where the primary cluster runs: every cluster of a global database must be in a different Region, so a secondary cannot share the primary's.` +
            ' ' +
            l10n.t`Remove it from \`secondaryRegions\`; for more copies in ${region}, add readers in other AZs to ${cluster.name}.`,
          // A cluster without its own `region` takes the file's.
          related: [{ pointer: region === model.region ? '/region' : `${cluster.pointer}/region`, message: l10n.t`The primary Region of ${cluster.name}` }],
        });
      });
    }
  },
});
