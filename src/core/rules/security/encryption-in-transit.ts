// security/encryption-in-transit: a database that accepts unencrypted client connections.
import {
  DOCUMENTDB_TLS_DEFAULT,
  ELASTICACHE_IN_TRANSIT_ENCRYPTION,
  rdsEngineFamily,
  RDS_MARIADB_REQUIRE_SECURE_TRANSPORT_DEFAULT,
  RDS_MYSQL_REQUIRE_SECURE_TRANSPORT_DEFAULT,
  RDS_POSTGRES_FORCE_SSL_DEFAULT,
  REDSHIFT_REQUIRE_SSL_DEFAULT,
  type RdsEngineFamily,
} from '../../facts';
import type { Database } from '../../model/model';
import { engineName } from '../helpers/security';
import { compareVersions, versionAtLeast } from '../helpers/versions';
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

/** The first RDS engine version whose default parameter group requires TLS, per engine family (others never do). */
const TLS_REQUIRED_BY_DEFAULT_FROM: Partial<Record<RdsEngineFamily, string>> = {
  postgres: String(RDS_POSTGRES_FORCE_SSL_DEFAULT.value.fromMajorVersion),
  mariadb: RDS_MARIADB_REQUIRE_SECURE_TRANSPORT_DEFAULT.value.fromVersion,
  mysql: RDS_MYSQL_REQUIRE_SECURE_TRANSPORT_DEFAULT.value.fromVersion,
};

/** The TLS setting of a database, or undefined for services and engines this rule does not check. */
function tlsSetting(database: Database): TlsSetting | undefined {
  switch (database.service) {
    case 'rds': {
      const written = database.security?.requireTls;
      const family = rdsEngineFamily(database.engine);
      const from = family ? TLS_REQUIRED_BY_DEFAULT_FROM[family] : undefined;
      const name = engineName(database);
      if (!from) return { key: 'requireTls', written, byDefault: false, defaultNote: `and ${name} does not require TLS by default` };
      // Newer major versions ship with TLS required (PostgreSQL 15+, MariaDB 11.8+, MySQL 9.7+); compared numerically.
      const version = database.engineVersion;
      const atLeast = version === undefined ? undefined : versionAtLeast(version, from);
      if (atLeast === true) return { key: 'requireTls', written, byDefault: true, defaultNote: '' };
      const note =
        atLeast === false
          ? `and ${name} ${version} does not require TLS by default; ${from} and later do`
          : `and ${version === undefined ? 'without an `engineVersion`' : `from \`engineVersion: ${version}\``} it is unknown whether the engine requires TLS by default (${name} ${from} and later do; older versions do not)`;
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
      if (database.engine === 'memcached' && database.engineVersion !== undefined && (compareVersions(database.engineVersion, facts.memcachedFromVersion) ?? 0) < 0) return undefined;
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
