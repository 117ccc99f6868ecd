// security/iam-auth-unsupported: IAM database authentication on an RDS engine that does not have it.
import { IAM_DATABASE_AUTH_ENGINES, RDS_FAMILY_NAMES, rdsEngineFamily } from '../../facts';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'security/iam-auth-unsupported',
    description: '`iamAuth: true` on an RDS engine without IAM database authentication (Oracle, SQL Server, Db2).',
    severity: 'error',
    fixable: true,
    anchors: ['KICS #5711'],
  },
  check({ model, report }) {
    const supported = IAM_DATABASE_AUTH_ENGINES.value.rds;
    for (const database of model.databases) {
      if (database.service !== 'rds' || database.security?.iamAuth !== true) continue;
      const family = rdsEngineFamily(database.engine);
      if (!family || supported.includes(family)) continue;
      const pointer = `${database.pointer}/security/iamAuth`;
      report({
        pointer,
        part: 'value',
        message:
          l10n.t(
            '{name} turns on IAM database authentication (`iamAuth: true`), but {engine} does not support it: AWS offers it only on RDS for MariaDB, MySQL and PostgreSQL and on Aurora, so the instance cannot be created or modified with it.',
            { name: database.name, engine: RDS_FAMILY_NAMES[family] },
          ) +
          ' ' +
          l10n.t(
            "Remove it (`iamAuth: false`) and use {engine}'s own logins, ideally with passwords kept in AWS Secrets Manager, or Kerberos through AWS Directory Service.",
            { engine: RDS_FAMILY_NAMES[family] },
          ),
        fix: { kind: 'replace', title: l10n.t('Turn off IAM database authentication (`iamAuth: false`)'), pointer, value: false },
      });
    }
  },
});
