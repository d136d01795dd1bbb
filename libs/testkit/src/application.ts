/*
 * The kit runs a carrier adapter against the real inbound call service over in-memory fakes, so it
 * needs the application's inbound contract and test doubles. The module-boundary rule does not let a
 * `type:testkit` library see the application layer yet (see README).
 */
// eslint-disable-next-line @nx/enforce-module-boundaries -- the kit wires adapters to the application's inbound service (README)
export { callRecordOf } from '@dutyline/application';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the kit wires adapters to the application's inbound service (README)
export type { InboundCalls } from '@dutyline/application';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the kit wires adapters to the application's inbound service (README)
export { inboundCallRig } from '@dutyline/application/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the kit wires adapters to the application's inbound service (README)
export type { InboundCallRig } from '@dutyline/application/testing';
