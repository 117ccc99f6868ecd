// dms/cdc-sqlserver-edition: change data capture from a SQL Server edition DMS cannot capture from.
import { DMS_SQLSERVER_NO_CDC_EDITIONS } from '../../facts';
import * as l10n from '../../l10n';
import { capturesChanges, migrationSource, sqlServerEdition } from '../helpers/dms';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'dms/cdc-sqlserver-edition',
    description: 'A migration captures changes (CDC) from SQL Server Express or Web edition, which DMS cannot do.',
    severity: 'error',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    const editions = DMS_SQLSERVER_NO_CDC_EDITIONS.value as readonly string[];
    for (const migration of model.migrations) {
      if (!capturesChanges(migration.type)) continue;
      const source = migrationSource(migration);
      const edition = source && sqlServerEdition(source.engine);
      if (!source || !edition || !editions.includes(edition)) continue;
      const name = `${edition[0].toUpperCase()}${edition.slice(1)}`;
      report({
        pointer: source.pointer,
        part: 'value',
        message:
          l10n.t('{migration} captures changes (`{type}`) from SQL Server {edition} edition (`{engine}`), but AWS DMS cannot capture changes from the Express or Web editions: only a full load works.', {
            migration: migration.name,
            type: migration.type ?? '',
            edition: name,
            engine: source.engine,
          }) +
          ' ' +
          l10n.t('Use `type: full-load` with a cut-over window in which writes stop, or move the source to Standard or Enterprise edition first.'),
        related: [
          { pointer: `${migration.pointer}/type`, message: l10n.t('Change data capture is asked for here'), part: 'value' },
          ...(source.kind === 'database' ? [{ pointer: source.enginePointer, message: l10n.t`${source.database?.name ?? ''} runs ${name} edition`, part: 'value' as const }] : []),
        ],
      });
    }
  },
});
