import { Clock } from '../ports/clock.port';
import { Instant, parseInstant } from '../shared';

/** A clock that only moves when told to. */
export class ManualClock implements Clock {
  private current: Instant;

  constructor(start: Instant | string) {
    this.current = typeof start === 'string' ? parseInstant(start) : start;
  }

  now(): Instant {
    return this.current;
  }

  set(at: Instant | string): void {
    this.current = typeof at === 'string' ? parseInstant(at) : at;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
