// dynamodb/dax-strong-reads: DAX in front of a table whose reads are strongly consistent or
// transactional: DAX passes those reads to DynamoDB without caching them.
import { DAX_CACHING } from '../../facts';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'dynamodb/dax-strong-reads',
    description: 'A table behind DAX reads with strong or transactional consistency, which DAX passes through uncached.',
    severity: 'warning',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    const caching = DAX_CACHING.value;
    for (const table of model.databases) {
      if (table.service !== 'dynamodb' || !table.dax) continue;
      const consistency = table.workload?.readConsistency;
      if (consistency === undefined || !caching.passThrough.some((passed) => passed === consistency)) continue;
      const reads = consistency === 'strong' ? l10n.t`strongly consistent reads` : l10n.t`transactional reads (TransactGetItems)`;
      report({
        pointer: `${table.pointer}/workload/readConsistency`,
        part: 'value',
        message:
          l10n.t(
            '{table} has a DAX cluster, but its reads are `{consistency}`: DAX passes {reads} straight to DynamoDB and caches nothing from them, so the cluster adds a network hop and its node cost without taking load off the table.',
            { table: table.name, consistency, reads },
          ) +
          ' ' +
          l10n.t`Read the data that may be a few minutes stale (the DAX cache TTL defaults to ${caching.defaultTtlMinutes} minutes) with eventually consistent reads through DAX, or remove DAX.`,
        related: [{ pointer: `${table.pointer}/dax`, message: l10n.t`The DAX cluster in front of the table` }],
      });
    }
  },
});
