export * from './validate';
export * from './machine';
export * from './playtest';
export * from './facts';
export * from './difficulties';
