// arch/deprecated-service: a database on a service AWS has retired or closed to new customers.
import { QLDB_END_OF_SUPPORT, TIMESTREAM_LIVEANALYTICS_CLOSED } from '../../facts';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'arch/deprecated-service',
    description: 'A database uses QLDB (end of support) or, in a new design, Timestream for LiveAnalytics (closed to new customers).',
    severity: 'error',
    fixable: true,
    anchors: [],
  },
  check({ model, report }) {
    const qldb = QLDB_END_OF_SUPPORT.value;
    const liveAnalytics = TIMESTREAM_LIVEANALYTICS_CLOSED.value;
    for (const database of model.databases) {
      if (database.service === 'qldb') {
        report({
          pointer: `${database.pointer}/service`,
          part: 'value',
          message:
            l10n.t`${database.name} is an Amazon QLDB ledger, but QLDB reached end of support on ${qldb.date}: AWS no longer offers the service, so the design cannot be built.` +
            ' ' +
            l10n.t`Move the ledger to ${qldb.successor} (the path AWS suggests), keeping its history in append-only audit tables.`,
        });
      }
      // Aurora Serverless v1 (end of life 2025-03-31) is aurora/serverless-v1's finding, not this rule's.
      if (database.service === 'timestream' && database.variant === 'liveanalytics' && database.existingCustomer !== true) {
        report({
          pointer: `${database.pointer}/variant`,
          part: 'value',
          message:
            l10n.t`${database.name} uses Timestream for LiveAnalytics, which closed to new customers on ${liveAnalytics.date}: an AWS account that did not use it in this Region before cannot create it.` +
            ' ' +
            l10n.t('Use {successor} (`variant: influxdb`) for a new design; if your account already runs LiveAnalytics here, say so with `existingCustomer: true`.', { successor: liveAnalytics.successor }),
          fix: { kind: 'replace', title: l10n.t('Use Timestream for InfluxDB (`variant: influxdb`)'), pointer: `${database.pointer}/variant`, value: 'influxdb' },
        });
      }
    }
  },
});
