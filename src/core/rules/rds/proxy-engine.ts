// rds/proxy-engine: RDS Proxy in front of an engine it does not support (Oracle, Db2).
import { RDS_FAMILY_NAMES, RDS_PROXY_UNSUPPORTED_FAMILIES, rdsEngineFamily } from '../../facts';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'rds/proxy-engine',
    description: 'RDS Proxy is enabled in front of RDS for Oracle or RDS for Db2, which it does not support.',
    severity: 'error',
    fixable: true,
    anchors: [],
  },
  check({ model, report }) {
    for (const database of model.databases) {
      if (database.service !== 'rds' || !database.proxy || database.proxy.enabled === false) continue;
      const family = rdsEngineFamily(database.engine);
      if (!family || !RDS_PROXY_UNSUPPORTED_FAMILIES.value.includes(family)) continue;
      const enabledWritten = database.proxy.enabled !== undefined;
      report({
        pointer: enabledWritten ? `${database.pointer}/proxy/enabled` : `${database.pointer}/proxy`,
        part: enabledWritten ? 'value' : 'key',
        message:
          l10n.t`${database.name} puts RDS Proxy in front of ${RDS_FAMILY_NAMES[family]}, but RDS Proxy supports only MySQL, MariaDB, PostgreSQL and SQL Server (RDS and Aurora).` +
          ' ' +
          l10n.t`Turn the proxy off and pool connections in the application, or with a connection pooler you run yourself.`,
        related: [{ pointer: `${database.pointer}/engine`, message: l10n.t('Engine `{engine}`', { engine: database.engine }) }],
        fix: { kind: 'set', title: l10n.t('Turn RDS Proxy off (`proxy.enabled: false`)'), pointer: `${database.pointer}/proxy/enabled`, value: false },
      });
    }
  },
});
