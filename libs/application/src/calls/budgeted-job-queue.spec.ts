import { withEnqueueBudget } from './budgeted-job-queue';
import { TimeBudgetExceededError } from './time-budget';

describe('withEnqueueBudget', () => {
  const stalled = {
    taken: [] as string[],
    enqueue: (name: string) => (stalled.taken.push(name), new Promise<void>(() => undefined)),
    depths: async () => ['depths of the real queue'],
  };

  it('fails an enqueue the queue does not take within the budget, and leaves the other methods alone', async () => {
    const queue = withEnqueueBudget(stalled, 30);
    const started = Date.now();
    await expect(queue.enqueue('job.a')).rejects.toBeInstanceOf(TimeBudgetExceededError);
    expect(Date.now() - started).toBeLessThan(200);
    expect(stalled.taken).toEqual(['job.a']);
    expect(await queue.depths()).toEqual(['depths of the real queue']);
  });

  it('passes a prompt answer through', async () => {
    const queue = withEnqueueBudget({ enqueue: async (name: string) => `took ${name}` }, 30);
    await expect(queue.enqueue('job.b')).resolves.toBe('took job.b');
  });
});
