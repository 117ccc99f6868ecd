// arch/unknown-reference: a name that should point at something of the file points at nothing.
import { fromPointer } from '../../document/source';
import type { ReferenceContext } from '../../model/model';
import { closest } from '../../text';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';

/** The cluster a custom endpoint member belongs to, from its pointer (`/databases/catalog/customEndpoints/...`). */
function clusterOf(pointer: string): string | undefined {
  const [databases, name] = fromPointer(pointer);
  return databases === 'databases' && name ? String(name) : undefined;
}

/** "`x` is not the name of any database in this file", for what the reference should name. */
function namesNothing(context: ReferenceContext, text: string): string {
  switch (context) {
    case 'connection':
      return l10n.t('`{text}` is not the name of any database, replica or instance in this file', { text });
    case 'cache-for':
    case 'migration-source':
    case 'migration-target':
      return l10n.t('`{text}` is not the name of any database in this file', { text });
    case 'custom-endpoint-member':
      return l10n.t('`{text}` is not the name of any instance of this cluster in this file', { text });
    case 'stream-consumer':
      return l10n.t('`{text}` is not the name of any application in this file', { text });
  }
}

export default defineRule({
  meta: {
    id: 'arch/unknown-reference',
    description: 'A `to:`, `cacheFor`, migration source or target, custom endpoint member or stream consumer names nothing in the file.',
    severity: 'error',
    fixable: true,
    anchors: ['cfn-lint E3005/E1012 (Ref checks)'],
  },
  check({ model, report }) {
    for (const reference of model.references) {
      if (reference.exists) continue;
      const candidates = reference.candidates();
      const suggestion = closest(reference.text, candidates);
      const [databaseName, memberName] = reference.text.split('/');
      let message: string;
      if (reference.context === 'custom-endpoint-member') {
        const cluster = clusterOf(reference.pointer);
        message =
          cluster === undefined
            ? l10n.t('`{text}` is not an instance of this cluster', { text: reference.text })
            : l10n.t('`{text}` is not an instance of {cluster}', { text: reference.text, cluster });
      } else if (memberName !== undefined && model.databaseNames.has(databaseName)) {
        message = l10n.t('{database} has no replica or instance named `{member}`', { database: databaseName, member: memberName });
      } else {
        message = namesNothing(reference.context, reference.text);
      }
      if (suggestion) message += l10n.t('; did you mean `{suggestion}`?', { suggestion });
      else if (candidates.length && candidates.length <= 8) message += l10n.t('. Known names: {names}.', { names: candidates.map((name) => '`' + name + '`').join(', ') });
      else message += '.';
      report({
        pointer: reference.pointer,
        part: 'value',
        message,
        fix: suggestion ? { kind: 'replace', title: l10n.t('Change to `{suggestion}`', { suggestion }), pointer: reference.pointer, value: suggestion } : undefined,
      });
    }
  },
});
