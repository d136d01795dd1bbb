export * from './vonage-ncco.types';
export * from './vonage-ncco.builder';
export * from './vonage-number';
