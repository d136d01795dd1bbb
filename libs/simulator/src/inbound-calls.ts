/*
 * The simulator drives the application's inbound call service exactly as a real carrier adapter does,
 * so it speaks the service's carrier-neutral contract: types only, the service itself is injected.
 * The module-boundary rule does not let adapters see the application layer yet (see README).
 */
export type { CallInstruction, DialInstruction, EndedLegOutcome, InboundCalls, LegToDrop } from '@dutyline/application';
