// dms/cdc-prerequisites: what change data capture needs from the source engine.
import { DMS_MYSQL_CDC, DMS_ORACLE_CDC, DMS_POSTGRES_CDC, DMS_SQLSERVER_CDC, DMS_SQLSERVER_NO_CDC_EDITIONS } from '../../facts';
import { capturesChanges, migrationSource, sqlServerEdition, type MigrationEnd } from '../helpers/dms';
import { defineRule } from '../rule';

/** The source's automated backup retention and where it is written, for an RDS MySQL/MariaDB source. */
function rdsBackups(source: MigrationEnd): { days: number | undefined; pointer: string } | undefined {
  const database = source.database;
  if (database?.service !== 'rds' || (source.family !== 'mysql' && source.family !== 'mariadb')) return undefined;
  return { days: database.backup?.retentionDays, pointer: `${database.pointer}/backup/retentionDays` };
}

/** What the source engine must be set up with before DMS can capture its changes; undefined when the facts do not say. */
function prerequisites(source: MigrationEnd): string | undefined {
  const service = source.database?.service;
  const parameterGroup = service === 'aurora' ? 'DB cluster parameter group' : 'DB parameter group';
  switch (source.family) {
    case 'mysql':
    case 'mariadb': {
      const { binlogFormat, binlogRowImage } = DMS_MYSQL_CDC.value;
      const settings = `\`binlog_format\` to \`${binlogFormat}\` and \`binlog_row_image\` to \`${binlogRowImage}\``;
      if (service === 'rds') return `it reads the binary log: keep automated backups on (RDS turns binary logging on with them) and set ${settings} in the ${parameterGroup}`;
      if (service === 'aurora') return `it reads the binary log: set ${settings} in the ${parameterGroup} (the binary log stays off until \`binlog_format\` is set)`;
      return `it reads the binary log: turn binary logging on with ${settings}`;
    }
    case 'postgres': {
      const { rdsParameter, walLevel } = DMS_POSTGRES_CDC.value;
      const setting = service ? `\`${rdsParameter}\` in the ${parameterGroup}` : `\`wal_level = ${walLevel}\``;
      return `it uses logical replication: set ${setting}, and give every replicated table a primary key`;
    }
    case 'oracle':
      return `it reads the redo logs: run the database in ARCHIVELOG mode and turn on supplemental logging (${DMS_ORACLE_CDC.value.supplementalLogging})`;
    case 'sqlserver': {
      const { recoveryModels, captureMethods } = DMS_SQLSERVER_CDC.value;
      const editions = DMS_SQLSERVER_NO_CDC_EDITIONS.value.map((edition) => edition[0].toUpperCase() + edition.slice(1)).join(' or ');
      return `it reads the transaction log: use the ${recoveryModels.join(' or ')} recovery model and set up ${captureMethods.join(' or ')} for the replicated tables (not possible on ${editions} edition)`;
    }
    default:
      return undefined;
  }
}

export default defineRule({
  meta: {
    id: 'dms/cdc-prerequisites',
    description: 'Change data capture from a source that cannot provide it (RDS MySQL/MariaDB without backups), or the setup it needs.',
    severity: 'error',
    fixable: true,
    anchors: [],
  },
  check({ model, report }) {
    for (const migration of model.migrations) {
      if (!capturesChanges(migration.type)) continue;
      const source = migrationSource(migration);
      if (!source) continue;
      const backups = rdsBackups(source);
      if (backups?.days === 0 && DMS_MYSQL_CDC.value.rdsNeedsBackups) {
        const owner = source.database?.name;
        report({
          pointer: source.pointer,
          part: 'value',
          message:
            `${migration.name} captures changes (\`${migration.type}\`) from ${source.label}, whose automated backups are off (\`retentionDays: 0\`). ` +
            `RDS writes the binary log DMS reads only while automated backups are on, so the task cannot capture changes. Set \`backup.retentionDays\` on ${owner} to 1 or more.`,
          related: [{ pointer: backups.pointer, message: 'Automated backups are off here', part: 'value' }],
          fix: { kind: 'set', title: `Turn on automated backups of ${owner} (\`retentionDays: 1\`)`, pointer: backups.pointer, value: 1 },
        });
        continue;
      }
      // SQL Server Express and Web cannot do CDC at all: dms/cdc-sqlserver-edition reports them.
      const edition = sqlServerEdition(source.engine);
      if (edition && (DMS_SQLSERVER_NO_CDC_EDITIONS.value as readonly string[]).includes(edition)) continue;
      const needs = prerequisites(source);
      if (!needs) continue;
      report({
        pointer: `${migration.pointer}/type`,
        part: 'value',
        severity: 'info',
        message: `${migration.name} captures changes (\`${migration.type}\`) from ${source.label}; ${needs}. dbarch cannot see these settings: check them before the task starts.`,
      });
    }
  },
});
