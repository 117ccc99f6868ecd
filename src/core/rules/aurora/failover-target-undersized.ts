// aurora/failover-target-undersized: the reader a failover would promote is smaller than the writer.
import { defineRule } from '../rule';
import { auroraClusters, failoverTarget, instanceSize, soleWriter } from '../helpers/aurora';

export default defineRule({
  meta: {
    id: 'aurora/failover-target-undersized',
    description: 'The reader that a failover would promote has a smaller instance class than the writer.',
    severity: 'warning',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    for (const cluster of auroraClusters(model.databases)) {
      const writer = soleWriter(cluster);
      // A db.serverless writer or target has no fixed size to compare (Serverless v2 readers in
      // tiers 0-1 even follow the writer's capacity), so only provisioned classes are compared.
      const writerSize = instanceSize(writer?.instanceClass);
      if (!writer || !writerSize) continue;
      const target = failoverTarget(cluster);
      if (!target || target.size.units >= writerSize.units) continue;
      const { reader, size } = target;
      const why = target.tied > 1 ? `the largest of the ${target.tied} readers in promotion tier ${reader.promotionTier}, the lowest` : `promotion tier ${reader.promotionTier}, the lowest of the readers`;
      const families =
        size.family === writerSize.family
          ? ''
          : ` (db.${size.family} and db.${writerSize.family} are different families, so only their sizes are compared: ${size.size} against ${writerSize.size})`;
      report({
        pointer: `${reader.pointer}/instanceClass`,
        part: 'value',
        message:
          `${reader.name} is the reader a failover of ${cluster.name} would promote (${why}), but its class \`${reader.instanceClass}\` is smaller than the writer's (${writer.name}: \`${writer.instanceClass}\`)${families}. ` +
          `After a failover the whole write load lands on the smaller instance, with less memory for its buffer cache, just when the application reconnects. ` +
          `Give ${reader.name} the writer's class, or give a reader of the writer's class a lower \`promotionTier\` (0 is promoted first).`,
        related: [{ pointer: `${writer.pointer}/instanceClass`, message: `${writer.name}: the writer's class` }],
      });
    }
  },
});
