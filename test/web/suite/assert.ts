// The few assertions the web suite needs, standing in for `node:assert/strict` in its bundle (the
// shared helpers import that). The web extension host is a web worker, where Node's `assert` does not
// exist; these throw an AssertionError-like Error with both values in the message.

export class AssertionError extends Error {
  override name = 'AssertionError';
}

export function ok(value: unknown, message?: string): asserts value {
  if (!value) throw new AssertionError(message ?? `expected a truthy value, got ${show(value)}`);
}

export function equal<T>(actual: T, expected: T, message?: string): void {
  if (!Object.is(actual, expected)) throw new AssertionError(`${message ? `${message}: ` : ''}expected ${show(expected)}, got ${show(actual)}`);
}

export function notEqual<T>(actual: T, expected: T, message?: string): void {
  if (Object.is(actual, expected)) throw new AssertionError(`${message ? `${message}: ` : ''}expected anything but ${show(expected)}`);
}

/** Structural equality of plain data (arrays, objects, numbers, strings): what JSON would keep. */
export function deepEqual(actual: unknown, expected: unknown, message?: string): void {
  const [a, b] = [JSON.stringify(actual), JSON.stringify(expected)];
  if (a !== b) throw new AssertionError(`${message ? `${message}: ` : ''}expected ${b}, got ${a}`);
}

export function match(actual: string, pattern: RegExp, message?: string): void {
  if (!pattern.test(actual)) throw new AssertionError(`${message ? `${message}: ` : ''}${show(actual)} does not match ${pattern}`);
}

export function fail(message: string): never {
  throw new AssertionError(message);
}

function show(value: unknown): string {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}
