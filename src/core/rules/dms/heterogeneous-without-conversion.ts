// dms/heterogeneous-without-conversion: an engine change whose schema and code nobody converts.
import { DMS_SCHEMA_CONVERSION_TOOLS } from '../../facts';
import * as l10n from '../../l10n';
import { FAMILY_NAMES, migrationSource, migrationTarget, type EngineFamily } from '../helpers/dms';
import { defineRule } from '../rule';

// The relational engines whose schema and code (types, views, procedures, triggers) are tied to the
// engine. MariaDB converts as MySQL and Azure SQL as SQL Server: moving between them is not an engine change.
const CONVERSION_FAMILY: Partial<Record<EngineFamily, string>> = {
  oracle: 'oracle',
  sqlserver: 'sqlserver',
  'azure-sql': 'sqlserver',
  mysql: 'mysql',
  mariadb: 'mysql',
  postgres: 'postgres',
  db2: 'db2',
  'sap-ase': 'sap-ase',
};

export default defineRule({
  meta: {
    id: 'dms/heterogeneous-without-conversion',
    description: 'A migration changes the database engine (e.g. Oracle to PostgreSQL) without converting the schema and code.',
    severity: 'warning',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    const tools = DMS_SCHEMA_CONVERSION_TOOLS.value;
    for (const migration of model.migrations) {
      if (migration.schemaConversion !== undefined && migration.schemaConversion !== 'none') continue;
      const source = migrationSource(migration);
      const target = migrationTarget(migration);
      // Only relational targets (RDS, Aurora) carry converted code; DMS maps tables itself into
      // Redshift, DynamoDB, DocumentDB and the other non-relational targets.
      if (!source?.family || !target?.family || (target.database?.service !== 'rds' && target.database?.service !== 'aurora')) continue;
      const from = CONVERSION_FAMILY[source.family];
      const to = CONVERSION_FAMILY[target.family];
      if (!from || !to || from === to) continue;
      const sourceName = FAMILY_NAMES[source.family];
      const targetName = FAMILY_NAMES[target.family];
      const why = l10n.t`DMS moves rows, not the schema and code around them: data types, views, stored procedures, functions, triggers and sequences must be rewritten for ${targetName} before the full load.`;
      const pointer = `${migration.pointer}/schemaConversion`;
      if (migration.schemaConversion === 'none') {
        report({
          pointer,
          part: 'value',
          message:
            l10n.t`${migration.name} moves ${sourceName} to ${targetName} with \`schemaConversion: none\`.` +
            ' ' +
            why +
            ' ' +
            l10n.t('Convert them with the {sct} (`schemaConversion: sct`) or {dmsSchemaConversion} (`schemaConversion: dms-schema-conversion`).', {
              sct: tools.sct,
              dmsSchemaConversion: tools['dms-schema-conversion'],
            }),
        });
      } else {
        report({
          pointer: `${migration.pointer}/target`,
          part: 'value',
          severity: 'info',
          message:
            l10n.t`${migration.name} moves ${sourceName} to ${targetName} but does not say how the schema is converted.` +
            ' ' +
            why +
            ' ' +
            l10n.t('Add `schemaConversion: sct` or `schemaConversion: dms-schema-conversion` to record the tool.'),
        });
      }
    }
  },
});
