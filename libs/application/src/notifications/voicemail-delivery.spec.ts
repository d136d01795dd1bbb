import { EmailAddress, NonRetryableJobError, PermanentDeliveryError, parseInstant } from '@dutyline/domain';
import { ManualClock, TEST_ACCOUNT, aHotline, aPerson } from '@dutyline/domain/testing';
import { InMemoryDutyline } from '../testing';
import {
  FakeRecordings,
  InMemoryDeliveryLedger,
  InMemoryNotificationSettings,
  InMemoryVoicemailLinks,
  RecordingMailer,
  RecordingSms,
  aVoicemailCall,
} from './testing';
import { VoicemailDelivery } from './voicemail-delivery';
import { notificationSettings } from '../shared';

const AUDIO = Buffer.from([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0xff, 0xfb, 0x90, 0x00, 0x01, 0x02]);
const FIRST = { attempt: 1, maxAttempts: 5 };

async function world() {
  const clock = new ManualClock('2027-03-28T01:18:00Z');
  const db = new InMemoryDutyline(clock);
  await db.people.savePerson(
    aPerson({ id: 'alice', name: 'Alice Martin', numbers: [{ number: '+33612345678', label: 'mobile' }] }),
  );
  await db.people.savePerson(
    aPerson({ id: 'bob', name: 'Bob Durand', email: null, numbers: [{ number: '+33687654321', label: 'mobile' }] }),
  );
  await db.people.savePerson(
    aPerson({ id: 'boss', name: 'Claire Boss', numbers: [{ number: '+33611112222', label: 'mobile' }] }),
  );
  await db.hotlines.save(aHotline({ id: 'hl', supervisorIds: ['boss'] }));
  const ledger = new InMemoryDeliveryLedger();
  const settings = new InMemoryNotificationSettings();
  const mailer = new RecordingMailer();
  const recordings = new FakeRecordings();
  recordings.audio.set('https://api.nexmo.com/v1/files/rec-1', { audio: AUDIO, contentType: 'audio/mpeg' });
  const sms = new RecordingSms();
  const links = new InMemoryVoicemailLinks();
  const delivery = new VoicemailDelivery({
    ledger,
    hotlines: db.hotlines,
    people: db.people,
    accounts: db.accounts,
    settings,
    recordings,
    mailer,
    sms,
    links,
    clock,
  });
  const owe = async (record = aVoicemailCall()) => {
    await ledger.addDelivery({
      id: `${record.id}:voicemail`,
      kind: 'voicemail',
      accountId: TEST_ACCOUNT,
      hotlineId: 'hl',
      callId: record.id,
      record,
      createdAt: clock.now(),
    });
    return `${record.id}:voicemail`;
  };
  return { clock, db, ledger, settings, mailer, recordings, sms, links, delivery, owe };
}

describe('VoicemailDelivery (F13)', () => {
  it('e-mails the recording to the people on duty and the supervisors, with caller, local time and hotline', async () => {
    const w = await world();
    const outcome = await w.delivery.deliver(await w.owe(), FIRST);

    expect(w.mailer.sent).toHaveLength(1);
    const [mail] = w.mailer.sent;
    // bob has no e-mail address: alice (on duty) and the boss (supervisor) get it.
    expect(mail.to.map((e) => e.value)).toEqual(['alice@example.com', 'boss@example.com']);
    expect(mail.subject).toBe('Voicemail on Maintenance on-call from +33698765432, 28 Mar 2027 03:15');
    expect(mail.text).toContain('+33698765432 left a voicemail on Maintenance on-call (+33140000000).');
    expect(mail.text).toContain('Received: Sun 28 Mar 2027, 03:15 (Europe/Paris, UTC+02:00)');
    expect(mail.text).toContain('- Alice Martin (mobile +33612345678, on duty level 1): no answer after 20 s');
    expect(mail.text).toContain('- Bob Durand (mobile +33687654321, on duty level 2): busy after 20 s');
    expect(mail.attachments).toEqual([
      { filename: 'voicemail-2027-03-28-0315.mp3', contentType: 'audio/mpeg', content: AUDIO },
    ]);
    expect(mail.idempotencyKey).toBe('call-1:voicemail');
    expect(outcome).toEqual({
      deliveryId: 'call-1:voicemail',
      status: 'delivered',
      steps: { email: '<call-1:voicemail@test>' },
    });
    expect((await w.ledger.delivery('call-1:voicemail'))?.status).toBe('delivered');
    expect(w.sms.sent).toEqual([]);
  });

  it.each([
    ['on duty only', { onDuty: true, supervisors: false }, ['alice@example.com']],
    ['supervisors only', { onDuty: false, supervisors: true }, ['boss@example.com']],
    [
      'a shared mailbox only',
      { onDuty: false, supervisors: false, emails: ['desk@example.com'] },
      ['desk@example.com'],
    ],
  ])('sends to %s when the hotline says so', async (_, email, expected) => {
    const w = await world();
    await w.settings.saveNotificationSettings(TEST_ACCOUNT, 'hl', notificationSettings({ voicemail: { email } }));
    await w.delivery.deliver(await w.owe(), FIRST);
    expect(w.mailer.sent.map((m) => m.to.map((e) => e.value))).toEqual([expected]);
  });

  it.each([
    ['no text follows: the e-mail is recorded with the close, one write', false, ['finish email']],
    [
      'texts follow: the e-mail is recorded before them, then each text',
      true,
      ['step email', 'step sms:+33612345678', 'step sms:+33687654321', 'finish'],
    ],
  ])('writes the ledger once a step: %s', async (_, texts, writes) => {
    const w = await world();
    if (texts)
      await w.settings.saveNotificationSettings(
        TEST_ACCOUNT,
        'hl',
        notificationSettings({ voicemail: { sms: { onDuty: true } } }),
      );
    const id = await w.owe();
    const written: string[] = [];
    const [recordStep, finishDelivery] = [w.ledger.recordStep.bind(w.ledger), w.ledger.finishDelivery.bind(w.ledger)];
    w.ledger.recordStep = (delivery, done) => (written.push(`step ${done.step}`), recordStep(delivery, done));
    w.ledger.finishDelivery = (delivery, end) => (
      written.push(['finish', ...(end.step ? [end.step.step] : [])].join(' ')),
      finishDelivery(delivery, end)
    );
    await w.delivery.deliver(id, FIRST);

    expect(written).toEqual(writes);
    expect(await w.ledger.delivery(id)).toMatchObject({
      status: 'delivered',
      steps: { email: expect.stringMatching(/^<.+>$/) },
    });
    // Run again: nothing goes twice.
    await w.delivery.deliver(id, { attempt: 2, maxAttempts: 5 });
    expect(w.mailer.sent).toHaveLength(1);
  });

  it('texts an expiring link to the chosen mobiles from the hotline number, once', async () => {
    const w = await world();
    await w.settings.saveNotificationSettings(
      TEST_ACCOUNT,
      'hl',
      notificationSettings({ voicemail: { sms: { onDuty: true }, linkHours: 48 } }),
    );
    const id = await w.owe();
    await w.delivery.deliver(id, FIRST);

    expect(w.links.issued).toEqual([
      {
        accountId: TEST_ACCOUNT,
        callId: 'call-1',
        recording: 'https://api.nexmo.com/v1/files/rec-1',
        expiresAt: parseInstant('2027-03-30T01:18:00Z'),
        url: 'https://hotline.test/voicemail/token-1',
      },
    ]);
    const text =
      'Voicemail on Maintenance on-call from +33698765432, 28 Mar 2027 03:15: https://hotline.test/voicemail/token-1';
    expect(w.sms.sent).toEqual([
      { to: '+33612345678', from: '+33140000000', text },
      { to: '+33687654321', from: '+33140000000', text },
    ]);
    // Run again (a crash after the work, before the job was marked done): nothing goes twice.
    await w.delivery.deliver(id, { attempt: 2, maxAttempts: 5 });
    expect([w.mailer.sent.length, w.sms.sent.length]).toEqual([1, 2]);
  });

  it('clears the links that have expired when it issues a new one', async () => {
    const w = await world();
    await w.settings.saveNotificationSettings(
      TEST_ACCOUNT,
      'hl',
      notificationSettings({ voicemail: { sms: { onDuty: true }, linkHours: 48 } }),
    );
    const stale = { accountId: TEST_ACCOUNT, callId: 'call-0', recording: 'r-0' };
    await w.links.issueVoicemailLink({ ...stale, expiresAt: w.clock.now() - 1 });
    await w.links.issueVoicemailLink({ ...stale, expiresAt: w.clock.now() + 1 });
    await w.delivery.deliver(await w.owe(), FIRST);
    expect(w.links.issued.map((link) => link.expiresAt)).toEqual([
      w.clock.now() + 1,
      parseInstant('2027-03-30T01:18:00Z'),
    ]);
  });

  it('skips the steps an interrupted attempt finished, and records a mobile the carrier refuses', async () => {
    const w = await world();
    await w.settings.saveNotificationSettings(
      TEST_ACCOUNT,
      'hl',
      notificationSettings({ voicemail: { sms: { onDuty: true } } }),
    );
    w.sms.refuse('+33612345678');
    const id = await w.owe();
    await w.ledger.recordStep(id, { step: 'email', result: '<sent-before@test>', at: w.clock.now() });
    const outcome = await w.delivery.deliver(id, { attempt: 2, maxAttempts: 5 });
    expect(w.mailer.sent).toEqual([]);
    expect(w.recordings.fetched).toBe(0);
    expect(outcome.steps).toEqual({
      email: '<sent-before@test>',
      'sms:+33612345678': 'refused: +33612345678 cannot receive texts',
      'sms:+33687654321': 'sms-1',
    });
  });

  it('fails at once, without retrying, when every address is refused for good', async () => {
    const w = await world();
    w.mailer.failNext(new PermanentDeliveryError('550 5.1.1 no such user'));
    const id = await w.owe();
    const attempt = w.delivery.deliver(id, FIRST);
    await expect(attempt).rejects.toBeInstanceOf(NonRetryableJobError);
    await expect(attempt).rejects.toThrow('PermanentDeliveryError: 550 5.1.1 no such user');
    expect(await w.ledger.delivery(id)).toMatchObject({
      status: 'failed',
      lastError: 'PermanentDeliveryError: 550 5.1.1 no such user',
    });
  });

  it('leaves a transient failure to the queue to retry, and closes the delivery as failed on the last attempt', async () => {
    const w = await world();
    const id = await w.owe();
    w.mailer.failNext(new Error('connect ECONNREFUSED'), new Error('connect ECONNREFUSED'));
    await expect(w.delivery.deliver(id, FIRST)).rejects.toThrow('ECONNREFUSED');
    expect(await w.ledger.delivery(id)).toMatchObject({ status: 'pending', lastError: 'Error: connect ECONNREFUSED' });
    await expect(w.delivery.deliver(id, { attempt: 5, maxAttempts: 5 })).rejects.toThrow('ECONNREFUSED');
    expect((await w.ledger.delivery(id))?.status).toBe('failed');
  });

  it.each([
    ['a call without a recording', aVoicemailCall({ voicemailRecording: null }), 'has no recording'],
    ['nobody with an address or a mobile', aVoicemailCall({ legs: [] }), 'nobody to tell'],
  ])('refuses %s without retrying', async (_, record, message) => {
    const w = await world();
    await w.db.hotlines.save(aHotline({ id: 'hl', supervisorIds: [] }));
    const attempt = w.delivery.deliver(await w.owe(record), FIRST);
    await expect(attempt).rejects.toBeInstanceOf(NonRetryableJobError);
    await expect(attempt).rejects.toThrow(message);
  });

  it("e-mails the account's admins when nobody the settings name has an e-mail, and reports nothing to retry", async () => {
    const w = await world();
    await w.db.hotlines.save(aHotline({ id: 'hl', supervisorIds: [] }));
    const user = (id: string, role: 'admin' | 'member', email: string) =>
      w.db.accounts.saveUser({
        id,
        accountId: TEST_ACCOUNT,
        email: EmailAddress.parse(email),
        name: id,
        role,
        passwordHash: 'x',
        createdAt: 0,
      });
    await user('ada', 'admin', 'ada@example.com');
    await user('max', 'member', 'max@example.com');
    await user('zoe', 'admin', 'zoe@example.com');
    // The only leg rang bob, who has no e-mail; the hotline has no supervisor.
    const outcome = await w.delivery.deliver(await w.owe(aVoicemailCall({ legs: [aVoicemailCall().legs[1]] })), FIRST);
    expect(w.mailer.sent.map((m) => m.to.map((e) => e.value))).toEqual([['ada@example.com', 'zoe@example.com']]);
    expect(w.mailer.sent[0].attachments?.[0].content).toEqual(AUDIO);
    expect(outcome.status).toBe('delivered');
  });

  it('refuses a delivery nobody owes', async () => {
    const w = await world();
    await expect(w.delivery.deliver('call-9:voicemail', FIRST)).rejects.toBeInstanceOf(NonRetryableJobError);
  });
});
