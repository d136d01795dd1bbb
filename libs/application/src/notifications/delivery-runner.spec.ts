import { ManualClock } from '@dutyline/domain/testing';
import { runDelivery } from './delivery-runner';
import { InMemoryDeliveryLedger } from './testing';

async function owed() {
  const clock = new ManualClock('2026-10-25T00:30:00Z'); // the night Paris's clocks go back
  const ledger = new InMemoryDeliveryLedger();
  await ledger.addDelivery({
    id: 'call-1:voicemail',
    kind: 'voicemail',
    accountId: 'acct',
    hotlineId: 'hl',
    callId: 'call-1',
    record: {} as never,
    createdAt: clock.now(),
  });
  return { clock, ledger };
}

const FIRST = { attempt: 1, maxAttempts: 5 };

describe('runDelivery', () => {
  it.each([
    ['closes with it', async () => undefined, { status: 'delivered', steps: { email: '<m1@x>' }, lastError: null }],
    [
      'records it on its own when the work fails after all',
      async () => {
        throw new Error('SMTP went away');
      },
      { status: 'pending', steps: { email: '<m1@x>' }, lastError: 'Error: SMTP went away' },
    ],
  ])('a last step done: %s', async (_, after, expected) => {
    const { clock, ledger } = await owed();
    const run = runDelivery(
      { ledger, clock },
      { kind: 'voicemail', deliveryId: 'call-1:voicemail', context: FIRST },
      async (_d, step) => {
        await step('email', async () => '<m1@x>', { last: true });
        await after();
      },
    );
    if (expected.status === 'pending') await expect(run).rejects.toThrow('SMTP went away');
    else await expect(run).resolves.toMatchObject({ status: 'delivered', steps: { email: '<m1@x>' } });
    expect(await ledger.delivery('call-1:voicemail')).toMatchObject(expected);
  });

  it('records a held step before the next one runs', async () => {
    const { clock, ledger } = await owed();
    const seen: Record<string, string>[] = [];
    await runDelivery(
      { ledger, clock },
      { kind: 'voicemail', deliveryId: 'call-1:voicemail', context: FIRST },
      async (_d, step) => {
        await step('email', async () => '<m1@x>', { last: true });
        await step('sms:+33612345678', async () => {
          seen.push({ ...(await ledger.delivery('call-1:voicemail'))!.steps });
          return 'sms-1';
        });
      },
    );
    expect(seen).toEqual([{ email: '<m1@x>' }]);
    expect((await ledger.delivery('call-1:voicemail'))?.steps).toEqual({
      email: '<m1@x>',
      'sms:+33612345678': 'sms-1',
    });
  });
});
