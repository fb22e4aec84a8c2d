export * from './ballot';
export * from './bradley-terry';
export * from './methods';
export * from './random';
export * from './tally';
export * from './forms';
export * from './profile';
