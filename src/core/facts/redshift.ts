// Amazon Redshift facts. Each fact carries the public page it comes from (see fact.ts).
import { fact } from './fact';

/** Node types a new provisioned cluster can use (CreateCluster `NodeType`). */
export const REDSHIFT_CURRENT_NODE_TYPES = fact(
  ['ra3.large', 'ra3.xlplus', 'ra3.4xlarge', 'ra3.16xlarge', 'dc2.large', 'dc2.8xlarge'] as const,
  'docs.aws.amazon.com/redshift/latest/APIReference/API_CreateCluster.html',
);

/** Node type families AWS has retired: no new clusters; migrate to RA3. */
export const REDSHIFT_RETIRED_NODE_FAMILIES = fact(['ds2', 'dc1'] as const, 'docs.aws.amazon.com/redshift/latest/APIReference/API_CreateCluster.html');

/** DC2 nodes: deprecation announced 2025-04; AWS asks users to move to RA3 or Redshift Serverless. */
export const REDSHIFT_DC2_DEPRECATION = fact(
  { announced: '2025-04', migrateTo: ['RA3', 'Redshift Serverless'] },
  'aws.amazon.com/blogs/big-data/amazon-redshift-dc2-migration-approach-with-a-customer-case-study/',
);

/** The number of nodes a cluster of each DC2 node type may have (dc2.large: 2 slices a node; dc2.8xlarge: 16). */
export const REDSHIFT_DC2_NODE_RANGE = fact<Record<'dc2.large' | 'dc2.8xlarge', { min: number; max: number }>>(
  { 'dc2.large': { min: 1, max: 32 }, 'dc2.8xlarge': { min: 2, max: 128 } },
  'docs.aws.amazon.com/redshift/latest/mgmt/working-with-clusters.html',
);

/** The fewest nodes of the large RA3 node types (no single-node clusters). UNCONFIRMED in aws-facts.md: warnings only. */
export const REDSHIFT_RA3_MIN_NODES = fact<Partial<Record<string, number>>>(
  { 'ra3.4xlarge': 2, 'ra3.16xlarge': 2 },
  'docs.aws.amazon.com/redshift/latest/mgmt/working-with-clusters.html',
  { unconfirmed: true },
);

/** A cluster has at least one node; a single-node cluster has no separate leader node. */
export const REDSHIFT_MIN_NODES = fact(1, 'docs.aws.amazon.com/redshift/latest/mgmt/working-with-clusters.html');

/** Without `NumberOfNodes`, CreateCluster makes a single-node cluster (default 1). */
export const REDSHIFT_DEFAULT_NODES = fact(1, 'docs.aws.amazon.com/redshift/latest/APIReference/API_CreateCluster.html');

/** Concurrency scaling: the main cluster must use one of these node types and must not be single-node. */
export const REDSHIFT_CONCURRENCY_SCALING = fact(
  { nodeTypes: ['dc2.large', 'dc2.8xlarge', 'ra3.xlplus', 'ra3.4xlarge', 'ra3.16xlarge'] as readonly string[], singleNode: false },
  'docs.aws.amazon.com/redshift/latest/dg/concurrency-scaling-candidates.html',
);

/** Multi-AZ deployments: RA3 node types only, compute in 2 AZs, and the cluster must be encrypted. */
export const REDSHIFT_MULTI_AZ = fact(
  { nodeFamily: 'ra3', availabilityZones: 2, requiresEncryption: true },
  'docs.aws.amazon.com/redshift/latest/mgmt/create-cluster-multi-az.html',
);

/** Automated snapshot retention: 0-35 days, default 1; RA3 clusters cannot turn automated snapshots off (0). */
export const REDSHIFT_SNAPSHOT_RETENTION_DAYS = fact(
  { min: 0, max: 35, default: 1, ra3Min: 1 },
  'docs.aws.amazon.com/redshift/latest/APIReference/API_CreateCluster.html',
);

/** The family of a node type: `ra3`, `dc2`, or a retired `ds2` / `dc1`. */
export type RedshiftNodeFamily = 'ra3' | 'dc2' | 'ds2' | 'dc1';

/** The family of a node type (`ra3.xlplus` -> `ra3`), or undefined for a name the facts do not know. */
export function redshiftNodeFamily(nodeType: string): RedshiftNodeFamily | undefined {
  const family = nodeType.split('.')[0];
  return family === 'ra3' || family === 'dc2' || family === 'ds2' || family === 'dc1' ? family : undefined;
}

/** Whether AWS has retired the node type (ds2, dc1). */
export function isRetiredRedshiftNodeType(nodeType: string): boolean {
  return (REDSHIFT_RETIRED_NODE_FAMILIES.value as readonly string[]).includes(nodeType.split('.')[0]);
}

/** The node counts a node type allows, as far as the facts know them; `unconfirmed` ranges may only warn. */
export function redshiftNodeRange(nodeType: string): { min: number; max: number | undefined; unconfirmed: boolean } {
  const dc2 = REDSHIFT_DC2_NODE_RANGE.value[nodeType as keyof typeof REDSHIFT_DC2_NODE_RANGE.value];
  if (dc2) return { min: dc2.min, max: dc2.max, unconfirmed: false };
  const ra3 = REDSHIFT_RA3_MIN_NODES.value[nodeType];
  if (ra3 !== undefined) return { min: ra3, max: undefined, unconfirmed: true };
  return { min: REDSHIFT_MIN_NODES.value, max: undefined, unconfirmed: false };
}
