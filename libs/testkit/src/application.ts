/*
 * The kit runs a carrier adapter against the real inbound call service over in-memory fakes, so it
 * needs the application's inbound contract and test doubles. The module-boundary rule does not let a
 * `type:testkit` library see the application layer yet (see README).
 */
export { callRecordOf } from '@dutyline/application';
export type { InboundCalls } from '@dutyline/application';
export { inboundCallRig } from '@dutyline/application/testing';
export type { InboundCallRig } from '@dutyline/application/testing';
