// The dms/ rules, in the order of RULES.md.
import type { Rule } from '../rule';
import cdcPrerequisites from './cdc-prerequisites';
import cdcSqlserverEdition from './cdc-sqlserver-edition';
import heterogeneousWithoutConversion from './heterogeneous-without-conversion';
import targetVersion from './target-version';
import unsupportedEndpoint from './unsupported-endpoint';

export const dmsRules: readonly Rule[] = [unsupportedEndpoint, heterogeneousWithoutConversion, cdcPrerequisites, cdcSqlserverEdition, targetVersion];
