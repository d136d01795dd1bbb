export * from './network-action';
export * from './simulated-call';
export * from './call-simulator';
export * from './simulated-carrier';
export * from './wav-tone';
