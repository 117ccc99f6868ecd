// The replica limit of a DocumentDB or Neptune cluster: one primary, and every other instance a replica.
import * as l10n from '../../l10n';
import type { Architecture } from '../../model/model';
import { formatNumber } from '../../text';
import type { RuleContext } from '../rule';

/** Reports each cluster of `service` with more replicas than `limit`; `replicaWord` is how AWS names them. */
export function checkClusterReplicas(
  model: Architecture,
  report: RuleContext['report'],
  service: 'documentdb' | 'neptune',
  limit: number,
  serviceName: string,
  replicaWord: 'replica' | 'read replica',
): void {
  for (const database of model.databases) {
    if (database.service !== service) continue;
    // One instance is the primary, whichever carries `role: writer`; every other instance is a replica.
    const replicas = database.instances.length - 1;
    if (replicas <= limit) continue;
    const values = { name: database.name, instances: database.instances.length, replicas, service: serviceName, limit, position: limit + 2 };
    const excess = replicas - limit;
    const remove =
      excess === 1
        ? l10n.t`Remove ${formatNumber(excess)} instance, or use larger instance classes for the read load.`
        : l10n.t`Remove ${formatNumber(excess)} instances, or use larger instance classes for the read load.`;
    report({
      pointer: `${database.pointer}/instances`,
      part: 'key',
      message:
        (replicaWord === 'replica'
          ? l10n.t('{name} has {instances} instances, a primary and {replicas} replicas; a {service} cluster holds one primary and at most {limit} replicas.', values)
          : l10n.t('{name} has {instances} instances, a primary and {replicas} read replicas; a {service} cluster holds one primary and at most {limit} read replicas.', values)) +
        ' ' +
        remove,
      related: [
        {
          pointer: database.instances[limit + 1].pointer,
          message:
            replicaWord === 'replica'
              ? l10n.t('Instance {position}: one more than a primary and {limit} replicas', values)
              : l10n.t('Instance {position}: one more than a primary and {limit} read replicas', values),
        },
      ],
    });
  }
}
