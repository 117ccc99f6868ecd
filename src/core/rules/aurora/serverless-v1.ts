// aurora/serverless-v1: a cluster designed on Aurora Serverless v1, which has reached end of life.
import { AURORA_SERVERLESS_V1_END_OF_LIFE } from '../../facts';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';
import { auroraClusters } from '../helpers/aurora';

export default defineRule({
  meta: {
    id: 'aurora/serverless-v1',
    description: 'An Aurora cluster uses Aurora Serverless v1, which reached end of life on 2025-03-31.',
    severity: 'error',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    const { endOfLife, noNewClusters } = AURORA_SERVERLESS_V1_END_OF_LIFE.value;
    for (const cluster of auroraClusters(model.databases)) {
      if (cluster.serverless?.version !== 1) continue;
      report({
        pointer: `${cluster.pointer}/serverless/version`,
        part: 'value',
        message:
          l10n.t('{name} uses Aurora Serverless v1 (`serverless.version: 1`), which reached end of life on {endOfLife}: AWS stopped creating v1 clusters on {noNewClusters} and moved the remaining ones to Serverless v2 (or to provisioned instances) during maintenance.', { name: cluster.name, endOfLife, noNewClusters }) +
          ' ' +
          l10n.t`Design for Serverless v2 instead: \`version: 2\` with a \`minAcu\`/\`maxAcu\` range and \`db.serverless\` instances (a writer, and readers for failover).`,
      });
    }
  },
});
