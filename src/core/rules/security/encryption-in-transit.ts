// security/encryption-in-transit: a database that accepts unencrypted client connections.
import { DOCUMENTDB_TLS_DEFAULT, ELASTICACHE_IN_TRANSIT_ENCRYPTION, rdsEngineFamily, RDS_POSTGRES_FORCE_SSL_DEFAULT, REDSHIFT_REQUIRE_SSL_DEFAULT } from '../../facts';
import type { Database } from '../../model/model';
import { compareVersions, engineName, majorVersion } from '../helpers/security';
import { defineRule } from '../rule';

/** What a database's server does with unencrypted connections, from the file and the engine's default. */
interface TlsSetting {
  /** The key that controls it, under `security`. */
  key: 'requireTls' | 'encryptedInTransit';
  written: boolean | undefined;
  /** The AWS default when the key is not written. */
  byDefault: boolean;
  /** How the default reads in a message. */
  defaultNote: string;
}

/** The TLS setting of a database, or undefined for services and engines this rule does not check. */
function tlsSetting(database: Database): TlsSetting | undefined {
  switch (database.service) {
    case 'rds': {
      const written = database.security?.requireTls;
      // RDS for PostgreSQL 15+ ships with rds.force_ssl = 1; every other RDS engine accepts plaintext by default.
      const major = majorVersion(database.engineVersion);
      if (rdsEngineFamily(database.engine) === 'postgres' && major !== undefined && major >= RDS_POSTGRES_FORCE_SSL_DEFAULT.value.fromMajorVersion) {
        return { key: 'requireTls', written, byDefault: true, defaultNote: '' };
      }
      const note =
        rdsEngineFamily(database.engine) === 'postgres'
          ? major === undefined
            ? 'and without an `engineVersion` it is unknown whether the engine requires TLS by default (RDS for PostgreSQL 15 and later do; 14 and older do not)'
            : `and RDS for PostgreSQL ${major} does not require TLS by default; 15 and later do`
          : `and ${engineName(database)} does not require TLS by default`;
      return { key: 'requireTls', written, byDefault: false, defaultNote: note };
    }
    case 'aurora':
      return { key: 'requireTls', written: database.security?.requireTls, byDefault: false, defaultNote: `and ${engineName(database)} does not require TLS by default` };
    case 'documentdb':
      return { key: 'requireTls', written: database.security?.requireTls, byDefault: DOCUMENTDB_TLS_DEFAULT.value, defaultNote: '' };
    case 'redshift':
      return {
        key: 'requireTls',
        written: database.security?.requireTls,
        byDefault: REDSHIFT_REQUIRE_SSL_DEFAULT.value,
        defaultNote: 'and by default Redshift accepts connections with or without SSL (its `require_ssl` parameter is off)',
      };
    case 'elasticache': {
      const facts = ELASTICACHE_IN_TRANSIT_ENCRYPTION.value;
      // Memcached has TLS only from 1.6.12: an older version has nothing to turn on.
      if (database.engine === 'memcached' && database.engineVersion !== undefined && compareVersions(database.engineVersion, facts.memcachedFromVersion) < 0) return undefined;
      return { key: 'encryptedInTransit', written: database.security?.encryptedInTransit, byDefault: facts.defaultEnabled, defaultNote: 'and ElastiCache leaves in-transit encryption off unless asked' };
    }
    default:
      return undefined;
  }
}

export default defineRule({
  meta: {
    id: 'security/encryption-in-transit',
    description: 'A database accepts client connections without TLS.',
    severity: 'warning',
    fixable: true,
    anchors: ['checkov CKV2_AWS_69', 'Security Hub RDS.38', 'Security Hub RDS.39', 'Security Hub ElastiCache.5'],
  },
  check({ model, report }) {
    for (const database of model.databases) {
      const setting = tlsSetting(database);
      if (!setting || (setting.written ?? setting.byDefault)) continue;
      const pointer = `${database.pointer}/security/${setting.key}`;
      const stated = setting.written === false ? `\`${setting.key}: false\`${setting.byDefault ? ', which turns off the TLS the engine requires by default' : ''}` : `\`${setting.key}\` is not set, ${setting.defaultNote}`;
      const exposure =
        database.service !== 'elasticache'
          ? 'a client that does not ask for TLS sends its password and every query and result in plain text, readable by anything on the network path'
          : database.engine === 'memcached'
            ? 'every key and value crosses the network in plain text, readable by anything on the network path'
            : 'every key and value crosses the network in plain text, readable by anything on the network path, and AUTH passwords cannot be turned on without it';
      report({
        pointer,
        part: setting.written === false ? 'value' : 'key',
        message:
          `${database.name} (${engineName(database)}) accepts unencrypted connections (${stated}): ${exposure}. ` +
          `Set \`security.${setting.key}: true\` and make the clients connect with TLS (verifying the server certificate).`,
        fix: { kind: 'set', title: `Require TLS (\`${setting.key}: true\`)`, pointer, value: true },
      });
    }
  },
});
