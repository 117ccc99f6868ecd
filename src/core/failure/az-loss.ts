// Whether a database survives the loss of one AZ: the verdict the availability rules (arch/single-az,
// rds/multi-az-production, aurora/no-reader-production, elasticache/no-failover-production,
// elasticache/multi-az-needs-replica) read, computed by the same evaluators as simulate(), so a
// finding and the simulation never disagree.
import * as l10n from '../l10n';
import type { Architecture, Database } from '../model/model';
import type { Topology } from '../topology/topology';
import type { Loss } from './context';
import { contextOf, evaluate } from './simulate';
import type { DatabaseOutcome, NodeFate } from './types';
import { compareOutcomes } from './worst';
import type { Steps } from '../steps';

/**
 * How a database fares when one AZ of its Region is lost, at worst: what the rules read, and nothing
 * more, since every database's verdict is kept with the Topology for as long as the lint result lives
 * (the full outcomes are the simulation's: simulate()).
 */
export interface AzLossVerdict {
  /** The AZ whose loss is the worst case; undefined when it is an AZ where the file places nothing of the database. */
  az: string | undefined;
  /** Some single AZ loss leaves it with neither reads nor writes. */
  down: boolean;
  /** Every single AZ loss leaves it taking writes (after any automatic failover). */
  keepsWrites: boolean;
  /** Some single AZ loss takes its whole DAX cluster. */
  daxLost: boolean;
}

/** The verdicts worked out for a Topology, by database (a verdict is for that database object, whatever its name). */
const verdicts = new WeakMap<Topology, Map<Database, AzLossVerdict>>();

/** Whether the AZ-loss verdict concerns a database: Redshift, QLDB and Timestream are left to other rules. */
export function judgedByAzLoss(database: Database): boolean {
  return database.service !== 'redshift' && database.service !== 'qldb' && database.service !== 'timestream';
}

/**
 * Works out the verdict of every database it concerns, one database per step: the lint runs this
 * before its rules, so the editor can pause between databases rather than inside the first rule that
 * asks (the verdicts are kept for the Topology, and the rules then read them).
 */
export function* judgeAzLossSteps(model: Architecture, topology: Topology): Steps<void> {
  for (const database of model.databases) {
    if (!judgedByAzLoss(database)) continue;
    try {
      azLoss(model, topology, database);
    } catch {
      // A verdict that throws is a dbarch bug: nothing is kept, so the rule that asks for it throws
      // inside the lint's guard, which turns it into a finding instead of failing the whole lint.
    }
    yield;
  }
}

/**
 * The worst a single AZ loss does to a database: over every AZ of its Region the file places some of it
 * in, and over one AZ it places nothing in (where the nodes the file does not place may be).
 */
export function azLoss(model: Architecture, topology: Topology, database: Database): AzLossVerdict {
  let cache = verdicts.get(topology);
  if (!cache) {
    cache = new Map();
    verdicts.set(topology, cache);
  }
  const cached = cache.get(database);
  if (cached) return cached;

  const context = contextOf(model, topology);
  const region = database.region;
  const placed = [...context.placedAzs(database)].filter((az) => region === undefined || context.regionOf(az) === region).sort();
  const losses: Loss[] = [
    ...placed.map((az): Loss => ({ kind: 'az', az, region: region ?? context.regionOf(az), placesHere: true })),
    { kind: 'az', az: region !== undefined ? l10n.t`an AZ of ${region}` : l10n.t`an AZ of its Region`, region, placesHere: false },
  ];
  let worst: DatabaseOutcome | undefined;
  let az: string | undefined;
  let keepsWrites = true;
  let daxLost = false;
  for (const loss of losses) {
    const evaluated = evaluate(context, database, loss);
    keepsWrites &&= evaluated.outcome.writes;
    if (!daxLost) daxLost = takesDax(topology, evaluated.fates);
    if (!worst || compareOutcomes(evaluated.outcome, worst) < 0) {
      worst = evaluated.outcome;
      az = loss.kind === 'az' && loss.placesHere ? loss.az : undefined;
    }
  }
  const result: AzLossVerdict = { az, down: worst!.state === 'down', keepsWrites, daxLost };
  cache.set(database, result);
  return result;
}

/** Whether the fates of an evaluation include a failed DAX cluster. */
function takesDax(topology: Topology, fates: ReadonlyMap<string, NodeFate>): boolean {
  for (const [id, fate] of fates) if (fate === 'failed' && topology.nodeById.get(id)?.kind === 'dax') return true;
  return false;
}
