import { Timer } from './ports';
import { TimeBudget, TimeBudgetExceededError } from './time-budget';

/** A timer the test fires by hand. */
class HandTimer implements Timer {
  private callbacks: (() => void)[] = [];
  cancelled = 0;
  schedule(_ms: number, callback: () => void) {
    this.callbacks.push(callback);
    return () => {
      this.cancelled += 1;
    };
  }
  fire(): void {
    for (const callback of this.callbacks) callback();
  }
}

const never = () => new Promise<string>(() => undefined);

describe('time budget', () => {
  it('passes results and failures of work that finishes in time', async () => {
    const budget = new TimeBudget(new HandTimer(), 800);
    await expect(budget.run('reading', async () => 'ok')).resolves.toBe('ok');
    await expect(
      budget.run('reading', async () => {
        throw new Error('down');
      }),
    ).rejects.toThrow('down');
    await expect(
      budget.run('reading', () => {
        throw new Error('at once');
      }),
    ).rejects.toThrow('at once');
  });

  it('fails pending work when the budget runs out, and any later work at once', async () => {
    const timer = new HandTimer();
    const budget = new TimeBudget(timer, 800);
    const pending = budget.run('loading the call', never);
    timer.fire();
    await expect(pending).rejects.toThrow(new TimeBudgetExceededError('loading the call took longer than 800 ms'));
    await expect(budget.run('saving', async () => 'late')).rejects.toThrow('saving: no time left of 800 ms');
  });

  it('ignores work that fails after the budget ran out', async () => {
    const timer = new HandTimer();
    const budget = new TimeBudget(timer, 10);
    let fail: (e: Error) => void = () => undefined;
    const pending = budget.run(
      'loading',
      () =>
        new Promise((_resolve, reject) => {
          fail = reject;
        }),
    );
    timer.fire();
    await expect(pending).rejects.toBeInstanceOf(TimeBudgetExceededError);
    fail(new Error('too late'));
    await Promise.resolve();
  });

  it('cancels its timer when closed', () => {
    const timer = new HandTimer();
    new TimeBudget(timer, 10).close();
    expect(timer.cancelled).toBe(1);
  });
});
