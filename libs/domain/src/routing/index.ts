export * from './on-call-source';
export * from './call-plan';
export * from './confirmation-prompt';
export * from './escalation';
export * from './call-log';
export * from './call-log-statistics';
