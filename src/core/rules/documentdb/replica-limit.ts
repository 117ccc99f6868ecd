// documentdb/replica-limit: more replica instances than a DocumentDB cluster holds.
import { DOCUMENTDB_MAX_REPLICAS } from '../../facts';
import { plural } from '../../text';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'documentdb/replica-limit',
    description: 'A DocumentDB cluster has more than 15 replica instances.',
    severity: 'error',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    const limit = DOCUMENTDB_MAX_REPLICAS.value;
    for (const database of model.databases) {
      if (database.service !== 'documentdb') continue;
      // One instance is the primary, whichever carries `role: writer`; every other instance is a replica.
      const replicas = database.instances.length - 1;
      if (replicas <= limit) continue;
      report({
        pointer: `${database.pointer}/instances`,
        part: 'key',
        message: `${database.name} has ${database.instances.length} instances, a primary and ${replicas} replicas; a DocumentDB cluster holds one primary and at most ${limit} replicas. Remove ${plural(replicas - limit, 'instance')}, or use larger instance classes for the read load.`,
        related: [{ pointer: database.instances[limit + 1].pointer, message: `Instance ${limit + 2}: one more than a primary and ${limit} replicas` }],
      });
    }
  },
});
