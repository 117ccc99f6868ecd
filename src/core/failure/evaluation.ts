// One database's evaluation under one loss: node fates, how connections to its nodes fare, and the
// outcome (state, RTO, RPO, why, what to change, which facts).
import type { Fact } from '../facts';
import * as l10n from '../l10n';
import type { Database } from '../model/model';
import type { TopologyNode } from '../topology/topology';
import type { FailureContext, Loss } from './context';
import type { ConnectionFate, DatabaseOutcome, DatabaseState, Duration, NodeFate } from './types';

/** What an application asks of a node over one edge. */
export interface Request {
  access: 'read' | 'read-write';
  /** `reader` or a custom endpoint's name; undefined or `writer` for the database's main endpoint. */
  endpoint: string | undefined;
  /** The connection names one member (`orders/orders-replica-1`): it uses that instance's own endpoint. */
  direct: boolean;
}

/** How a connection to one node fares. */
export interface Route {
  fate: ConnectionFate;
  note: string;
  servedBy?: string;
}

/** The result of evaluating one database. */
export interface Evaluated {
  outcome: DatabaseOutcome;
  /** Fates of the database's nodes that are not `up`. */
  fates: Map<string, NodeFate>;
  /** How a connection to one of its nodes fares. */
  route(target: TopologyNode, request: Request): Route;
}

/** Collects an evaluation's pieces; `finish` turns them into the outcome. */
export class Evaluation {
  readonly fates = new Map<string, NodeFate>();
  private readonly sources = new Set<string>();
  private readonly sentences: string[] = [];
  private readonly changes: string[] = [];
  private readonly assumed: string[] = [];

  constructor(
    readonly context: FailureContext,
    readonly database: Database,
    readonly loss: Loss,
  ) {}

  /** A fact's value, recording its source for the outcome. */
  use<T>(item: Fact<T>): T {
    this.sources.add(item.source);
    return item.value;
  }

  fate(node: TopologyNode | undefined, fate: NodeFate): void {
    if (node && fate !== 'up') this.fates.set(node.id, fate);
  }

  fateOf(node: TopologyNode | undefined): NodeFate {
    return (node && this.fates.get(node.id)) ?? 'up';
  }

  say(sentence: string): void {
    // Sentences may start with `lossWords()` ("the loss of ..."); names of the file keep their case.
    if (sentence) this.sentences.push(sentence.startsWith('the ') ? 'T' + sentence.slice(1) : sentence);
  }

  hasSaid(): boolean {
    return this.sentences.length > 0;
  }

  /** Something the file does not say, which the simulation assumes (also said in the explanation). */
  assume(assumption: string): void {
    if (!this.assumed.includes(assumption)) this.assumed.push(assumption);
    this.say(assumption);
  }

  improve(change: string): void {
    if (!this.changes.includes(change)) this.changes.push(change);
  }

  finish(result: { state: DatabaseState; reads: boolean; writes: boolean; rto: Duration; rpo: Duration }, route?: Evaluated['route']): Evaluated {
    // The result's fields are named, not spread: a spread into this literal was the slow path of every
    // evaluation (four per database in each lint, for the AZ-loss verdicts).
    const outcome: DatabaseOutcome = {
      database: this.database.name,
      service: this.database.service,
      state: result.state,
      reads: result.reads,
      writes: result.writes,
      rto: result.rto,
      rpo: result.rpo,
      explanation: this.sentences.join(' '),
      improvements: [...this.changes],
      facts: [...this.sources].sort(),
      assumptions: [...this.assumed],
    };
    return { outcome, fates: this.fates, route: route ?? ((target, request) => defaultRoute(this, outcome, target, request)) };
  }
}

/** A connection to a node that is up works; to a failed node it is broken; writes to a database that lost them degrade it. */
export function defaultRoute(evaluation: Evaluation, outcome: DatabaseOutcome, target: TopologyNode, request: Request): Route {
  const fate = evaluation.fateOf(target);
  if (fate === 'failed') return { fate: 'broken', note: l10n.t`${target.label} failed.` };
  if (request.access === 'read-write' && !outcome.writes) return { fate: 'degraded', note: l10n.t`reads only: ${outcome.database} takes no writes.` };
  if (fate === 'degraded') return { fate: 'works', note: l10n.t`${target.label} is degraded but serves.` };
  return { fate: 'works', note: fate === 'promoted' ? l10n.t`${target.label} was promoted and serves it.` : '' };
}

/** The data lost with a Region that holds the only copy (a function: the text is in the language of the moment). */
export function regionRpo(): string {
  return l10n.t`all of it, unless the Region comes back`;
}

/** No time and no data lost. */
export function none(): Duration {
  return { seconds: [0, 0], text: l10n.t`none` };
}

/** A duration in seconds: "60-120 s", "about 30 s", "under 35 s". */
export function seconds(min: number, max: number, text?: string): Duration {
  return { seconds: [min, max], text: text ?? (min === max ? l10n.t`about ${min} s` : min === 0 ? l10n.t`under ${max} s` : l10n.t`${min}-${max} s`) };
}

/** A duration the facts give no figure for. */
export function words(text: string): Duration {
  return { text };
}

/** "the AZ ap-northeast-2a", "the Region ap-northeast-1", "the failure of orders-replica-1": what was lost, for sentences. */
export function lossWords(loss: Loss): string {
  return loss.kind === 'az' ? l10n.t`the loss of ${loss.az}` : loss.kind === 'region' ? l10n.t`the loss of the Region ${loss.region}` : l10n.t`the failure of ${loss.name}`;
}

/** "in ap-northeast-2a", "in another AZ": where a node runs, for sentences. */
export function where(node: Pick<TopologyNode, 'az' | 'region'> | undefined, fallback?: string): string {
  if (node?.az) return inPlace(node.az);
  return fallback ?? l10n.t`in an AZ the file does not name`;
}

/** "in ap-northeast-2a", "in ap-northeast-1": an AZ or Region a node runs in, for sentences. */
export function inPlace(place: string): string {
  return l10n.t('in {place}', { place });
}

/** "in another AZ": where a standby or reader the file does not place runs. */
export function inAnotherAz(): string {
  return l10n.t`in another AZ`;
}

/** `a`, `a and b`, `a, b and c`. */
export function names(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const head = items.slice(0, -1).join(', ');
  const last = items[items.length - 1];
  return l10n.t`${head} and ${last}`;
}


/** How many of `count` nodes spread round-robin over `azs` land in `az` (counted, not looped: the count comes from the file). */
export function nodesIn(azs: readonly string[], count: number, az: string): number {
  if (!Number.isFinite(count) || count <= 0 || azs.length === 0) return 0;
  const whole = Math.floor(count);
  let lost = 0;
  azs.forEach((candidate, position) => {
    if (candidate === az && position < whole) lost += Math.ceil((whole - position) / azs.length);
  });
  return lost;
}

/** The sentence for a database a loss does not touch: "orders-replica-1 is not part of orders.", "Nothing of orders runs in ap-northeast-2a." */
export function nothingHere(name: string, loss: Loss): string {
  if (loss.kind === 'node') return l10n.t`${loss.name} is not part of ${name}.`;
  const place = loss.kind === 'az' ? loss.az : loss.region;
  return l10n.t`Nothing of ${name} runs in ${place}.`;
}

/** The recovery time of a database whose only Region is lost. */
export function untilRegionBack(): string {
  return l10n.t`until the Region is back`;
}

/** A replication mode the facts write in English (`asynchronous`, `synchronous`), in the language of the moment. */
export function replicationWord(mode: string): string {
  if (mode === 'asynchronous') return l10n.t`asynchronous`;
  if (mode === 'synchronous') return l10n.t`synchronous`;
  return mode;
}

/** A connection's note when its database's Region is lost with the only copy. */
export function downUntilRegionBack(name: string, region: string | undefined): string {
  return region !== undefined ? l10n.t`${name} is down until ${region} is back.` : l10n.t`${name} is down until its Region is back.`;
}
