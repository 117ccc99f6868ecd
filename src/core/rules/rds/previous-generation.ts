// rds/previous-generation: a retired or previous-generation instance class (db.m4, db.r4, db.t2, db.m3, ...).
import { DB_BURSTABLE_FAMILY, DB_PREVIOUS_GENERATION_CLASS_TYPES, DB_RETIRED_CLASS_TYPES } from '../../facts';
import * as l10n from '../../l10n';
import { describeSite, instanceClassSites, parseInstanceClass } from '../helpers/rds-engines';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'rds/previous-generation',
    description: 'An RDS or Aurora instance uses a retired or previous-generation instance class.',
    severity: 'warning',
    fixable: false,
    anchors: ['tflint aws_db_instance_previous_type', 'cfn-lint I3100'],
  },
  check({ model, environment, report }) {
    for (const site of instanceClassSites(model)) {
      const parts = parseInstanceClass(site.instanceClass);
      if (!parts) continue;
      const retiredTo = DB_RETIRED_CLASS_TYPES.value[parts.type];
      const replacement = retiredTo ?? DB_PREVIOUS_GENERATION_CLASS_TYPES.value[parts.type];
      if (!replacement) continue;
      const owner = describeSite(site);
      const status = retiredTo
        ? l10n.t('{owner} uses `{instanceClass}`, a retired class type: RDS retired `db.{type}` in 2024 and moved the RDS for MySQL, MariaDB and PostgreSQL instances still on it to `db.{retiredTo}`.', { owner, instanceClass: site.instanceClass, type: parts.type, retiredTo })
        : l10n.t('{owner} uses `{instanceClass}`, a previous-generation class type (older hardware that current RDS engine versions generally do not offer).', { owner, instanceClass: site.instanceClass });
      // A burstable class in production gets one message (this one) that also says to leave the t family.
      const burstableInProduction = parts.family === DB_BURSTABLE_FAMILY.value && environment === 'production';
      const advice = burstableInProduction
        ? l10n.t('This is also a burstable class in production (CPU credits, throttled to a baseline when they run out): choose a general-purpose or memory-optimized class such as `db.m7g.large` or `db.r7g.large`.')
        : l10n.t('Move to a current class type: `db.{replacement}` or a newer generation of the same family, sized for the workload.', { replacement });
      report({
        pointer: site.pointer,
        part: 'value',
        message: `${status} ${advice}`,
      });
    }
  },
});
