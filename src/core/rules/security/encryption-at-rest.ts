// security/encryption-at-rest: a database whose storage is not encrypted at rest.
import {
  DAX_ENCRYPTION_DEFAULT,
  ELASTICACHE_AT_REST_ENCRYPTION_DEFAULT,
  RDS_STORAGE_ENCRYPTED_DEFAULT,
  REDSHIFT_ENCRYPTED_BY_DEFAULT,
  REDSHIFT_MULTI_AZ,
} from '../../facts';
import type { Database } from '../../model/model';
import { engineName } from '../helpers/security';
import * as l10n from '../../l10n';
import { defineRule, stricterInProduction } from '../rule';

/** Where an unencrypted store is flagged (the `encrypted` key, or its closest written parent) and why. */
interface Finding {
  pointer: string;
  part: 'key' | 'value';
  message: string;
}

/** What the file says about `encrypted`, for messages: the value, or that it is left to the AWS default. */
function stated(encrypted: boolean | undefined, key: string, defaultNote: string): string {
  return encrypted === false ? `\`${key}: false\`` : l10n.t('`{key}` is not set, {note}', { key, note: defaultNote });
}

/** The finding for one database, or undefined when its storage is encrypted (or the service has no setting). */
function unencrypted(database: Database): Finding | undefined {
  const pointer = `${database.pointer}/security/encrypted`;
  switch (database.service) {
    case 'rds':
    case 'aurora':
    case 'documentdb':
    case 'neptune': {
      const encrypted = database.security?.encrypted ?? RDS_STORAGE_ENCRYPTED_DEFAULT.value;
      if (encrypted) return undefined;
      const written = database.security?.encrypted;
      const replicas = database.service === 'rds' ? database.allReplicas.length : 0;
      const what =
        database.service === 'rds'
          ? replicas
            ? l10n.t`its storage, automated backups, snapshots and read replicas (${replicas} here) are all unencrypted`
            : l10n.t('its storage, automated backups, snapshots and read replicas are all unencrypted')
          : l10n.t('its cluster volume, backups and snapshots are unencrypted');
      const later =
        database.service === 'rds'
          ? l10n.t('An existing instance cannot be encrypted in place (only by restoring an encrypted copy of a snapshot), so decide at creation.')
          : l10n.t('Encryption is chosen when the cluster is created: an existing cluster cannot be switched to encrypted, its data has to move to a new encrypted cluster (for example one restored from a snapshot).');
      return {
        pointer,
        part: written === false ? 'value' : 'key',
        message:
          l10n.t('{name} ({engine}) is not encrypted at rest ({stated}): {what}.', {
            name: database.name,
            engine: engineName(database),
            stated: stated(written, 'encrypted', l10n.t('and AWS leaves storage unencrypted unless asked')),
            what,
          }) +
          ' ' +
          later +
          ' ' +
          l10n.t('Set `security.encrypted: true` (optionally with a `kmsKey` of your own).'),
      };
    }
    case 'redshift': {
      // Redshift encrypts by default now, so only an explicit `false` turns it off.
      const encrypted = database.security?.encrypted ?? REDSHIFT_ENCRYPTED_BY_DEFAULT.value;
      if (encrypted) return undefined;
      // A Multi-AZ cluster cannot be unencrypted at all: redshift/multi-az reports that `false` (an error), once.
      if (database.multiAz === true && database.serverless === undefined && REDSHIFT_MULTI_AZ.value.requiresEncryption) return undefined;
      return {
        pointer,
        part: 'value',
        message:
          l10n.t('{name} (Redshift) is not encrypted at rest (`encrypted: false`): its data blocks, metadata and snapshots are stored unencrypted.', { name: database.name }) +
          ' ' +
          l10n.t('Set `security.encrypted: true`; on a running cluster Redshift then migrates the data to a new encrypted cluster.'),
      };
    }
    case 'elasticache': {
      // Memcached node-based clusters have no at-rest encryption to turn on.
      if (database.engine === 'memcached') return undefined;
      const written = database.security?.encrypted;
      const encrypted = written ?? ELASTICACHE_AT_REST_ENCRYPTION_DEFAULT.value[database.engine];
      if (encrypted) return undefined;
      return {
        pointer,
        part: written === false ? 'value' : 'key',
        message:
          l10n.t('{name} ({engine}) is not encrypted at rest ({stated}): data written to disk during sync, backup and swap, and the backups kept in S3, are unencrypted.', {
            name: database.name,
            engine: engineName(database),
            stated: stated(written, 'encrypted', l10n.t`and the API default for ${database.engine === 'redis' ? 'Redis OSS' : 'Valkey'} is off`),
          }) +
          ' ' +
          l10n.t('At-rest encryption can only be chosen when the cluster is created; set `security.encrypted: true`.'),
      };
    }
    case 'dynamodb': {
      // A DynamoDB table is always encrypted at rest; its DAX cluster is not unless asked.
      if (!database.dax) return undefined;
      const written = database.dax.encrypted;
      const encrypted = written ?? DAX_ENCRYPTION_DEFAULT.value;
      if (encrypted) return undefined;
      const daxPointer = `${database.pointer}/dax/encrypted`;
      return {
        pointer: daxPointer,
        part: written === false ? 'value' : 'key',
        message:
          l10n.t`The DAX cluster in front of ${database.name} is not encrypted at rest (${stated(written, 'encrypted', l10n.t('and DAX leaves it off unless asked'))}): the cached items on its nodes are stored unencrypted, although the table itself is encrypted.` +
          ' ' +
          l10n.t('DAX encryption can only be turned on when the cluster is created; set `dax.encrypted: true`.'),
      };
    }
    default:
      return undefined;
  }
}

export default defineRule({
  meta: {
    id: 'security/encryption-at-rest',
    description: 'A database stores its data without encryption at rest.',
    severity: stricterInProduction('warning', 'error'),
    fixable: true,
    anchors: [
      'checkov CKV_AWS_16',
      'checkov CKV_AWS_96',
      'checkov CKV_AWS_64',
      'checkov CKV_AWS_29',
      'checkov CKV_AWS_74',
      'checkov CKV_AWS_44',
      'Security Hub RDS.3',
      'trivy',
    ],
  },
  check({ model, report }) {
    for (const database of model.databases) {
      const finding = unencrypted(database);
      if (!finding) continue;
      report({ ...finding, fix: { kind: 'set', title: l10n.t('Turn on encryption at rest (`encrypted: true`)'), pointer: finding.pointer, value: true } });
    }
  },
});
