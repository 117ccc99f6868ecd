// rds/engine-end-of-support: an engine version past the end of RDS standard support (it runs on paid Extended Support).
import { RDS_EXTENDED_SUPPORT_YEARS, STANDARD_SUPPORT_ENDS, SUPPORT_DATES_AS_OF, type StandardSupportEnd, type SupportedLifecycleEngine } from '../../facts';
import * as l10n from '../../l10n';
import { majorVersion } from '../helpers/rds-engines';
import { compareVersions } from '../helpers/versions';
import { defineRule } from '../rule';

const ENGINE_NAMES: Record<SupportedLifecycleEngine, string> = {
  mysql: 'RDS for MySQL',
  postgres: 'RDS for PostgreSQL',
  'aurora-mysql': 'Aurora MySQL',
  'aurora-postgresql': 'Aurora PostgreSQL',
};

/** The support end that covers a major version: its own, or that of the closest newer major version that has already ended. */
function endOfSupport(engine: SupportedLifecycleEngine, major: string): StandardSupportEnd | undefined {
  let best: StandardSupportEnd | undefined;
  for (const { value } of STANDARD_SUPPORT_ENDS) {
    if (value.engine !== engine || value.endedOn > SUPPORT_DATES_AS_OF) continue;
    const order = compareVersions(major, value.major);
    if (order === undefined || order > 0) continue;
    if (!best || (compareVersions(value.major, best.major) ?? 0) < 0) best = value;
  }
  return best;
}

export default defineRule({
  meta: {
    id: 'rds/engine-end-of-support',
    description: 'An RDS or Aurora engine version is past the end of standard support, so it runs on paid RDS Extended Support.',
    severity: 'warning',
    fixable: false,
    anchors: ['checkov', 'cfn-lint W3691'],
  },
  check({ model, report }) {
    for (const database of model.databases) {
      if (database.service !== 'rds' && database.service !== 'aurora') continue;
      const engine = database.engine;
      if (engine !== 'mysql' && engine !== 'postgres' && engine !== 'aurora-mysql' && engine !== 'aurora-postgresql') continue;
      const version = database.engineVersion;
      if (version === undefined) continue;
      const major = majorVersion(engine, version);
      if (major === undefined) continue;
      const end = endOfSupport(engine, major);
      if (!end) continue;
      const name = ENGINE_NAMES[engine];
      const values = { database: database.name, engine: name, version, major, ended: end.endedOn, newer: end.major, asOf: SUPPORT_DATES_AS_OF };
      report({
        pointer: `${database.pointer}/engineVersion`,
        part: 'value',
        message:
          (major === end.major
            ? l10n.t('{database} runs {engine} {version}: standard support for {engine} {major} ended on {ended} (support dates as of {asOf}).', values)
            : l10n.t('{database} runs {engine} {version}: {engine} {major} is older than {newer}, whose standard support already ended on {ended} (support dates as of {asOf}).', values)) +
          ' ' +
          l10n.t`Past that date RDS keeps it running only on RDS Extended Support, a paid add-on on top of the instance price, for up to ${RDS_EXTENDED_SUPPORT_YEARS.value} years before it upgrades the database itself.` +
          ' ' +
          l10n.t`Plan a major version upgrade to a version still in standard support, and test it on a copy first.`,
      });
    }
  },
});
