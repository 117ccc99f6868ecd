// dms/cdc-prerequisites: what change data capture needs from the source engine.
import { DMS_MYSQL_CDC, DMS_ORACLE_CDC, DMS_POSTGRES_CDC, DMS_SQLSERVER_CDC, DMS_SQLSERVER_NO_CDC_EDITIONS } from '../../facts';
import * as l10n from '../../l10n';
import { capturesChanges, migrationSource, sqlServerEdition, type MigrationEnd } from '../helpers/dms';
import { defineRule } from '../rule';

/** The source's automated backup retention and where it is written, for an RDS MySQL/MariaDB source. */
function rdsBackups(source: MigrationEnd): { days: number | undefined; pointer: string } | undefined {
  const database = source.database;
  if (database?.service !== 'rds' || (source.family !== 'mysql' && source.family !== 'mariadb')) return undefined;
  return { days: database.backup?.retentionDays, pointer: `${database.pointer}/backup/retentionDays` };
}

/** `a or b or c`, in the configured language. */
function orWords(items: readonly string[]): string {
  return items.length ? items.reduce((head, item) => l10n.t`${head} or ${item}`) : '';
}

/** What the source engine must be set up with before DMS can capture its changes; undefined when the facts do not say. */
function prerequisites(source: MigrationEnd): string | undefined {
  const service = source.database?.service;
  switch (source.family) {
    case 'mysql':
    case 'mariadb': {
      const { binlogFormat, binlogRowImage } = DMS_MYSQL_CDC.value;
      if (service === 'rds')
        return l10n.t(
          'it reads the binary log: keep automated backups on (RDS turns binary logging on with them) and set `binlog_format` to `{binlogFormat}` and `binlog_row_image` to `{binlogRowImage}` in the DB parameter group',
          { binlogFormat, binlogRowImage },
        );
      if (service === 'aurora')
        return l10n.t(
          'it reads the binary log: set `binlog_format` to `{binlogFormat}` and `binlog_row_image` to `{binlogRowImage}` in the DB cluster parameter group (the binary log stays off until `binlog_format` is set)',
          { binlogFormat, binlogRowImage },
        );
      return l10n.t('it reads the binary log: turn binary logging on with `binlog_format` to `{binlogFormat}` and `binlog_row_image` to `{binlogRowImage}`', { binlogFormat, binlogRowImage });
    }
    case 'postgres': {
      const { rdsParameter, walLevel } = DMS_POSTGRES_CDC.value;
      if (service === 'aurora') return l10n.t`it uses logical replication: set \`${rdsParameter}\` in the DB cluster parameter group, and give every replicated table a primary key`;
      if (service) return l10n.t`it uses logical replication: set \`${rdsParameter}\` in the DB parameter group, and give every replicated table a primary key`;
      return l10n.t`it uses logical replication: set \`wal_level = ${walLevel}\`, and give every replicated table a primary key`;
    }
    case 'oracle':
      return l10n.t`it reads the redo logs: run the database in ARCHIVELOG mode and turn on supplemental logging (${DMS_ORACLE_CDC.value.supplementalLogging})`;
    case 'sqlserver': {
      const { recoveryModels, captureMethods } = DMS_SQLSERVER_CDC.value;
      const editions = orWords(DMS_SQLSERVER_NO_CDC_EDITIONS.value.map((edition) => edition[0].toUpperCase() + edition.slice(1)));
      return l10n.t`it reads the transaction log: use the ${orWords(recoveryModels)} recovery model and set up ${orWords(captureMethods)} for the replicated tables (not possible on ${editions} edition)`;
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
      const type = migration.type ?? '';
      const source = migrationSource(migration);
      if (!source) continue;
      const backups = rdsBackups(source);
      if (backups?.days === 0 && DMS_MYSQL_CDC.value.rdsNeedsBackups) {
        // rdsBackups answers only for a source that is a database of the file.
        const owner = source.database?.name ?? '';
        report({
          pointer: source.pointer,
          part: 'value',
          message:
            l10n.t('{name} captures changes (`{type}`) from {source}, whose automated backups are off (`retentionDays: 0`).', { name: migration.name, type, source: source.label }) +
            ' ' +
            l10n.t`RDS writes the binary log DMS reads only while automated backups are on, so the task cannot capture changes.` +
            ' ' +
            l10n.t`Set \`backup.retentionDays\` on ${owner} to 1 or more.`,
          related: [{ pointer: backups.pointer, message: l10n.t('Automated backups are off here'), part: 'value' }],
          fix: { kind: 'set', title: l10n.t`Turn on automated backups of ${owner} (\`retentionDays: 1\`)`, pointer: backups.pointer, value: 1 },
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
        message:
          l10n.t('{name} captures changes (`{type}`) from {source}; {needs}.', { name: migration.name, type, source: source.label, needs }) +
          ' ' +
          l10n.t('dbarch cannot see these settings: check them before the task starts.'),
      });
    }
  },
});
