// Words for a rule's metadata, shared by the docs generator, `dbarch explain` and the config schema.
import { ENVIRONMENTS } from '../findings';
import { severityIn, type SeveritySpec } from './rule';

/** "error", or "warning in production, info in staging, off in development and test". */
export function describeSeverity(spec: SeveritySpec): string {
  if (typeof spec === 'string') return spec;
  const groups = new Map<string, string[]>();
  for (const environment of ENVIRONMENTS) {
    const level = severityIn(spec, environment);
    groups.set(level, [...(groups.get(level) ?? []), environment]);
  }
  return [...groups]
    .map(([level, environments]) => `${level} in ${environments.length > 1 ? `${environments.slice(0, -1).join(', ')} and ${environments[environments.length - 1]}` : environments[0]}`)
    .join(', ');
}
