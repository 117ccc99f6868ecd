// Work in steps: the parse and the lint are written as generators that `yield` at points where they
// may pause. The CLI and the tests run them straight through (`runSteps`); the editor runs them in
// slices of a few milliseconds (`runInSlices`) so that linting a large file never holds up the
// extension host for long, and a lint that a newer edit has made stale stops at its next pause.

/** A computation that yields wherever it may pause and returns its result at the end. */
export type Steps<T> = Generator<void, T, void>;

/** Runs steps to the end without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** How to run steps in slices. */
export interface Slicing {
  /** Run for at least this long before pausing (milliseconds); 0 pauses at every step. Default 12. */
  sliceMs?: number;
  /** Asked after every pause: true stops the work, and the result is undefined. */
  cancelled?: () => boolean;
  /** Lets other work run; by default, until the next macrotask (see nextMacrotask). */
  pause?: () => Promise<void>;
}

/**
 * Runs steps, pausing whenever a slice has run for `sliceMs`, so that other events are handled in
 * between. Resolves to the result, or to undefined when `cancelled` says so at a pause.
 */
export async function runInSlices<T>(steps: Steps<T>, slicing: Slicing = {}): Promise<T | undefined> {
  const { sliceMs = 12, cancelled, pause = nextMacrotask } = slicing;
  let started = performance.now();
  let step = steps.next();
  while (!step.done) {
    if (performance.now() - started >= sliceMs) {
      await pause();
      if (cancelled?.()) {
        steps.return(undefined as never);
        return undefined;
      }
      started = performance.now();
    }
    step = steps.next();
  }
  return step.value;
}

/**
 * Resolves once pending events have had their turn: `setImmediate` in Node (the desktop extension
 * host, the CLI); a message to itself in a browser or web worker (the web extension host), where a
 * chain of `setTimeout(0)` is held back to 4 ms a step after the first few.
 */
function nextMacrotask(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  if (immediate) return new Promise((resolve) => void immediate(resolve));
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(undefined);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
