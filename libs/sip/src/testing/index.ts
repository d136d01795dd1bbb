export * from './sip-peer';
export * from './sipp';
