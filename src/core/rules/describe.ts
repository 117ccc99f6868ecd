// Words for a rule's metadata, shared by the docs generator, `dbarch explain` and the config schema.
import { ENVIRONMENTS, type Environment, type Level } from '../findings';
import * as l10n from '../l10n';
import { severityIn, type SeveritySpec } from './rule';

/** A level as a word of a sentence ("warning"), in the configured language. */
function levelWord(level: Level): string {
  switch (level) {
    case 'error':
      return l10n.t('error');
    case 'warning':
      return l10n.t('warning');
    case 'info':
      return l10n.t('info');
    case 'off':
      return l10n.t('off');
  }
}

/** An environment as a word of a sentence ("production"), in the configured language. */
export function environmentWord(environment: Environment): string {
  switch (environment) {
    case 'production':
      return l10n.t('production');
    case 'staging':
      return l10n.t('staging');
    case 'development':
      return l10n.t('development');
    case 'test':
      return l10n.t('test');
  }
}

/** "production", "development and test", "production, staging and test". */
function environmentList(environments: readonly Environment[]): string {
  const words = environments.map(environmentWord);
  if (words.length <= 1) return words.join('');
  return l10n.t('{0} and {1}', [words.slice(0, -1).join(', '), words[words.length - 1]]);
}

/** "error", or "warning in production, info in staging, off in development and test". */
export function describeSeverity(spec: SeveritySpec): string {
  if (typeof spec === 'string') return levelWord(spec);
  const groups = new Map<Level, Environment[]>();
  for (const environment of ENVIRONMENTS) {
    const level = severityIn(spec, environment);
    groups.set(level, [...(groups.get(level) ?? []), environment]);
  }
  return [...groups].map(([level, environments]) => l10n.t('{level} in {environments}', { level: levelWord(level), environments: environmentList(environments) })).join(', ');
}
