// aurora/custom-endpoints: more custom endpoints than an Aurora cluster can have.
import { AURORA_MAX_CUSTOM_ENDPOINTS } from '../../facts';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';
import { auroraClusters } from '../helpers/aurora';

export default defineRule({
  meta: {
    id: 'aurora/custom-endpoints',
    description: 'An Aurora cluster has more than 5 custom endpoints.',
    severity: 'error',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    const limit = AURORA_MAX_CUSTOM_ENDPOINTS.value;
    for (const cluster of auroraClusters(model.databases)) {
      const names = Object.keys(cluster.customEndpoints ?? {});
      if (names.length <= limit) continue;
      const pointer = `${cluster.pointer}/customEndpoints`;
      report({
        pointer,
        part: 'key',
        message:
          l10n.t`${cluster.name} has ${names.length} custom endpoints; an Aurora cluster can have at most ${limit}.` +
          ' ' +
          l10n.t`Merge endpoints that serve the same instances (one endpoint can front several applications), or route the rest through the built-in reader endpoint.`,
        related: [{ pointer: `${pointer}/${names[limit]}`, part: 'key', message: l10n.t`Endpoint ${limit + 1}: over the limit of ${limit}` }],
      });
    }
  },
});
