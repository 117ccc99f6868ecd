// Completion of the names a reference may name: databases and `database/member` in a connection's
// `to`, databases in `cacheFor` and a migration's `source` and `target`, a cluster's instances in a
// custom endpoint's `members`, applications in a DynamoDB stream's `consumers`, and the endpoints of
// the database a connection names.
import * as l10n from '../../core/l10n';
import { isCluster, type Architecture, type ClusterInstance, type Database, type ReadReplica } from '../../core/model/model';
import type { Analysis } from './analysis';
import { stringAt, valueAt } from './analysis';
import { escapeMarkdown } from './hovers';
import type { Suggestion } from './types';
import { pathMatches, valueSuggestion, type ValueSite } from './value-text';

/** The reference completions at a value place, or none when the place is not a reference. */
export function referenceSuggestions(site: ValueSite, analysis: Analysis): Suggestion[] {
  const { model, data } = analysis;
  const path = site.place.path;
  if (!model) return [];
  if (pathMatches(path, ['applications', '*', 'connects', '#', 'to'])) return connectionTargets(site, model, data);
  if (pathMatches(path, ['applications', '*', 'connects', '#', 'endpoint'])) {
    return connectionEndpoints(site, model, stringAt(data, path.slice(0, -1).concat('to')));
  }
  if (pathMatches(path, ['databases', '*', 'cacheFor'])) return databaseNames(site, model, data, [String(path[1])]);
  if (pathMatches(path, ['migrations', '#', 'source']) || pathMatches(path, ['migrations', '#', 'target'])) return databaseNames(site, model, data, []);
  if (pathMatches(path, ['databases', '*', 'customEndpoints', '*', 'members', '#'])) {
    const database = model.byName.get(String(path[1]));
    const listed = listedElsewhere(data, path);
    const instances = database && isCluster(database) ? database.instances.filter((instance) => !listed.has(instance.name)) : [];
    return instances.map((instance, rank) => valueSuggestion(site, instance.name, { kind: 'Reference', detail: describeMember(instance), rank }));
  }
  if (pathMatches(path, ['databases', '*', 'streams', 'consumers', '#'])) {
    const listed = listedElsewhere(data, path);
    return model.applications
      .filter((application) => !listed.has(application.name))
      .map((application, rank) => valueSuggestion(site, application.name, { kind: 'Reference', detail: l10n.t('application'), documentation: application.description && escapeMarkdown(application.description), rank }));
  }
  return [];
}

/** A connection names a database (its writer or primary endpoint) or one replica or instance of it. */
function connectionTargets(site: ValueSite, model: Architecture, data: unknown): Suggestion[] {
  const databases = databaseNames(site, model, data, []);
  const members = model.databases.flatMap((database) => membersOf(database).map((member) => ({ database, member })));
  return [
    ...databases,
    ...members.map(({ database, member }, index) =>
      valueSuggestion(site, `${database.name}/${member.name}`, { kind: 'Reference', detail: describeMember(member), rank: databases.length + index }),
    ),
  ];
}

/** The endpoints of the database a connection names: writer, reader, and an Aurora cluster's custom endpoints. */
function connectionEndpoints(site: ValueSite, model: Architecture, target: string | undefined): Suggestion[] {
  const database = target ? model.byName.get(target.split('/')[0]) : undefined;
  if (!database || database.service !== 'aurora') return [];
  return Object.entries(database.customEndpoints ?? {}).map(([name, endpoint], rank) =>
    valueSuggestion(site, name, {
      kind: 'Reference',
      detail: endpoint?.type ? l10n.t`custom endpoint of ${database.name} (${endpoint.type})` : l10n.t`custom endpoint of ${database.name}`,
      documentation: endpoint?.members?.length ? l10n.t`Instances: ${endpoint.members.map((member) => `\`${member}\``).join(', ')}` : undefined,
      rank,
    }),
  );
}

/** Every database of the file (also those still being written), except the excluded ones. */
function databaseNames(site: ValueSite, model: Architecture, data: unknown, excluded: readonly string[]): Suggestion[] {
  return [...model.databaseNames]
    .filter((name) => !excluded.includes(name))
    .map((name, rank) => {
      const database = model.byName.get(name);
      const service = database?.service ?? stringAt(data, ['databases', name, 'service']);
      const description = database?.description ?? stringAt(data, ['databases', name, 'description']);
      return valueSuggestion(site, name, { kind: 'Reference', detail: database ? describeDatabase(database) : service, documentation: description && escapeMarkdown(description), rank });
    });
}

/** The names already in the list being edited, so each is offered once. */
function listedElsewhere(data: unknown, path: readonly (string | number)[]): Set<string> {
  const list = valueAt(data, path.slice(0, -1));
  const index = path[path.length - 1];
  return new Set(Array.isArray(list) ? list.filter((item, position): item is string => typeof item === 'string' && position !== index) : []);
}

function membersOf(database: Database): (ReadReplica | ClusterInstance)[] {
  if (database.service === 'rds') return database.allReplicas;
  return isCluster(database) ? database.instances : [];
}

/** A database in a few words: `rds postgres 16.4`, `aurora aurora-mysql`, `dynamodb table`. */
export function describeDatabase(database: Database): string {
  switch (database.service) {
    case 'rds':
    case 'aurora':
      return [database.service, database.engine, database.engineVersion].filter(Boolean).join(' ');
    case 'elasticache':
      return ['elasticache', database.engine].filter(Boolean).join(' ');
    case 'dynamodb':
      return l10n.t('dynamodb table');
    default:
      return database.service;
  }
}

/** A replica or instance in a few words: `read replica of orders in ap-northeast-2b`. */
function describeMember(member: ReadReplica | ClusterInstance): string {
  const where = member.az ?? member.region;
  let what: string;
  if (member.kind === 'replica') what = member.crossRegion ? l10n.t`cross-Region read replica of ${member.source.name}` : l10n.t`read replica of ${member.source.name}`;
  else what = member.role === 'writer' ? l10n.t`writer instance of ${member.database}` : l10n.t`reader instance of ${member.database}`;
  return where ? l10n.t`${what} in ${where}` : what;
}
