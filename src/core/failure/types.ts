// The failure simulation's public shapes: what fails (a scenario), and what becomes of each database,
// each drawn node and each connection of the Topology.
import type { Service } from '../model/model';

/** What fails: one Availability Zone, one Region, or one named database (its primary) or member. */
export type FailureScenario =
  | { kind: 'az'; az: string }
  | { kind: 'region'; region: string }
  | { kind: 'node'; node: string /* a database name or a member (instance/replica) name as written in the file */ };

/** What becomes of one Topology node. */
export type NodeFate = 'up' | 'failed' | 'promoted' | 'degraded' | 'read-only';

/** What becomes of one Topology edge; `reconnect`: works again once the application uses a new endpoint. */
export type ConnectionFate = 'works' | 'broken' | 'reconnect' | 'degraded';

/** A recovery time or a data-loss window: a range in seconds when the facts give one, and words always. */
export interface Duration {
  /** e.g. [60, 120]; absent when the facts give no figure ("the restore time", "minutes"). */
  seconds?: [number, number];
  text: string;
}

/** The state of a database right after the failure, once any automatic failover has finished. */
export type DatabaseState = 'unaffected' | 'failed-over' | 'degraded' | 'read-only' | 'down';

/** What one failure does to one database. */
export interface DatabaseOutcome {
  database: string;
  service: Service;
  /**
   * unaffected: nothing of it failed. failed-over: its writer failed and a standby, reader or replica
   * took over without anyone acting (RTO is that takeover). degraded: it keeps serving reads and writes
   * but lost part of itself (a replica, a standby, cache nodes, a Region's replica). read-only: reads
   * go on, writes stop until someone acts (promotes a replica by hand) or AWS replaces the writer.
   * down: neither, until the writer is rebuilt, restored or its AZ/Region is back.
   */
  state: DatabaseState;
  /** Whether it serves reads once any automatic failover has finished. */
  reads: boolean;
  /** Whether it takes writes once any automatic failover has finished. */
  writes: boolean;
  rto: Duration;
  rpo: Duration;
  /** Why, in a few sentences, saying which facts of the file it relies on and what it had to assume. */
  explanation: string;
  /** What the design could change to do better in this scenario. */
  improvements: string[];
  /** The sources (addresses, as in the facts module) of every AWS fact used. */
  facts: string[];
  /** What the file does not say and the simulation had to assume (also told in the explanation). */
  assumptions: string[];
}

/** The outcome of one application connection (one `connects` entry), over all the edges it draws. */
export interface ApplicationConnectionOutcome {
  application: string;
  /** As written: `orders`, `orders/orders-replica-1`. */
  to: string;
  access: 'read' | 'read-write';
  endpoint?: string;
  /** The pointer of the `connects` entry. */
  pointer: string;
  fate: ConnectionFate;
  note: string;
  /** Indexes into topology.edges of the edges this connection draws. */
  edges: number[];
}

/** One edge's fate. */
export interface EdgeOutcome {
  /** Index into topology.edges. */
  edgeIndex: number;
  fate: ConnectionFate;
  note: string;
  /** For a connection that keeps or regains service: the node that serves it now (a promoted standby, another reader). */
  servedBy?: string;
}

/** What one failure does to a whole architecture. */
export interface Simulation {
  scenario: FailureScenario;
  /** The scenario in words: "loss of AZ ap-northeast-2a". */
  description: string;
  /** One per database of the file, in file order. */
  databases: DatabaseOutcome[];
  /** Every Topology node, by id. */
  nodes: Map<string, NodeFate>;
  /** One per Topology edge, in edge order. */
  connections: EdgeOutcome[];
  /** One per application `connects` entry that draws an edge, in file order. */
  applications: ApplicationConnectionOutcome[];
}

/** A database's worst outcome over several scenarios, and the scenario that gives it. */
export interface WorstOutcome extends DatabaseOutcome {
  scenario: FailureScenario;
}
