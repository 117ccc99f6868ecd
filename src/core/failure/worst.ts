// The worst of several outcomes of one database: what --all-azs reports.
import type { Architecture } from '../model/model';
import type { Topology } from '../topology/topology';
import { simulate } from './simulate';
import type { DatabaseOutcome, DatabaseState, FailureScenario, WorstOutcome } from './types';

/** How bad a state is: an outage first, then lost writes, then a failover's pause, then lost parts. */
const STATE_RANK: Record<DatabaseState, number> = { unaffected: 0, degraded: 1, 'failed-over': 2, 'read-only': 3, down: 4 };

/**
 * Orders outcomes from worst to best: by state, then by the longest RTO, then the largest RPO (a
 * duration the facts give no figure for counts as longer than any figure).
 */
export function compareOutcomes(a: DatabaseOutcome, b: DatabaseOutcome): number {
  const upper = (duration: DatabaseOutcome['rto']): number => duration.seconds?.[1] ?? Infinity;
  return STATE_RANK[b.state] - STATE_RANK[a.state] || upper(b.rto) - upper(a.rto) || upper(b.rpo) - upper(a.rpo);
}

/** Per database (in file order), the worst outcome over the scenarios and the first scenario that gives it. */
export function worstCase(model: Architecture, topology: Topology, scenarios: readonly FailureScenario[]): WorstOutcome[] {
  const worst = new Map<string, WorstOutcome>();
  for (const scenario of scenarios) {
    for (const outcome of simulate(model, topology, scenario).databases) {
      const current = worst.get(outcome.database);
      if (!current || compareOutcomes(outcome, current) < 0) worst.set(outcome.database, { ...outcome, scenario });
    }
  }
  return [...worst.values()];
}
