// Helpers for the cross-cutting rules (arch/, advice/) and the cache rules: where Region codes are
// written, which databases something in the file uses, and engine version order.
import * as l10n from '../../l10n';
import type { Architecture } from '../../model/model';
import type { RawReplicaRegion } from '../../model/raw';
import { closest } from '../../text';

/** A Region code written in the file, with where it is written and whose it is (in words). */
export interface WrittenRegion {
  code: string;
  pointer: string;
  owner: string;
}

/**
 * Every Region code the file writes: the file's `region`, each database's, replica's and application's
 * own `region`, Aurora Global Database secondaries and DynamoDB global table replicas and witness.
 *
 * The model fills in inherited Regions, so a database, replica or application counts as writing its
 * own `region` when it differs from the one it would inherit. A `region` written with the same value
 * as its parent is left to the parent's finding (the same code, reported once).
 */
export function writtenRegions(model: Architecture): WrittenRegion[] {
  const found: WrittenRegion[] = [];
  if (model.region !== undefined) found.push({ code: model.region, pointer: '/region', owner: l10n.t("the file's default Region") });
  for (const database of model.databases) {
    if (database.region !== undefined && database.region !== model.region) {
      found.push({ code: database.region, pointer: `${database.pointer}/region`, owner: l10n.t`the Region of ${database.name}` });
    }
    if (database.service === 'rds') {
      for (const replica of database.allReplicas) {
        if (replica.region !== undefined && replica.region !== replica.source.region) {
          found.push({ code: replica.region, pointer: `${replica.pointer}/region`, owner: l10n.t`the Region of the replica ${replica.name}` });
        }
      }
    }
    if (database.service === 'aurora') {
      found.push(...listed(database.globalDatabase?.secondaryRegions, `${database.pointer}/globalDatabase/secondaryRegions`, l10n.t`a Global Database secondary Region of ${database.name}`));
    }
    if (database.service === 'dynamodb' && database.globalTable) {
      found.push(...listed(database.globalTable.replicaRegions, `${database.pointer}/globalTable/replicaRegions`, l10n.t`a global table replica Region of ${database.name}`));
      const witness = database.globalTable.witnessRegion;
      if (typeof witness === 'string') found.push({ code: witness, pointer: `${database.pointer}/globalTable/witnessRegion`, owner: l10n.t`the witness Region of ${database.name}` });
    }
  }
  for (const application of model.applications) {
    if (application.region !== undefined && application.region !== model.region) {
      found.push({ code: application.region, pointer: `${application.pointer}/region`, owner: l10n.t`the Region of the application ${application.name}` });
    }
  }
  return found;
}

/** The Regions of a `secondaryRegions` / `replicaRegions` list: codes, or `{ region, kmsKey }` items. */
function listed(list: readonly (RawReplicaRegion | undefined)[] | undefined, pointer: string, owner: string): WrittenRegion[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry, index) => {
    if (typeof entry === 'string') return [{ code: entry, pointer: `${pointer}/${index}`, owner }];
    if (entry && typeof entry.region === 'string') return [{ code: entry.region, pointer: `${pointer}/${index}/region`, owner }];
    return [];
  });
}

/**
 * The names of the databases something in the file uses: an application connection (to the database or
 * one of its members), a migration source or target, a cache's `cacheFor` (both the cache and the
 * database it fronts), and a DynamoDB stream with consumers. A reference that names nothing but has a
 * close database name counts for that database: arch/unknown-reference already reports the typo, and
 * the database it meant is not unused.
 */
export function usedDatabases(model: Architecture): Set<string> {
  const used = new Set<string>();
  for (const reference of model.references) {
    const [databaseName] = reference.text.split('/');
    if (reference.context === 'custom-endpoint-member') continue;
    if (reference.context === 'stream-consumer') {
      // The table's pointer is /databases/<name>/streams/consumers/<i>.
      const owner = reference.pointer.split('/')[2];
      if (owner) used.add(unescape(owner));
      continue;
    }
    if (reference.context === 'cache-for') used.add(unescape(reference.pointer.split('/')[2] ?? ''));
    if (model.databaseNames.has(databaseName)) {
      used.add(databaseName);
      continue;
    }
    if (!reference.exists) {
      const guess = closest(reference.text, reference.candidates());
      if (guess) used.add(guess.split('/')[0]);
    }
  }
  return used;
}

/** JSON pointer unescaping of one segment (`~1` is `/`, `~0` is `~`). */
function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

