// Naming heuristics shared by the DynamoDB partition-key rules: what an attribute name says about
// how many distinct values it has and whether it is a point in time.
import * as l10n from '../../l10n';

/** The words of an attribute name: `orderStatus`, `order_status` and `order-status` all give [order, status]. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Words that name a small set of values (an enum, a flag, a coarse category). */
const LOW_CARDINALITY_WORDS = new Set([
  'status', 'state', 'type', 'kind', 'category', 'gender', 'sex', 'country', 'flag', 'enabled', 'active', 'deleted',
  'level', 'tier', 'priority', 'color', 'colour', 'language', 'lang', 'locale', 'currency', 'stage', 'phase', 'grade', 'rating', 'class',
]);

/** Prefixes of boolean attributes. */
const BOOLEAN_PREFIXES = new Set(['is', 'has', 'can', 'should', 'was']);

/** Words that make an attribute a point in time or a calendar bucket. */
const DATE_WORDS = new Set(['date', 'day', 'time', 'timestamp', 'datetime', 'ts', 'hour', 'minute', 'week', 'month', 'year', 'yyyymmdd', 'dt']);

/** Why a key name suggests few distinct values, or undefined. */
export function lowCardinalityReason(name: string): string | undefined {
  const parts = words(name);
  if (parts.length === 0) return undefined;
  if (BOOLEAN_PREFIXES.has(parts[0]) && parts.length > 1) return l10n.t('`{name}` reads as a true/false flag (two values)', { name });
  const last = parts[parts.length - 1];
  // `word` is the English word of the name that gives it away (`status`, `type`): a quote, not translated.
  if (LOW_CARDINALITY_WORDS.has(last)) return l10n.t('`{name}` reads as a {word} (a handful of values)', { name, word: last });
  return undefined;
}

/** Whether a key name is a date, a time or a timestamp (`created_at`, `order_date`, `ts`). */
export function isDateName(name: string): boolean {
  const parts = words(name);
  if (parts.length === 0) return false;
  const last = parts[parts.length - 1];
  if (DATE_WORDS.has(last)) return true;
  // created_at, sent_at, expires_at, starts_at: the Rails-style "<event>_at" timestamp.
  return last === 'at' && parts.length > 1;
}
