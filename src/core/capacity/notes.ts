// The sentences of a capacity report and the numbers in them, shared by the CLI table and the hover.
import * as l10n from '../l10n';
import { formatNumber } from '../text';

/** One sentence of a capacity report; `warning` marks a need above a limit or above what is provisioned. */
export interface Note {
  text: string;
  warning?: boolean;
}

/** A plain note. */
export function note(text: string): Note {
  return { text };
}

/** A note about a need above a limit or above what is provisioned. */
export function warning(text: string): Note {
  return { text, warning: true };
}

/**
 * A number for a report: thousands separated, two decimals; small nonzero values keep two significant
 * digits (a per-key share of 0.001 RCU must not print as 0).
 */
export function amount(value: number): string {
  if (value !== 0 && Math.abs(value) < 0.01) return String(Number(value.toPrecision(2)));
  return formatNumber(value);
}

/** What a report counts, for `countOf`. */
export type Counted = 'partition' | 'read replica' | 'reader' | 'secondary Region' | 'instance' | 'replica instance' | 'replica' | 'shard' | 'node' | 'Region' | 'db.serverless instance';

/** `1 partition`, `3 partitions`: a count and what it counts, in the language of the moment. */
export function countOf(count: number, what: Counted): string {
  const n = amount(count);
  const one = count === 1;
  switch (what) {
    case 'partition':
      return one ? l10n.t`${n} partition` : l10n.t`${n} partitions`;
    case 'read replica':
      return one ? l10n.t`${n} read replica` : l10n.t`${n} read replicas`;
    case 'reader':
      return one ? l10n.t`${n} reader` : l10n.t`${n} readers`;
    case 'secondary Region':
      return one ? l10n.t`${n} secondary Region` : l10n.t`${n} secondary Regions`;
    case 'instance':
      return one ? l10n.t`${n} instance` : l10n.t`${n} instances`;
    case 'replica instance':
      return one ? l10n.t`${n} replica instance` : l10n.t`${n} replica instances`;
    case 'replica':
      return one ? l10n.t`${n} replica` : l10n.t`${n} replicas`;
    case 'shard':
      return one ? l10n.t`${n} shard` : l10n.t`${n} shards`;
    case 'node':
      return one ? l10n.t`${n} node` : l10n.t`${n} nodes`;
    case 'Region':
      return one ? l10n.t`${n} Region` : l10n.t`${n} Regions`;
    case 'db.serverless instance':
      return one ? l10n.t`${n} db.serverless instance` : l10n.t`${n} db.serverless instances`;
  }
}

/** `a and b`, `a and b and c`: phrases joined with the language's `and`. */
export function joinAnd(items: readonly string[]): string {
  return items.length ? items.reduce((list, item) => l10n.t`${list} and ${item}`) : '';
}

/** What share of `whole` `part` is, in percent (0 when there is no whole). */
export function share(part: number, whole: number): number {
  return whole > 0 ? (part / whole) * 100 : 0;
}
