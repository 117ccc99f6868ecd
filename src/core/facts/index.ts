// Every AWS number and list the rules use, each with its source. Update a limit here and only here.
export * from './fact';
export * from './rds';
export * from './aurora';
export * from './dynamodb';
export * from './regions';
