// arch/duplicate-name: two databases, replicas, instances or applications with the same name.
import type { NamedElement } from '../../model/model';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';

/** "the read replica `orders-ro`", as the object of a sentence. */
function named(kind: NamedElement['kind'], name: string): string {
  switch (kind) {
    case 'database':
      return l10n.t('the database `{name}`', { name });
    case 'replica':
      return l10n.t('the read replica `{name}`', { name });
    case 'instance':
      return l10n.t('the instance `{name}`', { name });
    case 'application':
      return l10n.t('the application `{name}`', { name });
  }
}

/** "The read replica `orders-ro`", on its own (a related location). */
function namedAlone(kind: NamedElement['kind'], name: string): string {
  switch (kind) {
    case 'database':
      return l10n.t('The database `{name}`', { name });
    case 'replica':
      return l10n.t('The read replica `{name}`', { name });
    case 'instance':
      return l10n.t('The instance `{name}`', { name });
    case 'application':
      return l10n.t('The application `{name}`', { name });
  }
}

export default defineRule({
  meta: {
    id: 'arch/duplicate-name',
    description: 'Two databases, replicas, instances or applications share a name (YAML and JSON duplicate keys included).',
    severity: 'error',
    fixable: false,
    structural: true,
    anchors: ['cfn-lint E0000 (duplicate resource names)'],
  },
  check({ model, document, report }) {
    // A key written twice in `databases` or `applications`: the parser keeps only the last one.
    for (const duplicate of document.duplicateKeys) {
      if (duplicate.path.length !== 1 || (duplicate.path[0] !== 'databases' && duplicate.path[0] !== 'applications')) continue;
      const name = duplicate.key;
      const twice =
        duplicate.path[0] === 'databases'
          ? l10n.t('The database `{name}` is defined twice; only this second definition would count.', { name })
          : l10n.t('The application `{name}` is defined twice; only this second definition would count.', { name });
      report({
        pointer: [duplicate.path[0], duplicate.key],
        span: duplicate.span,
        message: twice + ' ' + l10n.t('Rename one of them or merge them.'),
        related: [{ pointer: [duplicate.path[0], duplicate.key], span: duplicate.firstSpan, message: l10n.t('The first `{name}`', { name }) }],
      });
    }
    const seen = new Map<string, NamedElement>();
    for (const element of model.elements) {
      const first = seen.get(element.name);
      if (!first) {
        seen.set(element.name, element);
        continue;
      }
      report({
        pointer: element.namePointer,
        part: element.namePart,
        message: l10n.t(
          'The name `{name}` is already used by {first}; names of databases, replicas, instances and applications must be unique in the file so that references such as `to:` are unambiguous.',
          { name: element.name, first: named(first.kind, first.name) },
        ),
        related: [{ pointer: first.namePointer, part: first.namePart, message: namedAlone(first.kind, first.name) }],
      });
    }
  },
});
