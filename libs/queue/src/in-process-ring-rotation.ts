import { RingRotation, RotationCounter } from '@dutyline/domain';

/** Round-robin counters in this process's memory (the embedded default: one gateway). Never fails. */
export class InProcessRingRotation implements RingRotation {
  private readonly counters = new Map<string, number>();

  async next(counter: RotationCounter): Promise<number> {
    const key = keyOf(counter);
    const value = this.counters.get(key) ?? 0;
    this.counters.set(key, value + 1);
    return value;
  }

  async peek(counter: RotationCounter): Promise<number> {
    return this.counters.get(keyOf(counter)) ?? 0;
  }
}

const keyOf = ({ accountId, hotlineId, level }: RotationCounter): string =>
  JSON.stringify([accountId, hotlineId, level]);
