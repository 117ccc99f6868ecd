// rds/instance-class: an instance class that is not `db.<family><generation><options>.<size>`, is unknown, or is Aurora's db.serverless on RDS.
import { AURORA_SERVERLESS_CLASS, DB_INSTANCE_CLASS_TYPES, DB_PREVIOUS_GENERATION_CLASS_TYPES, DB_RETIRED_CLASS_TYPES } from '../../facts';
import * as l10n from '../../l10n';
import { describeSite, instanceClassSites, parseInstanceClass } from '../helpers/rds-engines';
import { defineRule } from '../rule';

/** Every class type the facts module knows, current or not (older ones are rds/previous-generation's to report). */
function knownTypes(): Set<string> {
  return new Set([...DB_INSTANCE_CLASS_TYPES.value, ...Object.keys(DB_RETIRED_CLASS_TYPES.value), ...Object.keys(DB_PREVIOUS_GENERATION_CLASS_TYPES.value)]);
}

export default defineRule({
  meta: {
    id: 'rds/instance-class',
    description: 'An RDS or Aurora instance class is not of the form `db.<family><generation><options>.<size>`, names an unknown class type, or is `db.serverless` outside Aurora.',
    severity: 'error',
    fixable: true,
    anchors: ['cfn-lint E3025', 'tflint aws_db_instance_invalid_type'],
  },
  check({ model, report }) {
    const known = knownTypes();
    const serverless = AURORA_SERVERLESS_CLASS.value;
    for (const site of instanceClassSites(model)) {
      const value = site.instanceClass;
      const owner = describeSite(site);
      if (value === serverless) {
        if (site.service === 'aurora') continue;
        report({
          pointer: site.pointer,
          part: 'value',
          message:
            l10n.t('{owner} uses `{serverless}`, the Aurora Serverless v2 class: RDS DB instances have no serverless class.', { owner, serverless }) +
            ' ' +
            l10n.t('Choose a provisioned class such as `db.m7g.large`, or move the database to Aurora.'),
        });
        continue;
      }
      const parts = parseInstanceClass(value);
      if (!parts) {
        // A class written without its `db.` prefix (as EC2 names it) is the one mechanical case.
        const prefixed = `db.${value}`;
        const fixable = parseInstanceClass(prefixed) !== undefined;
        report({
          pointer: site.pointer,
          part: 'value',
          message:
            (site.service === 'aurora'
              ? l10n.t('{owner} has the instance class `{value}`, which is not a DB instance class: the form is `db.<family><generation><options>.<size>`, e.g. `db.m7g.large` or `db.r6i.2xlarge`, or `db.serverless`.', { owner, value })
              : l10n.t('{owner} has the instance class `{value}`, which is not a DB instance class: the form is `db.<family><generation><options>.<size>`, e.g. `db.m7g.large` or `db.r6i.2xlarge`.', { owner, value })) +
            (fixable ? ' ' + l10n.t('Did you mean `{prefixed}`?', { prefixed }) : ''),
          ...(fixable ? { fix: { kind: 'replace' as const, title: l10n.t('Change to `{prefixed}`', { prefixed }), pointer: site.pointer, value: prefixed } } : {}),
        });
        continue;
      }
      if (known.has(parts.type)) continue;
      report({
        pointer: site.pointer,
        part: 'value',
        severity: 'warning',
        message:
          l10n.t('{owner} uses `{value}`, but `db.{type}` is not a DB instance class type dbarch knows (e.g. `db.m7g`, `db.r7g`, `db.t4g`).', { owner, value, type: parts.type }) +
          ' ' +
          l10n.t`Check the spelling against the RDS instance class list; if AWS added the type recently, suppress this finding.` +
          ' ' +
          l10n.t`(A warning: dbarch's class list may lag new AWS types.)`,
      });
    }
  },
});
