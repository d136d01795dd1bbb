import { Clock, Instant } from '@dutyline/domain';

/** The real time, as epoch milliseconds UTC. */
export const systemClock: Clock = { now: (): Instant => Date.now() };
