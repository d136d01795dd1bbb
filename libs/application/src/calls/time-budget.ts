import { Timer } from './ports';

/** A store or planner did not answer within the request's time budget. */
export class TimeBudgetExceededError extends Error {
  override name = 'TimeBudgetExceededError';
}

/**
 * One request's time budget, shared by everything it awaits: once spent, every further wait fails at
 * once, so the request still answers in time (with a fallback). Work that finishes late is ignored.
 */
export class TimeBudget {
  private spent = false;
  private readonly onSpent = new Set<() => void>();
  private readonly cancel: () => void;

  constructor(
    timer: Timer,
    readonly ms: number,
  ) {
    this.cancel = timer.schedule(ms, () => {
      this.spent = true;
      for (const notify of this.onSpent) notify();
      this.onSpent.clear();
    });
  }

  /** The result of `work`, or a `TimeBudgetExceededError` when the budget runs out first. */
  run<T>(what: string, work: () => Promise<T>): Promise<T> {
    if (this.spent) return Promise.reject(new TimeBudgetExceededError(`${what}: no time left of ${this.ms} ms`));
    return new Promise<T>((resolve, reject) => {
      const expire = () => reject(new TimeBudgetExceededError(`${what} took longer than ${this.ms} ms`));
      this.onSpent.add(expire);
      const settle = () => this.onSpent.delete(expire);
      Promise.resolve()
        .then(work)
        .then(
          (value) => {
            settle();
            resolve(value);
          },
          (error: unknown) => {
            settle();
            reject(error);
          },
        );
    });
  }

  /** Stops the timer; call when the request is answered. */
  close(): void {
    this.cancel();
  }
}
