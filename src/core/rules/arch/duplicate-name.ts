// arch/duplicate-name: two databases, replicas, instances or applications with the same name.
import type { NamedElement } from '../../model/model';
import { defineRule } from '../rule';

const kindName: Record<NamedElement['kind'], string> = { database: 'database', replica: 'read replica', instance: 'instance', application: 'application' };

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
      const kind = duplicate.path[0] === 'databases' ? 'database' : 'application';
      report({
        pointer: [duplicate.path[0], duplicate.key],
        span: duplicate.span,
        message: `The ${kind} \`${duplicate.key}\` is defined twice; only this second definition would count. Rename one of them or merge them.`,
        related: [{ pointer: [duplicate.path[0], duplicate.key], span: duplicate.firstSpan, message: `The first \`${duplicate.key}\`` }],
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
        message: `The name \`${element.name}\` is already used by the ${kindName[first.kind]} \`${first.name}\`; names of databases, replicas, instances and applications must be unique in the file so that references such as \`to:\` are unambiguous.`,
        related: [{ pointer: first.namePointer, part: first.namePart, message: `The ${kindName[first.kind]} \`${first.name}\`` }],
      });
    }
  },
});
