// Aurora Serverless v2 capacity: the cluster's ACU range as memory per instance (1 ACU is about 2 GiB),
// and for all its db.serverless instances together.
import { AURORA_SERVERLESS_V1_END_OF_LIFE, AURORA_SERVERLESS_V2_AUTO_PAUSE, AURORA_SERVERLESS_V2_CAPACITY } from '../facts';
import type { AuroraCluster } from '../model/model';
import { amount, counted, note, warning, type Note } from './notes';

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
    result.notes.push(warning(`Serverless v1 reached end of life on ${AURORA_SERVERLESS_V1_END_OF_LIFE.value.endOfLife}; its capacity units are not Serverless v2 ACUs. Move the cluster to Serverless v2 (\`version: 2\`).`));
    return result;
  }
  if (!serverless || minAcu === undefined || maxAcu === undefined) {
    result.notes.push(warning(`${counted(instances.length, 'db.serverless instance')} but no complete \`serverless: { minAcu, maxAcu }\` range: AWS needs both before it creates a db.serverless instance.`));
    return result;
  }
  result.memoryGiB = { min: minAcu * gibPerAcu, max: maxAcu * gibPerAcu };
  const { min, max } = result.memoryGiB;
  const pause = autoPause ? ' (0 ACU: the instance pauses when idle, holding no memory)' : '';
  result.notes.push(
    note(`${amount(minAcu)}-${amount(maxAcu)} ACU per instance = about ${amount(min)}-${amount(max)} GiB of memory: ${amount(minAcu)} x ${gibPerAcu} GiB to ${amount(maxAcu)} x ${gibPerAcu} GiB, as 1 ACU is about ${gibPerAcu} GiB${pause}.`),
  );
  if (instances.length > 0) {
    result.totalMemoryGiB = { min: result.memoryGiB.min * instances.length, max: result.memoryGiB.max * instances.length };
    const list = instances.join(', ');
    result.notes.push(
      note(
        instances.length === 1
          ? `1 db.serverless instance (${list}) scales in that range.`
          : `${instances.length} db.serverless instances (${list}) scale in it each: ${amount(result.totalMemoryGiB.min)}-${amount(result.totalMemoryGiB.max)} GiB together.`,
      ),
    );
  } else {
    result.notes.push(note('No instance of the cluster is `db.serverless`, so no instance uses the range yet.'));
  }
  if (minAcu !== 0 && minAcu < limits.minAcu) result.notes.push(warning(`A running instance needs at least ${amount(limits.minAcu)} ACU (${amount(limits.minAcu * gibPerAcu)} GiB): \`minAcu: ${amount(minAcu)}\` is rejected.`));
  if (maxAcu > limits.maxAcu) result.notes.push(warning(`The most an instance can take is ${amount(limits.maxAcu)} ACU (${amount(limits.maxAcu * gibPerAcu)} GiB; ${amount(limits.maxAcuOlderVersions)} ACU on older versions): \`maxAcu: ${amount(maxAcu)}\` is rejected.`));
  return result;
}

function finite(value: number | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
