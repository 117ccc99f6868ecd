// Every AWS number and list the rules use, each with its source. Update a limit here and only here.
export * from './fact';
export * from './regions';
export * from './services';
export * from './security';
export * from './rds';
export * from './rds-storage';
export * from './rds-engines';
export * from './aurora';
export * from './dynamodb';
export * from './redshift';
export * from './dms';
export * from './caches';
export * from './failure';
