import { Timer } from './ports';
import { systemTimer } from './system-timer';
import { TimeBudget } from './time-budget';

/**
 * The same queue whose `enqueue` fails with a `TimeBudgetExceededError` after `ms` (the job may still
 * be taken later; deterministic job ids make that harmless), so a request that enqueues on its way
 * (a call's webhook) is never held by a queue that stalls. Everything else goes straight through.
 */
export function withEnqueueBudget<Q extends { enqueue(...args: never[]): Promise<unknown> }>(
  queue: Q,
  ms: number,
  timer: Timer = systemTimer,
): Q {
  return new Proxy(queue, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property !== 'enqueue') return value.bind(target);
      return (...args: never[]) => {
        const budget = new TimeBudget(timer, ms);
        return budget.run('the job queue', () => target.enqueue(...args)).finally(() => budget.close());
      };
    },
  });
}
