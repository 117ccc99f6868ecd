// aurora/serverless-capacity: an Aurora Serverless v2 capacity range AWS would reject, or db.serverless
// instances without one.
import { AURORA_SERVERLESS_V2_AUTO_PAUSE, AURORA_SERVERLESS_V2_CAPACITY, AURORA_SERVERLESS_V2_LOWEST_MAX_ACU } from '../../facts';
import * as l10n from '../../l10n';
import type { AuroraCluster } from '../../model/model';
import { defineRule, type Report } from '../rule';
import { auroraClusters } from '../helpers/aurora';

/** Checks one of `minAcu`/`maxAcu` on its own; returns whether it is a valid value. */
function checkAcu(cluster: AuroraCluster, key: 'minAcu' | 'maxAcu', report: (entry: Report) => void): boolean {
  const value = cluster.serverless?.[key];
  if (value === undefined) return true;
  const { minAcu, maxAcu, stepAcu } = AURORA_SERVERLESS_V2_CAPACITY.value;
  const minAcuWithAutoPause = AURORA_SERVERLESS_V2_AUTO_PAUSE.value.minAcu;
  const pointer = `${cluster.pointer}/serverless/${key}`;
  const range = l10n.t`Aurora Serverless v2 takes ${minAcu}-${maxAcu} ACU per instance (a minimum of ${minAcuWithAutoPause} turns on auto-pause)`;
  if (key === 'minAcu' && value === minAcuWithAutoPause) {
    // A minimum of 0 ACU is how AWS turns auto-pause on: there is no 0-ACU instance that keeps running.
    if (cluster.serverless?.autoPause?.enabled !== false) return true;
    report({
      pointer,
      part: 'value',
      message:
        l10n.t('{name} sets `minAcu: 0` with `autoPause.enabled: false`, but a minimum of 0 ACU is exactly what turns auto-pause on: an Aurora Serverless v2 instance that does not pause needs at least {minAcu} ACU.', { name: cluster.name, minAcu }) +
        ' ' +
        l10n.t`Set \`minAcu: ${minAcu}\` (or more) to keep the instances running, or turn auto-pause on.`,
      related: [{ pointer: `${cluster.pointer}/serverless/autoPause/enabled`, message: l10n.t('Auto-pause is turned off here') }],
      fix: { kind: 'replace', title: l10n.t`Set \`minAcu\` to ${minAcu}`, pointer, value: minAcu },
    });
    return false;
  }
  // The maximum must be higher than the 0.5 ACU minimum: 1 ACU at least.
  const lowestMax = AURORA_SERVERLESS_V2_LOWEST_MAX_ACU.value;
  if (key === 'maxAcu' ? value < lowestMax : value < minAcu) {
    report({
      pointer,
      part: 'value',
      message:
        key === 'minAcu'
          ? l10n.t('{name} sets `minAcu: {value}`; {range}, so the smallest running minimum is {minAcu} ACU (about {gib} GiB of memory).', {
                name: cluster.name,
                value,
                range,
                minAcu,
                gib: minAcu * AURORA_SERVERLESS_V2_CAPACITY.value.gibPerAcu,
              }) +
            ' ' +
            l10n.t`Set \`minAcu\` to ${minAcuWithAutoPause} with auto-pause, or to ${minAcu} or more.`
          : l10n.t('{name} sets `maxAcu: {value}`; {range}, and AWS accepts only a maximum higher than {minAcu} ACU, so at least {lowestMax} ACU (about {gib} GiB of memory), and not below `minAcu`.', {
                name: cluster.name,
                value,
                range,
                minAcu,
                lowestMax,
                gib: lowestMax * AURORA_SERVERLESS_V2_CAPACITY.value.gibPerAcu,
              }) +
            ' ' +
            l10n.t`Set \`maxAcu\` to the capacity the busiest instance needs.`,
    });
    return false;
  }
  if (value > maxAcu) {
    report({
      pointer,
      part: 'value',
      message:
        l10n.t('{name} sets `{key}: {value}`; {range}, at most {maxAcu} ACU (about {gib} GiB of memory; older engine versions stop at {olderMax}).', {
          name: cluster.name,
          key,
          value,
          range,
          maxAcu,
          gib: maxAcu * AURORA_SERVERLESS_V2_CAPACITY.value.gibPerAcu,
          olderMax: AURORA_SERVERLESS_V2_CAPACITY.value.maxAcuOlderVersions,
        }) +
        ' ' +
        l10n.t('Set `{key}` to {maxAcu} or less, or use a provisioned instance class for more.', { key, maxAcu }),
      fix: { kind: 'replace', title: l10n.t('Set `{key}` to {maxAcu} (the maximum)', { key, maxAcu }), pointer, value: maxAcu },
    });
    return false;
  }
  if (!Number.isInteger(value / stepAcu)) {
    report({
      pointer,
      part: 'value',
      message:
        l10n.t('{name} sets `{key}: {value}`, but Aurora Serverless v2 capacity goes in steps of {step} ACU (such as 8, 8.5, 9).', { name: cluster.name, key, value, step: stepAcu }) +
        ' ' +
        l10n.t`Round it to a multiple of ${stepAcu}.`,
    });
    return false;
  }
  return true;
}

export default defineRule({
  meta: {
    id: 'aurora/serverless-capacity',
    description: 'An Aurora Serverless v2 capacity range is out of bounds, not in 0.5 ACU steps or inverted, or db.serverless instances have no range.',
    severity: 'error',
    fixable: true,
    anchors: [],
  },
  check({ model, report }) {
    for (const cluster of auroraClusters(model.databases)) {
      const serverless = cluster.serverless;
      // Serverless v1 had other capacity values and is reported whole by aurora/serverless-v1.
      if (serverless?.version === 1) continue;
      if (!serverless) {
        const instances = cluster.instances.filter((instance) => instance.instanceClass === 'db.serverless');
        if (instances.length === 0) continue;
        const [first, ...others] = instances;
        report({
          pointer: `${first.pointer}/instanceClass`,
          part: 'value',
          message:
            l10n.t('{instance} is an Aurora Serverless v2 instance (`db.serverless`), but {cluster} has no `serverless` capacity range: AWS accepts a db.serverless instance only in a cluster that has its minimum and maximum ACU set.', {
              instance: first.name,
              cluster: cluster.name,
            }) +
            ' ' +
            l10n.t`Add \`serverless: { version: 2, minAcu: ..., maxAcu: ... }\` to ${cluster.name} with the range your load needs.`,
          related: others.map((instance) => ({ pointer: `${instance.pointer}/instanceClass`, message: l10n.t`${instance.name}: also db.serverless` })),
        });
        continue;
      }
      const minValid = checkAcu(cluster, 'minAcu', report);
      const maxValid = checkAcu(cluster, 'maxAcu', report);
      const { minAcu, maxAcu, autoPause } = serverless;
      if (minValid && maxValid && minAcu !== undefined && maxAcu !== undefined && minAcu > maxAcu) {
        report({
          pointer: `${cluster.pointer}/serverless/minAcu`,
          part: 'value',
          message:
            l10n.t('{name} sets `minAcu: {minAcu}` above `maxAcu: {maxAcu}`: each instance scales between the two, so AWS rejects a minimum above the maximum.', { name: cluster.name, minAcu, maxAcu }) +
            ' ' +
            l10n.t`Lower \`minAcu\` or raise \`maxAcu\`.`,
          related: [{ pointer: `${cluster.pointer}/serverless/maxAcu`, message: l10n.t('The maximum') }],
        });
      }
      // Auto-pause happens only at a minimum of 0 ACU: with a higher minimum AWS drops the pause delay.
      const pausing = autoPause !== undefined && autoPause.enabled !== false;
      if (pausing && minValid && minAcu !== undefined && minAcu > AURORA_SERVERLESS_V2_AUTO_PAUSE.value.minAcu) {
        report({
          pointer: `${cluster.pointer}/serverless/autoPause`,
          part: 'key',
          message:
            l10n.t("{name} turns auto-pause on, but its `minAcu` is {minAcu}: Aurora pauses an idle Serverless v2 instance only when the cluster's minimum capacity is 0 ACU, and with any other minimum it discards the pause delay, so these instances never pause.", { name: cluster.name, minAcu }) +
            ' ' +
            l10n.t`Set \`minAcu: 0\` (on an engine version with auto-pause), or remove \`autoPause\`.`,
          related: [{ pointer: `${cluster.pointer}/serverless/minAcu`, message: l10n.t('The minimum capacity') }],
        });
      }
    }
  },
});
