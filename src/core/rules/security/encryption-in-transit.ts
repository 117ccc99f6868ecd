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
import * as l10n from '../../l10n';
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
      if (!from) return { key: 'requireTls', written, byDefault: false, defaultNote: l10n.t`and ${name} does not require TLS by default` };
      // Newer major versions ship with TLS required (PostgreSQL 15+, MariaDB 11.8+, MySQL 9.7+); compared numerically.
      const version = database.engineVersion;
      const atLeast = version === undefined ? undefined : versionAtLeast(version, from);
      if (atLeast === true) return { key: 'requireTls', written, byDefault: true, defaultNote: '' };
      const note =
        atLeast === false
          ? l10n.t`and ${name} ${String(version)} does not require TLS by default; ${from} and later do`
          : version === undefined
            ? l10n.t('and without an `engineVersion` it is unknown whether the engine requires TLS by default ({name} {from} and later do; older versions do not)', { name, from })
            : l10n.t('and from `engineVersion: {version}` it is unknown whether the engine requires TLS by default ({name} {from} and later do; older versions do not)', { version, name, from });
      return { key: 'requireTls', written, byDefault: false, defaultNote: note };
    }
    case 'aurora':
      return { key: 'requireTls', written: database.security?.requireTls, byDefault: false, defaultNote: l10n.t`and ${engineName(database)} does not require TLS by default` };
    case 'documentdb':
      return { key: 'requireTls', written: database.security?.requireTls, byDefault: DOCUMENTDB_TLS_DEFAULT.value, defaultNote: '' };
    case 'redshift':
      return {
        key: 'requireTls',
        written: database.security?.requireTls,
        byDefault: REDSHIFT_REQUIRE_SSL_DEFAULT.value,
        defaultNote: l10n.t('and by default Redshift accepts connections with or without SSL (its `require_ssl` parameter is off)'),
      };
    case 'elasticache': {
      const facts = ELASTICACHE_IN_TRANSIT_ENCRYPTION.value;
      // Memcached has TLS only from 1.6.12: an older version has nothing to turn on.
      if (database.engine === 'memcached' && database.engineVersion !== undefined && (compareVersions(database.engineVersion, facts.memcachedFromVersion) ?? 0) < 0) return undefined;
      return { key: 'encryptedInTransit', written: database.security?.encryptedInTransit, byDefault: facts.defaultEnabled, defaultNote: l10n.t('and ElastiCache leaves in-transit encryption off unless asked') };
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
      const key = setting.key;
      const stated =
        setting.written === false
          ? setting.byDefault
            ? l10n.t('`{key}: false`, which turns off the TLS the engine requires by default', { key })
            : `\`${key}: false\``
          : l10n.t('`{key}` is not set, {note}', { key, note: setting.defaultNote });
      const exposure =
        database.service !== 'elasticache'
          ? l10n.t('a client that does not ask for TLS sends its password and every query and result in plain text, readable by anything on the network path')
          : database.engine === 'memcached'
            ? l10n.t('every key and value crosses the network in plain text, readable by anything on the network path')
            : l10n.t('every key and value crosses the network in plain text, readable by anything on the network path, and AUTH passwords cannot be turned on without it');
      report({
        pointer,
        part: setting.written === false ? 'value' : 'key',
        message:
          l10n.t('{name} ({engine}) accepts unencrypted connections ({stated}): {exposure}.', { name: database.name, engine: engineName(database), stated, exposure }) +
          ' ' +
          l10n.t('Set `security.{key}: true` and make the clients connect with TLS (verifying the server certificate).', { key }),
        fix: { kind: 'set', title: l10n.t('Require TLS (`{key}: true`)', { key }), pointer, value: true },
      });
    }
  },
});
