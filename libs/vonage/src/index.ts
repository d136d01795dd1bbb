export * from './vonage-ncco.types';
export * from './vonage-ncco.builder';
export * from './vonage-number';
export * from './vonage-webhook.parser';
export * from './vonage-leg-outcome';
export * from './vonage-signature.verifier';
export * from './vonage-rate-limiter';
