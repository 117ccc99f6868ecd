// Engine versions compared as numbers, segment by segment (8.0.40 > 8.0.9, 14.10 > 14.9): the one
// comparison every rule and the editor's suggestions use.

/**
 * The leading numbers of an engine version: `8.0.35` -> [8, 0, 35], `11.22-rds.20241121` -> [11, 22],
 * `19.0.0.0.ru-2024-01.rur-2024-01.r1` -> [19, 0, 0, 0], `5.7.mysql_aurora.2.11.2` -> [5, 7].
 * Reading stops at the first segment that is not a plain number. Undefined when there is no number.
 */
export function versionNumbers(version: string): number[] | undefined {
  const numbers: number[] = [];
  for (const segment of version.trim().split('.')) {
    const match = /^(\d+)(.*)$/.exec(segment);
    if (!match) break;
    numbers.push(Number(match[1]));
    if (match[2] !== '') break;
  }
  return numbers.length > 0 ? numbers : undefined;
}

/**
 * Compares two engine versions numerically, segment by segment; a missing segment counts as 0
 * (`14` = `14.0`). Negative when a < b, 0 when equal, positive when a > b; undefined when either has
 * no leading number.
 */
export function compareVersions(a: string, b: string): number | undefined {
  const left = versionNumbers(a);
  const right = versionNumbers(b);
  if (!left || !right) return undefined;
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * Whether `version` is `minimum` or later; undefined when either cannot be read as a version, or when
 * the version is written less precisely than the minimum and agrees with it as far as it goes
 * (`14` against `14.1`, `12.1` against `12.1.4`): the file does not say which side it is on.
 */
export function versionAtLeast(version: string, minimum: string): boolean | undefined {
  const given = versionNumbers(version);
  const needed = versionNumbers(minimum);
  if (!given || !needed) return undefined;
  if (given.length < needed.length && given.every((segment, index) => segment === needed[index])) return undefined;
  const order = compareVersions(version, minimum);
  return order === undefined ? undefined : order >= 0;
}

/** Whether `version` lies in [from, below); undefined when it cannot be read as a version or is too imprecise to tell. */
export function versionInRange(version: string, range: { from: string; below?: string }): boolean | undefined {
  const atLeast = versionAtLeast(version, range.from);
  if (atLeast === undefined) return undefined;
  if (!atLeast || range.below === undefined) return atLeast;
  const beyond = versionAtLeast(version, range.below);
  return beyond === undefined ? undefined : !beyond;
}
