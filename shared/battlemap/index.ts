export * from './types';
export * from './template';
export * from './schedule';
export * from './dispatch';
