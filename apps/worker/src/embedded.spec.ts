import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hotline, person } from '@dutyline/domain';
import { parseMime } from '@dutyline/mail/testing';
import { SqlDeliveryLedger, createDataSource, runMigrations, sqlRepositories } from '@dutyline/persistence';
import type { DataSource } from 'typeorm';
import { startEmbeddedNotifications } from './embedded';
import { eventually, voicemailCall } from './testing/worker-test-world';

/** `npm start` alone: the same processors in-process, on SQLite, mail to the outbox folder. */
describe('embedded notifications', () => {
  let folder: string;
  let dataSource: DataSource;

  beforeEach(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dutyline-embedded-'));
    dataSource = createDataSource({ sqlitePath: path.join(folder, 'dutyline.sqlite') });
    await dataSource.initialize();
    await runMigrations(dataSource);
    const repos = sqlRepositories(dataSource);
    await repos.accounts.createAccount({ id: 'demo', name: 'Demo', createdAt: 0 });
    await repos.people.savePerson(person({ id: 'alice', accountId: 'demo', name: 'Alice Martin', colour: '#1f77b4', email: 'alice@example.org', contactNumbers: [{ number: '+33612345678' }] }));
    await repos.hotlines.save(hotline({ id: 'hl', accountId: 'demo', name: 'Demo hotline', number: '+33140000000', timeZone: 'Europe/Paris', supervisorIds: ['alice'] }));
  });
  afterEach(async () => {
    await dataSource.destroy();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const outbox = () => path.join(folder, 'outbox');
  const messages = () => (fs.existsSync(outbox()) ? fs.readdirSync(outbox()).filter((f) => f.endsWith('.eml')).sort() : []);
  const read = (file: string) => parseMime(fs.readFileSync(path.join(outbox(), file)));
  const start = () => startEmbeddedNotifications({ dataSource, smtpUrl: null, outboxDir: outbox(), vonage: null, publicUrl: 'http://localhost:3000' });

  it('writes a simulated voicemail, with its recording, and the unanswered-call alert to the outbox folder', async () => {
    const notifications = await start();
    try {
      const record = voicemailCall({ callId: 'call-1', accountId: 'demo', hotlineId: 'hl', hotlineNumber: '+33140000000', recording: 'sim-rec-call-1-1' });
      await notifications.events.voicemailRecorded({ eventId: 'call-1:voicemail', callId: 'call-1', record });
      await notifications.events.callUnanswered({ eventId: 'call-1:unanswered', callId: 'call-1', record });
      // The demo hotline has no schedule: one long gap, announced to its supervisor too.
      await eventually(() => expect(messages()).toHaveLength(3));
      const subjects = messages().map((file) => read(file).subject).sort();
      expect(subjects).toEqual([
        expect.stringMatching(/^Nobody on duty on Demo hotline from /),
        'Unanswered call on Maintenance été from +33698765432, 28 Mar 2027 03:15',
        'Voicemail on Maintenance été from +33698765432, 28 Mar 2027 03:15',
      ]);
      const voicemail = messages().map(read).find((mail) => mail.subject.startsWith('Voicemail'))!;
      expect(voicemail.attachments.map((a) => [a.filename, a.contentType])).toEqual([['voicemail-2027-03-28-0315.wav', 'audio/wav']]);
      expect(voicemail.attachments[0].content.subarray(0, 4).toString('latin1')).toBe('RIFF');
      expect(await notifications.inspector.depths()).toContainEqual({ name: 'voicemail.deliver', waiting: 0, delayed: 0, active: 0, failed: 0 });
    } finally {
      await notifications.close();
    }
  });

  it('delivers on start what a stopped process still owed (the in-process queue is not durable)', async () => {
    const record = voicemailCall({ callId: 'call-2', accountId: 'demo', hotlineId: 'hl', hotlineNumber: '+33140000000', recording: 'sim-rec-call-2-1' });
    await new SqlDeliveryLedger(dataSource).addDelivery({ id: 'call-2:voicemail', kind: 'voicemail', accountId: 'demo', hotlineId: 'hl', callId: 'call-2', record, createdAt: 0 });
    const notifications = await start();
    try {
      expect(notifications.reconciled).toEqual({ deliveries: 1, gapOutboxes: 0, gapChecks: 1 });
      await eventually(async () => expect((await new SqlDeliveryLedger(dataSource).delivery('call-2:voicemail'))?.status).toBe('delivered'));
      expect(messages().map(read).filter((mail) => mail.subject.startsWith('Voicemail'))).toHaveLength(1);
    } finally {
      await notifications.close();
    }
  });
});
