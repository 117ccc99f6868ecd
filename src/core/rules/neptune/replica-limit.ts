// neptune/replica-limit: more read replicas than a Neptune cluster holds.
import { NEPTUNE_MAX_READ_REPLICAS } from '../../facts';
import { plural } from '../../text';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'neptune/replica-limit',
    description: 'A Neptune cluster has more than 15 read replicas.',
    severity: 'error',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    const limit = NEPTUNE_MAX_READ_REPLICAS.value;
    for (const database of model.databases) {
      if (database.service !== 'neptune') continue;
      // One instance is the primary, whichever carries `role: writer`; every other instance is a replica.
      const replicas = database.instances.length - 1;
      if (replicas <= limit) continue;
      report({
        pointer: `${database.pointer}/instances`,
        part: 'key',
        message: `${database.name} has ${database.instances.length} instances, a primary and ${replicas} read replicas; a Neptune cluster holds one primary and at most ${limit} read replicas. Remove ${plural(replicas - limit, 'instance')}, or use larger instance classes for the read load.`,
        related: [{ pointer: database.instances[limit + 1].pointer, message: `Instance ${limit + 2}: one more than a primary and ${limit} replicas` }],
      });
    }
  },
});
