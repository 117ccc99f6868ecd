// rds/burstable-in-production: a burstable db.t* instance class in production.
import { DB_BURSTABLE_FAMILY, DB_PREVIOUS_GENERATION_CLASS_TYPES, DB_RETIRED_CLASS_TYPES } from '../../facts';
import * as l10n from '../../l10n';
import { describeSite, instanceClassSites, parseInstanceClass } from '../helpers/rds-engines';
import { environmentWord } from '../describe';
import { defineRule, inProduction } from '../rule';

export default defineRule({
  meta: {
    id: 'rds/burstable-in-production',
    description: 'An RDS or Aurora instance in production uses a burstable `db.t*` instance class.',
    severity: inProduction('warning'),
    fixable: false,
    anchors: [],
  },
  check({ model, environment, report }) {
    for (const site of instanceClassSites(model)) {
      const parts = parseInstanceClass(site.instanceClass);
      if (!parts || parts.family !== DB_BURSTABLE_FAMILY.value) continue;
      // db.t2 and db.t1 are reported once, by rds/previous-generation, whose message covers production too.
      if (parts.type in DB_RETIRED_CLASS_TYPES.value || parts.type in DB_PREVIOUS_GENERATION_CLASS_TYPES.value) continue;
      // The same size (at least large, the smallest m and r size) in the newest general-purpose and memory-optimized types of the same processor kind.
      const size = parts.size === 'micro' || parts.size === 'small' || parts.size === 'medium' ? 'large' : parts.size;
      const [general, memory] = parts.options.includes('g') ? [`db.m7g.${size}`, `db.r7g.${size}`] : [`db.m7i.${size}`, `db.r7i.${size}`];
      report({
        pointer: site.pointer,
        part: 'value',
        message:
          l10n.t(
            '{owner} runs in {environment} on `{instanceClass}`, a burstable class: it gets a baseline share of its vCPUs and bursts above it on CPU credits, so a sustained load either runs out of credits and is throttled to the baseline, or (in unlimited mode) pays for surplus credits.',
            { owner: describeSite(site), environment: environmentWord(environment), instanceClass: site.instanceClass },
          ) +
          ' ' +
          l10n.t`AWS recommends burstable classes for development and test.` +
          ' ' +
          (site.service === 'aurora'
            ? l10n.t('Use a memory-optimized class (e.g. `{memory}`), or `db.serverless` for a load that comes and goes.', { memory })
            : l10n.t('Use a general-purpose or memory-optimized class (e.g. `{general}` or `{memory}`).', { general, memory })),
      });
    }
  },
});
