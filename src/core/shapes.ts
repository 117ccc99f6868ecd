// The shapes of values: what a value read from a file is, and how objects on the hot paths are built.
//
// Objects built on the hot paths of a lint (Topology nodes and edges, model members) are written with
// every field named, in one order, rather than spread from another object. V8 gives objects of one
// shape its fast paths, and spreading into a literal that then adds fields is a slow runtime path:
// at 1,000 databases, spreads were half the cost of the Topology.

/** An object type with every optional field required to be written (its value may be undefined). */
export type Complete<T> = { [K in keyof Required<T>]: T[K] };

/** Whether a value read from a file is a mapping (an object that is not a list). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
