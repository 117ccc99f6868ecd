// AWS Region and Availability Zone codes.
import { fact } from './fact';

/** The commercial, GovCloud and China Regions AWS lists. */
export const AWS_REGIONS = fact(
  [
    'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
    'af-south-1',
    'ap-east-1', 'ap-east-2', 'ap-south-1', 'ap-south-2',
    'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7',
    'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
    'ca-central-1', 'ca-west-1',
    'eu-central-1', 'eu-central-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-south-1', 'eu-south-2', 'eu-north-1',
    'il-central-1', 'me-south-1', 'me-central-1', 'mx-central-1', 'sa-east-1',
    'us-gov-east-1', 'us-gov-west-1', 'cn-north-1', 'cn-northwest-1',
  ] as const,
  'docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html',
);

/**
 * The Region an Availability Zone code belongs to: `ap-northeast-2a` -> `ap-northeast-2`; a Local
 * Zone such as `us-west-2-lax-1a` -> `us-west-2`. Undefined when the code has neither shape.
 */
export function regionOfAz(az: string): string | undefined {
  const localZone = /^([a-z]{2}(?:-[a-z]+)+-\d+)-[a-z]+-\d+[a-z]$/.exec(az);
  if (localZone) return localZone[1];
  const zone = /^([a-z]{2}(?:-[a-z]+)+-\d+)[a-z]$/.exec(az);
  return zone?.[1];
}
