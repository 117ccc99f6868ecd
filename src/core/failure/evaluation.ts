// One database's evaluation under one loss: node fates, how connections to its nodes fare, and the
// outcome (state, RTO, RPO, why, what to change, which facts).
import type { Fact } from '../facts';
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
    const outcome: DatabaseOutcome = {
      database: this.database.name,
      service: this.database.service,
      ...result,
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
  if (fate === 'failed') return { fate: 'broken', note: `${target.label} failed.` };
  if (request.access === 'read-write' && !outcome.writes) return { fate: 'degraded', note: `reads only: ${outcome.database} takes no writes.` };
  if (fate === 'degraded') return { fate: 'works', note: `${target.label} is degraded but serves.` };
  return { fate: 'works', note: fate === 'promoted' ? `${target.label} was promoted and serves it.` : '' };
}

/** The data lost with a Region that holds the only copy. */
export const REGION_RPO = 'all of it, unless the Region comes back';

/** No time and no data lost. */
export const NONE: Duration = { seconds: [0, 0], text: 'none' };

/** A duration in seconds: "60-120 s", "about 30 s", "under 35 s". */
export function seconds(min: number, max: number, text?: string): Duration {
  return { seconds: [min, max], text: text ?? (min === max ? `about ${min} s` : min === 0 ? `under ${max} s` : `${min}-${max} s`) };
}

/** A duration the facts give no figure for. */
export function words(text: string): Duration {
  return { text };
}

/** "the AZ ap-northeast-2a", "the Region ap-northeast-1", "the failure of orders-replica-1": what was lost, for sentences. */
export function lossWords(loss: Loss): string {
  return loss.kind === 'az' ? `the loss of ${loss.az}` : loss.kind === 'region' ? `the loss of the Region ${loss.region}` : `the failure of ${loss.name}`;
}

/** "in ap-northeast-2a", "in another AZ": where a node runs, for sentences. */
export function where(node: Pick<TopologyNode, 'az' | 'region'> | undefined, fallback = 'in an AZ the file does not name'): string {
  if (node?.az) return `in ${node.az}`;
  return fallback;
}

/** `a`, `a and b`, `a, b and c`. */
export function names(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
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
