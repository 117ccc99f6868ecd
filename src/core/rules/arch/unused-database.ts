// arch/unused-database: a database that no application, migration, cache or stream consumer uses.
import * as l10n from '../../l10n';
import { usedDatabases } from '../helpers/arch';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'arch/unused-database',
    description: 'No application, migration, cache or stream consumer uses a database.',
    severity: 'info',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    // A file that draws no clients at all (an inventory of databases) would flag every database:
    // the rule only speaks once the design shows who uses what.
    if (model.applications.length === 0 && model.migrations.length === 0) return;
    const used = usedDatabases(model);
    for (const database of model.databases) {
      if (used.has(database.name)) continue;
      report({
        pointer: database.pointer,
        part: 'key',
        message:
          l10n.t`Nothing in this file uses ${database.name}: no application connects to it, no migration reads or writes it, and no cache fronts it.` +
          ' ' +
          l10n.t(
            'Add the connection of the application that uses it (`connects: [{ to: {name}, access: read-write }]`), or remove it if it is left over: an unused database still costs money and needs patching.',
            { name: database.name },
          ),
      });
    }
  },
});
