// The sentences of a capacity report and the numbers in them, shared by the CLI table and the hover.
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

/** `1 partition`, `3 partitions`. */
export function counted(count: number, singular: string, plural = singular + 's'): string {
  return `${amount(count)} ${count === 1 ? singular : plural}`;
}

/** What share of `whole` `part` is, in percent (0 when there is no whole). */
export function share(part: number, whole: number): number {
  return whole > 0 ? (part / whole) * 100 : 0;
}
