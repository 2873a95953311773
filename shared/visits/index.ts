export * from './types';
export * from './plan';
export * from './records';
export * from './problems';
