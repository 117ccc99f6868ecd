// Random edits of a YAML text, the same every run, for the tests that compare thousands of edited
// texts' reads with a whole read (yaml-edit.test.ts, yaml-compose.test.ts).

/** Numbers in [0, 1) from a seed, the same sequence every run (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What may be typed: word characters most often, and every character that means something in YAML. */
export const TYPED = ['a', 'e', 'x', '1', '0', ' ', ' ', '\n', ':', ': ', '-', '- ', '#', '"', "'", '[', ']', '{', '}', ',', '|', '>', '&a', '*a', '!', '%', '\t', '? ', '---', '...', '  ', '\n#\n', '\n \n', ':\n\n# c\n', '\n: '];

/** One edit, as a user might make it: typing, deleting, retyping a line, indenting or outdenting. */
export function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const pick = next();
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
  if (pick < 0.45) return text.slice(0, at) + TYPED[Math.floor(next() * TYPED.length)] + text.slice(at);
  if (pick < 0.7) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 4));
  if (pick < 0.8) return text.slice(0, lineStart) + '  ' + text.slice(lineStart);
  if (pick < 0.85) return text.slice(0, lineStart) + text.slice(lineStart).replace(/^ {1,2}/, '');
  if (pick < 0.92) return text.slice(0, lineEnd) + '\n' + text.slice(lineStart, lineEnd) + text.slice(lineEnd);
  return text.slice(0, lineStart) + text.slice(Math.min(text.length, lineEnd + 1));
}
