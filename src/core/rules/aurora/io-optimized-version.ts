// aurora/io-optimized-version: I/O-Optimized storage on an engine version that does not offer it.
import { AURORA_IO_OPTIMIZED_MIN_VERSIONS } from '../../facts';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';
import { auroraClusters, engineName, ioOptimizedSupport } from '../helpers/aurora';

export default defineRule({
  meta: {
    id: 'aurora/io-optimized-version',
    description: 'An Aurora cluster uses I/O-Optimized storage on an engine version that does not support it.',
    severity: 'error',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    for (const cluster of auroraClusters(model.databases)) {
      // Without an engineVersion AWS picks the current default version, which has I/O-Optimized.
      if (cluster.storageType !== 'io-optimized' || !cluster.engineVersion) continue;
      const support = ioOptimizedSupport(cluster);
      if (!support || support.supported) continue;
      const minimums = Object.values(AURORA_IO_OPTIMIZED_MIN_VERSIONS.value[cluster.engine]).map((version) => `${version}+`).join(', ');
      const engine = engineName(cluster);
      const why = support.minimum
        ? l10n.t`on the ${engine} ${support.line} line it starts at ${support.minimum}`
        : l10n.t`${engine} ${support.line} never had it`;
      report({
        pointer: `${cluster.pointer}/engineVersion`,
        part: 'value',
        message:
          l10n.t('{name} uses Aurora I/O-Optimized storage (`storageType: io-optimized`), but engine version {version} does not offer it: {why} ({engine} {minimums}).', {
            name: cluster.name,
            version: cluster.engineVersion,
            why,
            engine,
            minimums,
          }) +
          ' ' +
          (support.minimum
            ? l10n.t`Upgrade to ${support.minimum} or later, or use \`storageType: standard\` on this version.`
            : l10n.t`Upgrade to one of those versions, or use \`storageType: standard\` on this version.`),
        related: [{ pointer: `${cluster.pointer}/storageType`, message: l10n.t('I/O-Optimized storage is chosen here') }],
      });
    }
  },
});
