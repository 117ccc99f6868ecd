// Aurora Serverless v2 capacity: the cluster's ACU range as memory per instance (1 ACU is about 2 GiB),
// and for all its db.serverless instances together.
import { AURORA_SERVERLESS_V1_END_OF_LIFE, AURORA_SERVERLESS_V2_AUTO_PAUSE, AURORA_SERVERLESS_V2_CAPACITY } from '../facts';
import type { AuroraCluster } from '../model/model';
import * as l10n from '../l10n';
import { amount, countOf, note, warning, type Note } from './notes';

/** An Aurora cluster's Serverless capacity range and the memory it stands for. */
export interface ServerlessCapacity {
  version: 1 | 2;
  minAcu: number | undefined;
  maxAcu: number | undefined;
  /** GiB of memory per ACU (about 2). */
  gibPerAcu: number;
  /** Memory of one instance at the minimum and at the maximum; undefined when the range is incomplete or v1. */
  memoryGiB?: { min: number; max: number };
  /** The cluster's db.serverless instances, which scale in that range each. */
  instances: string[];
  /** Memory of all those instances together at the minimum and at the maximum. */
  totalMemoryGiB?: { min: number; max: number };
  /** A minimum of 0 ACU: idle instances pause (no memory while paused). */
  autoPause: boolean;
  pointer: string;
  notes: Note[];
}

/** The Serverless capacity of an Aurora cluster, or undefined when it has neither a range nor db.serverless instances. */
export function serverlessCapacity(cluster: AuroraCluster): ServerlessCapacity | undefined {
  const instances = cluster.instances.filter((instance) => instance.instanceClass === 'db.serverless').map((instance) => instance.name);
  const serverless = cluster.serverless;
  if (!serverless && instances.length === 0) return undefined;
  const limits = AURORA_SERVERLESS_V2_CAPACITY.value;
  const gibPerAcu = limits.gibPerAcu;
  const version = serverless?.version ?? 2;
  const minAcu = finite(serverless?.minAcu);
  const maxAcu = finite(serverless?.maxAcu);
  const autoPause = minAcu === AURORA_SERVERLESS_V2_AUTO_PAUSE.value.minAcu;
  const result: ServerlessCapacity = { version, minAcu, maxAcu, gibPerAcu, instances, autoPause, pointer: serverless ? `${cluster.pointer}/serverless` : cluster.pointer, notes: [] };
  if (version === 1) {
    const endOfLife = AURORA_SERVERLESS_V1_END_OF_LIFE.value.endOfLife;
    result.notes.push(warning(l10n.t`Serverless v1 reached end of life on ${endOfLife}; its capacity units are not Serverless v2 ACUs.` + ' ' + l10n.t`Move the cluster to Serverless v2 (\`version: 2\`).`));
    return result;
  }
  if (!serverless || minAcu === undefined || maxAcu === undefined) {
    result.notes.push(warning(l10n.t`${countOf(instances.length, 'db.serverless instance')} but no complete \`serverless: { minAcu, maxAcu }\` range: AWS needs both before it creates a db.serverless instance.`));
    return result;
  }
  result.memoryGiB = { min: minAcu * gibPerAcu, max: maxAcu * gibPerAcu };
  const { min, max } = result.memoryGiB;
  const [low, high, lowGib, highGib] = [amount(minAcu), amount(maxAcu), amount(min), amount(max)];
  result.notes.push(
    note(
      autoPause
        ? l10n.t`${low}-${high} ACU per instance = about ${lowGib}-${highGib} GiB of memory: ${low} x ${gibPerAcu} GiB to ${high} x ${gibPerAcu} GiB, as 1 ACU is about ${gibPerAcu} GiB (0 ACU: the instance pauses when idle, holding no memory).`
        : l10n.t`${low}-${high} ACU per instance = about ${lowGib}-${highGib} GiB of memory: ${low} x ${gibPerAcu} GiB to ${high} x ${gibPerAcu} GiB, as 1 ACU is about ${gibPerAcu} GiB.`,
    ),
  );
  if (instances.length > 0) {
    result.totalMemoryGiB = { min: result.memoryGiB.min * instances.length, max: result.memoryGiB.max * instances.length };
    const list = instances.join(', ');
    result.notes.push(
      note(
        instances.length === 1
          ? l10n.t`1 db.serverless instance (${list}) scales in that range.`
          : l10n.t`${instances.length} db.serverless instances (${list}) scale in it each: ${amount(result.totalMemoryGiB.min)}-${amount(result.totalMemoryGiB.max)} GiB together.`,
      ),
    );
  } else {
    result.notes.push(note(l10n.t`No instance of the cluster is \`db.serverless\`, so no instance uses the range yet.`));
  }
  if (minAcu !== 0 && minAcu < limits.minAcu) {
    result.notes.push(warning(l10n.t('A running instance needs at least {acu} ACU ({gib} GiB): `minAcu: {value}` is rejected.', { acu: amount(limits.minAcu), gib: amount(limits.minAcu * gibPerAcu), value: amount(minAcu) })));
  }
  if (maxAcu > limits.maxAcu) {
    result.notes.push(
      warning(
        l10n.t('The most an instance can take is {acu} ACU ({gib} GiB; {older} ACU on older versions): `maxAcu: {value}` is rejected.', {
          acu: amount(limits.maxAcu),
          gib: amount(limits.maxAcu * gibPerAcu),
          older: amount(limits.maxAcuOlderVersions),
          value: amount(maxAcu),
        }),
      ),
    );
  }
  return result;
}

function finite(value: number | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
