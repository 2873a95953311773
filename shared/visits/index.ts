export * from './types';
export * from './plan';
export * from './records';
