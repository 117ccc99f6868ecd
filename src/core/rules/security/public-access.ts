// security/public-access: a database, replica, instance or DMS replication instance reachable from the internet.
import { DMS_PUBLICLY_ACCESSIBLE_DEFAULT } from '../../facts';
import * as l10n from '../../l10n';
import { defineRule, stricterInProduction } from '../rule';

function fixTitle(): string {
  return l10n.t('Turn off public access (`publiclyAccessible: false`)');
}

/** Why a public endpoint is a risk, shared by every message (the end of its first sentence). */
function risk(): string {
  return l10n.t('it gets a DNS name that resolves to a public IP address, so anything the security group lets in can reach the port from the internet and try to log in.');
}

export default defineRule({
  meta: {
    id: 'security/public-access',
    description: 'A database, replica, instance or DMS replication instance is publicly accessible from the internet.',
    severity: stricterInProduction('warning', 'error'),
    fixable: true,
    anchors: ['checkov CKV_AWS_17', 'checkov CKV_AWS_87', 'checkov CKV_AWS_89', 'Security Hub RDS.2'],
  },
  check({ model, report }) {
    // Every message: what is public, why that is a risk, then what to do instead.
    const flag = (pointer: string, what: string): void => {
      const message = what + ' ' + l10n.t('Keep it private and reach it from the VPC, a VPN, Direct Connect or a bastion; set `publiclyAccessible: false`.');
      report({ pointer, part: 'value', message, fix: { kind: 'replace', title: fixTitle(), pointer, value: false } });
    };
    for (const database of model.databases) {
      if (database.service === 'rds') {
        // Replicas inherit the source's setting: a replica that does not set its own is covered by its source's finding.
        if (database.security?.publiclyAccessible === true) {
          const inheriting = database.allReplicas.filter((replica) => replica.publiclyAccessible === undefined).length;
          const values = { name: database.name, count: inheriting, risk: risk() };
          flag(
            `${database.pointer}/security/publiclyAccessible`,
            inheriting === 0
              ? l10n.t('{name} is publicly accessible (`publiclyAccessible: true`): {risk}', values)
              : inheriting === 1
                ? l10n.t('{name} is publicly accessible (`publiclyAccessible: true`, and 1 read replica inherits it): {risk}', values)
                : l10n.t('{name} is publicly accessible (`publiclyAccessible: true`, and {count} read replicas inherit it): {risk}', values),
          );
        }
        for (const replica of database.allReplicas) {
          if (replica.publiclyAccessible !== true) continue;
          flag(
            `${replica.pointer}/publiclyAccessible`,
            l10n.t('Read replica {replica} of {source} is publicly accessible (`publiclyAccessible: true`): {risk}', { replica: replica.name, source: replica.source.name, risk: risk() }),
          );
        }
      } else if (database.service === 'aurora') {
        // Aurora decides public access per instance; the cluster's setting is the default of instances that set none.
        if (database.security?.publiclyAccessible === true) {
          const inheriting = database.instances.filter((instance) => instance.publiclyAccessible === undefined);
          if (inheriting.length > 0 || database.instances.length === 0) {
            const names = inheriting.map((instance) => instance.name).join(', ');
            flag(
              `${database.pointer}/security/publiclyAccessible`,
              names
                ? l10n.t('{name} makes its instances publicly accessible (`publiclyAccessible: true`, inherited by {names}): {risk}', { name: database.name, names, risk: risk() })
                : l10n.t('{name} makes its instances publicly accessible (`publiclyAccessible: true`): {risk}', { name: database.name, risk: risk() }),
            );
          }
        }
        for (const instance of database.instances) {
          if (instance.publiclyAccessible !== true) continue;
          flag(
            `${instance.pointer}/publiclyAccessible`,
            l10n.t('Instance {instance} of {name} is publicly accessible (`publiclyAccessible: true`): {risk}', { instance: instance.name, name: database.name, risk: risk() }),
          );
        }
      } else if (database.service === 'redshift' && database.security?.publiclyAccessible === true) {
        flag(
          `${database.pointer}/security/publiclyAccessible`,
          l10n.t('{name} (Redshift) is publicly accessible (`publiclyAccessible: true`): {risk}', { name: database.name, risk: risk() }),
        );
      }
    }
    for (const migration of model.migrations) {
      // Only a written replication instance is checked: without one the file says nothing about how DMS runs.
      const instance = migration.replicationInstance;
      if (typeof instance !== 'object' || instance === null) continue;
      const written = instance.publiclyAccessible;
      if (!(written ?? DMS_PUBLICLY_ACCESSIBLE_DEFAULT.value)) continue;
      const pointer = `${migration.pointer}/replicationInstance/publiclyAccessible`;
      const stated = written === undefined ? l10n.t('`publiclyAccessible` is not set, and DMS defaults to `true`') : '`publiclyAccessible: true`';
      report({
        pointer,
        part: written === undefined ? 'key' : 'value',
        message:
          (typeof migration.name === 'string'
            ? l10n.t('The DMS replication instance of migration {name} is publicly accessible ({stated}): it gets a public IP address reachable from the internet.', { name: migration.name, stated })
            : l10n.t('The DMS replication instance of this migration is publicly accessible ({stated}): it gets a public IP address reachable from the internet.', { stated })) +
          ' ' +
          l10n.t('Unless the source can only be reached over the internet, set `publiclyAccessible: false` and connect through the VPC, a VPN or Direct Connect.'),
        fix: { kind: 'set', title: fixTitle(), pointer, value: false },
      });
    }
  },
});
