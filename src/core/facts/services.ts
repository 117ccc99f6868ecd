// Service lifecycle facts: deprecated services and end-of-support dates. Each fact carries the public page it comes from (see fact.ts).
import { fact } from './fact';

/** Amazon QLDB reached end of support on 2025-07-31; AWS points ledger users to Aurora PostgreSQL. */
export const QLDB_END_OF_SUPPORT = fact(
  { date: '2025-07-31', successor: 'Aurora PostgreSQL' },
  'docs.aws.amazon.com/qldb/latest/developerguide/document-history.html',
);

/**
 * Timestream for LiveAnalytics closed to new customers on 2025-06-20: an account (per Region) that did
 * not use it before cannot start; existing customers keep using it. AWS points new users to Timestream
 * for InfluxDB.
 */
export const TIMESTREAM_LIVEANALYTICS_CLOSED = fact(
  { date: '2025-06-20', successor: 'Timestream for InfluxDB' },
  'docs.aws.amazon.com/timestream/latest/developerguide/AmazonTimestreamForLiveAnalytics-availability-change.html',
);
