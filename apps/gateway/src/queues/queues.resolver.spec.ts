import { NonRetryableJobError } from '@dutyline/domain';
import { ManualClock } from '@dutyline/domain/testing';
import { InProcessJobQueue } from '@dutyline/queue';
import type { Actor } from '../auth/actor';
import { RefusalError } from '../graphql/api-errors';
import { QueuesResolver } from './queues.resolver';

type Jobs = {
  'voicemail.deliver': { deliveryId: string; accountId: string };
  'gaps.check': { accountId: string; hotlineId: string };
};

const admin = (accountId: string): Actor => ({ accountId, role: 'admin', userId: 'u-1', apiKeyId: null });

async function failedQueue() {
  const queue = new InProcessJobQueue<Jobs>({
    clock: new ManualClock('2027-03-28T01:00:00Z'),
    jobNames: ['voicemail.deliver', 'gaps.check'],
  });
  let refuse = true;
  queue.register('voicemail.deliver', async () => {
    if (refuse) throw new NonRetryableJobError('PermanentDeliveryError: 550 5.1.1 No such user');
  });
  queue.register('gaps.check', async () => undefined);
  await queue.start();
  await queue.enqueue(
    'voicemail.deliver',
    { deliveryId: 'c-1:voicemail', accountId: 'acct-a' },
    { jobId: 'c-1:voicemail' },
  );
  await queue.enqueue(
    'voicemail.deliver',
    { deliveryId: 'c-2:voicemail', accountId: 'acct-b' },
    { jobId: 'c-2:voicemail' },
  );
  while ((await queue.depths())[0].failed < 2) await new Promise((resolve) => setTimeout(resolve, 5));
  return { queue, accept: () => (refuse = false) };
}

describe('QueuesResolver', () => {
  it('shows the depths, and each admin only the failed jobs of their own account', async () => {
    const { queue } = await failedQueue();
    const resolver = new QueuesResolver(queue);
    expect(await resolver.queueDepths()).toEqual([
      { name: 'voicemail.deliver', waiting: 0, delayed: 0, active: 0, failed: 2 },
      { name: 'gaps.check', waiting: 0, delayed: 0, active: 0, failed: 0 },
    ]);
    const failed = await resolver.failedJobs(admin('acct-a'));
    expect(failed.map((job) => [job.name, job.jobId, job.reason, job.attemptsMade])).toEqual([
      ['voicemail.deliver', 'c-1:voicemail', 'PermanentDeliveryError: 550 5.1.1 No such user', 1],
    ]);
    expect(await resolver.failedJobs(admin('acct-c'), 'voicemail.deliver')).toEqual([]);
    await queue.close();
  });

  it("retries a failed job of the admin's account, and refuses another account's", async () => {
    const { queue, accept } = await failedQueue();
    const resolver = new QueuesResolver(queue);
    await expect(resolver.retryFailedJob(admin('acct-a'), 'voicemail.deliver', 'c-2:voicemail')).rejects.toMatchObject({
      code: 'FAILED_JOB_NOT_FOUND',
    });
    await expect(resolver.retryFailedJob(admin('acct-a'), 'voicemail.deliver', 'nope')).rejects.toBeInstanceOf(
      RefusalError,
    );
    accept();
    expect(await resolver.retryFailedJob(admin('acct-a'), 'voicemail.deliver', 'c-1:voicemail')).toBe(true);
    while ((await queue.depths())[0].failed > 1) await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await resolver.failedJobs(admin('acct-b'))).map((job) => job.jobId)).toEqual(['c-2:voicemail']);
    await queue.close();
  });

  it.each([[0], [201], [1.5]])('refuses first = %p rather than clamping it', async (first) => {
    const { queue } = await failedQueue();
    await expect(new QueuesResolver(queue).failedJobs(admin('acct-a'), null, first)).rejects.toMatchObject({
      code: 'INVALID_PAGE_SIZE',
      field: 'first',
    });
    expect(await new QueuesResolver(queue).failedJobs(admin('acct-a'), null, 1)).toHaveLength(1);
    await queue.close();
  });
});
