import { ManualClock, TEST_ACCOUNT, aHotline, aPerson } from '@dutyline/domain/testing';
import { InMemoryDutyline } from '../testing';
import {
  InMemoryDeliveryLedger,
  InMemoryNotificationSettings,
  RecordingMailer,
  RecordingSms,
  aVoicemailCall,
} from './testing';
import { UnansweredCallAlert } from './unanswered-call-alert';
import { notificationSettings } from '../shared';

async function world(supervisorIds = ['boss']) {
  const clock = new ManualClock('2027-03-28T01:16:00Z');
  const db = new InMemoryDutyline(clock);
  await db.people.savePerson(aPerson({ id: 'alice' }));
  await db.people.savePerson(
    aPerson({ id: 'boss', name: 'Claire Boss', numbers: [{ number: '+33611112222', label: 'mobile' }] }),
  );
  await db.hotlines.save(aHotline({ id: 'hl', supervisorIds }));
  const ledger = new InMemoryDeliveryLedger();
  const settings = new InMemoryNotificationSettings();
  const mailer = new RecordingMailer();
  const sms = new RecordingSms();
  const alert = new UnansweredCallAlert({
    ledger,
    hotlines: db.hotlines,
    people: db.people,
    settings,
    mailer,
    sms,
    clock,
  });
  const owe = async (record = aVoicemailCall()) => {
    await ledger.addDelivery({
      id: `${record.id}:unanswered`,
      kind: 'unanswered-alert',
      accountId: TEST_ACCOUNT,
      hotlineId: 'hl',
      callId: record.id,
      record,
      createdAt: clock.now(),
    });
    return `${record.id}:unanswered`;
  };
  return { ledger, settings, mailer, sms, alert, owe };
}

describe('UnansweredCallAlert (F14)', () => {
  it.each([
    ['voicemail', aVoicemailCall(), 'The caller left a voicemail (sent separately).'],
    [
      'hang-up while ringing',
      aVoicemailCall({ outcome: 'abandoned', voicemailRecording: null }),
      'The caller hung up while a number was ringing.',
    ],
    [
      'closing message',
      aVoicemailCall({ outcome: 'message', voicemailRecording: null }),
      'The caller heard the closing message.',
    ],
  ])('e-mails the supervisors after a %s, with every number tried', async (_, record, ending) => {
    const w = await world();
    await w.alert.alert(await w.owe(record), { attempt: 1, maxAttempts: 5 });
    expect(w.mailer.sent).toHaveLength(1);
    const [mail] = w.mailer.sent;
    expect(mail.to.map((e) => e.value)).toEqual(['boss@example.com']);
    expect(mail.subject).toBe('Unanswered call on Maintenance on-call from +33698765432, 28 Mar 2027 03:15');
    expect(mail.text.split('\n')).toEqual([
      'Nobody on duty took a call on Maintenance on-call (+33140000000).',
      '',
      'Caller: +33698765432',
      'Called: Sun 28 Mar 2027, 03:15 (Europe/Paris, UTC+02:00)',
      ending,
      '',
      'Numbers tried:',
      '- Alice Martin (mobile +33612345678, on duty level 1): no answer after 20 s',
      '- Bob Durand (mobile +33687654321, on duty level 2): busy after 20 s',
      '- Claire Boss (mobile +33611112222, supervisor): no answer after 20 s',
    ]);
  });

  it('texts the supervisors when the hotline asks for SMS', async () => {
    const w = await world();
    await w.settings.saveNotificationSettings(
      TEST_ACCOUNT,
      'hl',
      notificationSettings({ unansweredAlert: { email: false, sms: true } }),
    );
    await w.alert.alert(await w.owe(aVoicemailCall({ caller: null })), { attempt: 1, maxAttempts: 5 });
    expect(w.mailer.sent).toEqual([]);
    expect(w.sms.sent).toEqual([
      {
        to: '+33611112222',
        from: '+33140000000',
        text: 'Unanswered call on Maintenance on-call from a withheld number, 28 Mar 2027 03:15; 3 numbers tried.',
      },
    ]);
  });

  it('closes the delivery quietly when the hotline has nobody to tell', async () => {
    const w = await world([]);
    const outcome = await w.alert.alert(await w.owe(), { attempt: 1, maxAttempts: 5 });
    expect(outcome.steps).toEqual({ none: 'no supervisor or alert address to tell' });
    expect(w.mailer.sent).toEqual([]);
    expect((await w.ledger.delivery('call-1:unanswered'))?.status).toBe('delivered');
  });
});
