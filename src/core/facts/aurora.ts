// Amazon Aurora facts. Sources are AWS documentation pages (docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/...).
import { fact } from './fact';

/** An Aurora DB cluster has one writer and up to 15 Aurora Replicas (readers). */
export const AURORA_MAX_READERS = fact(15, 'docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Overview.html');

/** Promotion tiers run 0-15; an instance without one has tier 1; replicas added by auto scaling get 15. */
export const AURORA_PROMOTION_TIER = fact(
  { min: 0, max: 15, default: 1, autoScaled: 15 },
  'docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Integrating.AutoScaling.html',
);
