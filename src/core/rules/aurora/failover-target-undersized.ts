// aurora/failover-target-undersized: the reader a failover would promote is smaller than the writer.
import * as l10n from '../../l10n';
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
      const why =
        target.tied > 1
          ? l10n.t`the largest of the ${target.tied} readers in promotion tier ${reader.promotionTier}, the lowest`
          : l10n.t`promotion tier ${reader.promotionTier}, the lowest of the readers`;
      const families =
        size.family === writerSize.family
          ? ''
          : ' ' + l10n.t`(db.${size.family} and db.${writerSize.family} are different families, so only their sizes are compared: ${size.size} against ${writerSize.size})`;
      report({
        pointer: `${reader.pointer}/instanceClass`,
        part: 'value',
        message:
          l10n.t("{reader} is the reader a failover of {cluster} would promote ({why}), but its class `{readerClass}` is smaller than the writer's ({writer}: `{writerClass}`){families}.", {
            reader: reader.name,
            cluster: cluster.name,
            why,
            readerClass: reader.instanceClass ?? '',
            writer: writer.name,
            writerClass: writer.instanceClass ?? '',
            families,
          }) +
          ' ' +
          l10n.t`After a failover the whole write load lands on the smaller instance, with less memory for its buffer cache, just when the application reconnects.` +
          ' ' +
          l10n.t`Give ${reader.name} the writer's class, or give a reader of the writer's class a lower \`promotionTier\` (0 is promoted first).`,
        related: [{ pointer: `${writer.pointer}/instanceClass`, message: l10n.t`${writer.name}: the writer's class` }],
      });
    }
  },
});
