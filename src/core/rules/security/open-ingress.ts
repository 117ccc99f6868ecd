// security/open-ingress: a database port open to every address (0.0.0.0/0 or ::/0).
import type { Database } from '../../model/model';
import { engineName, networkSecurity } from '../helpers/security';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';

/** Whether a CIDR block matches every address of its family: any block with a /0 prefix does. */
function matchesEveryAddress(cidr: string): boolean {
  return /\/0$/.test(cidr.trim());
}

/** Whether the database, or one of its replicas or instances, has a public endpoint. */
function isPublic(database: Database): boolean {
  if (networkSecurity(database)?.publiclyAccessible === true) return true;
  if (database.service === 'rds') return database.allReplicas.some((replica) => replica.publiclyAccessible === true);
  if (database.service === 'aurora') return database.instances.some((instance) => instance.publiclyAccessible === true);
  return false;
}

export default defineRule({
  meta: {
    id: 'security/open-ingress',
    description: '`allowedCidrs` opens a database port to every address (0.0.0.0/0 or ::/0).',
    severity: 'error',
    fixable: false,
    anchors: ['Security Hub Redshift.15', 'trivy'],
  },
  check({ model, report }) {
    for (const database of model.databases) {
      const security = networkSecurity(database);
      const cidrs = security?.allowedCidrs;
      if (!Array.isArray(cidrs)) continue;
      cidrs.forEach((cidr, index) => {
        // Items the schema rejected (not a CIDR) are pruned from the model; only real blocks count.
        if (typeof cidr !== 'string' || !matchesEveryAddress(cidr)) return;
        const family = cidr.includes(':') ? 'IPv6' : 'IPv4';
        const canonical = family === 'IPv6' ? '::/0' : '0.0.0.0/0';
        const port = security?.port !== undefined ? l10n.t`port ${security.port}` : l10n.t('the database port');
        const reach = isPublic(database)
            ? l10n.t('and with `publiclyAccessible: true` that includes the whole internet')
            : l10n.t('so anything that can route to it (peered VPCs, VPNs, or the internet the day it becomes public) can try to log in');
        const values = { cidr, name: database.name, canonical, family, port, engine: engineName(database), reach };
        report({
          pointer: `${database.pointer}/security/allowedCidrs/${index}`,
          part: 'value',
          message:
            (cidr.trim() === canonical
              ? l10n.t("`{cidr}` in {name}'s `allowedCidrs` lets every {family} address reach {port} of {engine}, {reach}.", values)
              : l10n.t("`{cidr}` in {name}'s `allowedCidrs` (a /0 prefix, the same as `{canonical}`) lets every {family} address reach {port} of {engine}, {reach}.", values)) +
            ' ' +
            l10n.t('List only the subnets of the applications that connect (for example `10.0.1.0/24`), or allow their security groups instead.'),
        });
      });
    }
  },
});
