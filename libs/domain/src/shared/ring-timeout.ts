import { invalid } from './errors';

/** How long a number rings before it counts as not answered, in whole seconds. */
export class RingTimeout {
  /** @defaultValue 25 s, about five rings: short enough that a mobile's own voicemail has not picked up yet. */
  static readonly DEFAULT = new RingTimeout(25);
  static readonly MIN_SECONDS = 5;
  static readonly MAX_SECONDS = 120;

  private constructor(readonly seconds: number) {}

  static ofSeconds(seconds: number, field = 'ringTimeout'): RingTimeout {
    if (!Number.isInteger(seconds) || seconds < RingTimeout.MIN_SECONDS || seconds > RingTimeout.MAX_SECONDS) {
      invalid(
        'INVALID_RING_TIMEOUT',
        field,
        `a ring timeout is a whole number of seconds from ${RingTimeout.MIN_SECONDS} to ${RingTimeout.MAX_SECONDS}, not ${seconds}`,
      );
    }
    return new RingTimeout(seconds);
  }

  toJSON(): number {
    return this.seconds;
  }
}
