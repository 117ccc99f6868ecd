// arch/unknown-reference: a name that should point at something of the file points at nothing.
import { fromPointer } from '../../document/source';
import type { ReferenceContext } from '../../model/model';
import { closest } from '../../text';
import { defineRule } from '../rule';

/** The cluster a custom endpoint member belongs to, from its pointer (`/databases/catalog/customEndpoints/...`). */
function clusterOf(pointer: string): string {
  const [databases, name] = fromPointer(pointer);
  return databases === 'databases' && name ? name : 'this cluster';
}

const what: Record<ReferenceContext, string> = {
  connection: 'database, replica or instance',
  'cache-for': 'database',
  'migration-source': 'database',
  'migration-target': 'database',
  'custom-endpoint-member': 'instance of this cluster',
  'stream-consumer': 'application',
};

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
        message = `\`${reference.text}\` is not an instance of ${clusterOf(reference.pointer)}`;
      } else if (memberName !== undefined && model.databaseNames.has(databaseName)) {
        message = `${databaseName} has no replica or instance named \`${memberName}\``;
      } else {
        message = `\`${reference.text}\` is not the name of any ${what[reference.context]} in this file`;
      }
      if (suggestion) message += `; did you mean \`${suggestion}\`?`;
      else if (candidates.length && candidates.length <= 8) message += `. Known names: ${candidates.map((name) => '`' + name + '`').join(', ')}.`;
      else message += '.';
      report({
        pointer: reference.pointer,
        part: 'value',
        message,
        fix: suggestion ? { kind: 'replace', title: `Change to \`${suggestion}\``, pointer: reference.pointer, value: suggestion } : undefined,
      });
    }
  },
});
