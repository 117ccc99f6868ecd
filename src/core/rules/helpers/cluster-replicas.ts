// The replica limit of a DocumentDB or Neptune cluster: one primary, and every other instance a replica.
import type { Architecture } from '../../model/model';
import { plural } from '../../text';
import type { RuleContext } from '../rule';

/** Reports each cluster of `service` with more replicas than `limit`; `replicaWord` is how AWS names them. */
export function checkClusterReplicas(
  model: Architecture,
  report: RuleContext['report'],
  service: 'documentdb' | 'neptune',
  limit: number,
  serviceName: string,
  replicaWord: string,
): void {
  for (const database of model.databases) {
    if (database.service !== service) continue;
    // One instance is the primary, whichever carries `role: writer`; every other instance is a replica.
    const replicas = database.instances.length - 1;
    if (replicas <= limit) continue;
    report({
      pointer: `${database.pointer}/instances`,
      part: 'key',
      message: `${database.name} has ${database.instances.length} instances, a primary and ${replicas} ${replicaWord}s; a ${serviceName} cluster holds one primary and at most ${limit} ${replicaWord}s. Remove ${plural(replicas - limit, 'instance')}, or use larger instance classes for the read load.`,
      related: [{ pointer: database.instances[limit + 1].pointer, message: `Instance ${limit + 2}: one more than a primary and ${limit} ${replicaWord}s` }],
    });
  }
}
