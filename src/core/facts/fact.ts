// A number or list about AWS, with the public page it comes from.

/** A fact a rule may rely on. `unconfirmed` facts never produce an error-level finding. */
export interface Fact<T> {
  value: T;
  /** The public page the value comes from (an address without the scheme, as in aws-facts.md). */
  source: string;
  unconfirmed?: boolean;
}

/** Declares a fact. */
export function fact<T>(value: T, source: string, options: { unconfirmed?: boolean } = {}): Fact<T> {
  return { value, source, ...options };
}
