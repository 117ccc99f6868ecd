// security/public-access: a database, replica, instance or DMS replication instance reachable from the internet.
import { DMS_PUBLICLY_ACCESSIBLE_DEFAULT } from '../../facts';
import { defineRule, stricterInProduction } from '../rule';

const FIX_TITLE = 'Turn off public access (`publiclyAccessible: false`)';

/** Why a public endpoint is a risk and what to do instead, shared by every message. */
const ADVICE =
  'it gets a DNS name that resolves to a public IP address, so anything the security group lets in can reach the port from the internet and try to log in. ' +
  'Keep it private and reach it from the VPC, a VPN, Direct Connect or a bastion';

export default defineRule({
  meta: {
    id: 'security/public-access',
    description: 'A database, replica, instance or DMS replication instance is publicly accessible from the internet.',
    severity: stricterInProduction('warning', 'error'),
    fixable: true,
    anchors: ['checkov CKV_AWS_17', 'checkov CKV_AWS_87', 'checkov CKV_AWS_89', 'Security Hub RDS.2'],
  },
  check({ model, report }) {
    const flag = (pointer: string, message: string): void => {
      report({ pointer, part: 'value', message, fix: { kind: 'replace', title: FIX_TITLE, pointer, value: false } });
    };
    for (const database of model.databases) {
      if (database.service === 'rds') {
        // Replicas inherit the source's setting: a replica that does not set its own is covered by its source's finding.
        if (database.security?.publiclyAccessible === true) {
          const inheriting = database.allReplicas.filter((replica) => replica.publiclyAccessible === undefined).length;
          flag(
            `${database.pointer}/security/publiclyAccessible`,
            `${database.name} is publicly accessible (\`publiclyAccessible: true\`${inheriting ? `, and ${inheriting} read replica${inheriting > 1 ? 's inherit' : ' inherits'} it` : ''}): ${ADVICE}; set \`publiclyAccessible: false\`.`,
          );
        }
        for (const replica of database.allReplicas) {
          if (replica.publiclyAccessible !== true) continue;
          flag(`${replica.pointer}/publiclyAccessible`, `Read replica ${replica.name} of ${replica.source.name} is publicly accessible (\`publiclyAccessible: true\`): ${ADVICE}; set \`publiclyAccessible: false\`.`);
        }
      } else if (database.service === 'aurora') {
        // Aurora decides public access per instance; the cluster's setting is the default of instances that set none.
        if (database.security?.publiclyAccessible === true) {
          const inheriting = database.instances.filter((instance) => instance.publiclyAccessible === undefined);
          if (inheriting.length > 0 || database.instances.length === 0) {
            const names = inheriting.map((instance) => instance.name).join(', ');
            flag(
              `${database.pointer}/security/publiclyAccessible`,
              `${database.name} makes its instances publicly accessible (\`publiclyAccessible: true\`${names ? `, inherited by ${names}` : ''}): ${ADVICE}; set \`publiclyAccessible: false\`.`,
            );
          }
        }
        for (const instance of database.instances) {
          if (instance.publiclyAccessible !== true) continue;
          flag(`${instance.pointer}/publiclyAccessible`, `Instance ${instance.name} of ${database.name} is publicly accessible (\`publiclyAccessible: true\`): ${ADVICE}; set \`publiclyAccessible: false\`.`);
        }
      } else if (database.service === 'redshift' && database.security?.publiclyAccessible === true) {
        flag(`${database.pointer}/security/publiclyAccessible`, `${database.name} (Redshift) is publicly accessible (\`publiclyAccessible: true\`): ${ADVICE}; set \`publiclyAccessible: false\`.`);
      }
    }
    for (const migration of model.migrations) {
      // Only a written replication instance is checked: without one the file says nothing about how DMS runs.
      const instance = migration.replicationInstance;
      if (typeof instance !== 'object' || instance === null) continue;
      const written = instance.publiclyAccessible;
      if (!(written ?? DMS_PUBLICLY_ACCESSIBLE_DEFAULT.value)) continue;
      const pointer = `${migration.pointer}/replicationInstance/publiclyAccessible`;
      const name = typeof migration.name === 'string' ? `migration ${migration.name}` : 'this migration';
      report({
        pointer,
        part: written === undefined ? 'key' : 'value',
        message:
          `The DMS replication instance of ${name} is publicly accessible (${written === undefined ? '`publiclyAccessible` is not set, and DMS defaults to `true`' : '`publiclyAccessible: true`'}): ` +
          'it gets a public IP address reachable from the internet. Unless the source can only be reached over the internet, set `publiclyAccessible: false` ' +
          'and connect through the VPC, a VPN or Direct Connect.',
        fix: { kind: 'set', title: FIX_TITLE, pointer, value: false },
      });
    }
  },
});
