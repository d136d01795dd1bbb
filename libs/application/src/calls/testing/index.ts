export * from './outage';
export * from './in-memory-call-store';
export * from './in-memory-hotline-lookup';
export * from './fake-call-planner';
export * from './recording-call-events';
export * from './recording-call-logger';
export * from './next-turn-timer';
export * from './inbound-call-rig';
