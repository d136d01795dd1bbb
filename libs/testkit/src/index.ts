export * from './network';
export * from './contract-world';
export * from './carrier-contract';
