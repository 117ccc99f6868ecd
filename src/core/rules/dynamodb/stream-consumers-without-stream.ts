// dynamodb/stream-consumers-without-stream: applications declared as stream consumers of a table
// whose stream is off: there is nothing for them to read.
import { DYNAMODB_STREAM_RETENTION_HOURS } from '../../facts';
import { regionOfEntry, type DynamodbTable } from '../../model/model';
import { andList } from '../../text';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';

/** Whether the table is an MREC (eventually consistent) global table with a replica in another Region. */
function replicatesThroughStream(table: DynamodbTable): boolean {
  const globalTable = table.globalTable;
  if (!globalTable || globalTable.consistency === 'strong' || !Array.isArray(globalTable.replicaRegions)) return false;
  return globalTable.replicaRegions.some((entry) => {
    const region = regionOfEntry(entry);
    return region !== undefined && region !== table.region;
  });
}

export default defineRule({
  meta: {
    id: 'dynamodb/stream-consumers-without-stream',
    description: 'A table lists stream consumers while its DynamoDB stream is off.',
    severity: 'error',
    fixable: true,
    anchors: [],
  },
  check({ model, report }) {
    for (const table of model.databases) {
      if (table.service !== 'dynamodb' || !table.streams) continue;
      // The stream is off only when the file says `enabled: false`: writing `streams` turns it on
      // (the format's default), with or without a `viewType`.
      if (table.streams.enabled !== false) continue;
      const consumers = (table.streams.consumers ?? []).filter((consumer): consumer is string => typeof consumer === 'string');
      if (consumers.length === 0) continue;
      // An MREC global table with replicas in other Regions cannot turn its stream off at all:
      // dynamodb/global-table reports the same `enabled: false`, with the same fix, and names the consumers.
      if (replicatesThroughStream(table)) continue;
      report({
        pointer: `${table.pointer}/streams/enabled`,
        part: 'value',
        message:
          (consumers.length === 1
            ? l10n.t(
                '{table} lists {consumers} as a stream consumer, but its stream is off (`enabled: false`): with no stream there are no change records to read, so that application receives nothing.',
                { table: table.name, consumers: andList(consumers) },
              )
            : l10n.t(
                '{table} lists {consumers} as stream consumers, but its stream is off (`enabled: false`): with no stream there are no change records to read, so those applications receive nothing.',
                { table: table.name, consumers: andList(consumers) },
              )) +
          ' ' +
          l10n.t`Turn the stream on (each change record is kept for ${DYNAMODB_STREAM_RETENTION_HOURS.value} hours), or remove the consumers.`,
        related: [{ pointer: `${table.pointer}/streams/consumers`, message: l10n.t`The consumers of the stream` }],
        fix: { kind: 'replace', title: l10n.t('Turn the stream on (`enabled: true`)'), pointer: `${table.pointer}/streams/enabled`, value: true },
      });
    }
  },
});
