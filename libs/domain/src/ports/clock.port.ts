import { Instant } from '../shared';

/** The current instant. Never fails. Tests pass a controllable one. */
export interface Clock {
  now(): Instant;
}
