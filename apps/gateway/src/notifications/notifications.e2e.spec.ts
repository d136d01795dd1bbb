/**
 * The notification jobs end to end, set up over GraphQL, calls driven through the simulator on the
 * very inbound call service the carriers drive:
 * - `npm start` alone (no REDIS_URL, no SMTP_URL): the jobs run in the gateway on the in-process
 *   queue and the mail goes to the outbox folder under DATA_DIR;
 * - production shape: the gateway on MariaDB with REDIS_URL only produces (BullMQ under REDIS_PREFIX,
 *   the ledger in the database); `apps/worker`, a separate process on the same Redis prefix and
 *   database, runs the jobs and mails an SMTP server started by the test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '@dutyline/domain/testing';
import { type ParsedMail, SmtpSink, parseMime } from '@dutyline/mail/testing';
import { describeWithMariaDb, describeWithRedis, mariadbUrl, redisUrl, uniqueName } from '@dutyline/test-support';
import { CLOCK } from '../platform/platform.tokens';
import { dataOf } from '../testing/feature-fixtures';
import { type GatewayHarness, startGateway } from '../testing/gateway-harness';
import {
  CALLER,
  MAIL_FROM,
  createDatabase,
  dropTestStores,
  eventually,
  leaveVoicemail,
  maintenanceHotline,
  startWorkerProcess,
  systemClock,
} from './testing/notification-fixtures';

jest.setTimeout(90_000);

const QUEUE_DEPTHS = '{ queueDepths { name waiting delayed active failed } }';

function outbox(folder: string) {
  const files = () =>
    fs.existsSync(folder)
      ? fs
          .readdirSync(folder)
          .filter((file) => file.endsWith('.eml') && !file.startsWith('.'))
          .sort()
      : [];
  const mails = (): ParsedMail[] => files().map((file) => parseMime(fs.readFileSync(path.join(folder, file))));
  return { files, mails };
}

describe('notifications in the embedded default', () => {
  const gateways: GatewayHarness[] = [];
  const folders: string[] = [];
  afterEach(async () => {
    for (const gateway of gateways.splice(0)) await gateway.close();
    for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
  });
  const start = async (env: Record<string, string>, clock?: ManualClock) => {
    const gateway = await startGateway({
      database: 'sqlite',
      env,
      override: (builder) => (clock ? builder.overrideProvider(CLOCK).useValue(clock) : builder),
    });
    gateways.push(gateway);
    return gateway;
  };

  it('e-mails a voicemail to the outbox with the recording attached, alerts the supervisor, and announces the gap a new hotline opens', async () => {
    // Just before a 10 s window ends: the gap check the new hotline asks for is due at once.
    const clock = new ManualClock('2027-03-28T01:14:59.999Z');
    const gateway = await start({ EMBEDDED_JOBS: 'true' }, clock);
    expect(gateway.logs).toContainEqual(
      expect.objectContaining({ msg: 'notifications ready', mode: 'embedded', jobsRunHere: true }),
    );
    const account = await gateway.newAccount();
    const { number } = await maintenanceHotline(gateway, account);

    await leaveVoicemail(gateway, { clock, number });

    const mailbox = outbox(gateway.config.mail.outboxDir);
    expect(gateway.config.mail.outboxDir).toBe(path.join(gateway.config.dataDir, 'outbox'));
    await eventually(() => expect(mailbox.files()).toHaveLength(3));
    const mails = mailbox.mails();
    expect(mails.map((mail) => mail.subject).sort()).toEqual([
      'Nobody on duty on Maintenance from 2027-03-28 03:14 (UTC+02:00)',
      `Unanswered call on Maintenance from ${CALLER}, 28 Mar 2027 03:14`,
      `Voicemail on Maintenance from ${CALLER}, 28 Mar 2027 03:14`,
    ]);
    const voicemail = mails.find((mail) => mail.subject.startsWith('Voicemail'))!;
    expect(voicemail.to).toContain('alice@example.org');
    expect(voicemail.text).toContain(`${CALLER} left a voicemail on Maintenance (${number}).`);
    expect(voicemail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['voicemail-2027-03-28-0314.wav', 'audio/wav'],
    ]);
    const audio = voicemail.attachments[0].content;
    expect([audio.toString('latin1', 0, 4), audio.toString('latin1', 8, 12), audio.length > 44]).toEqual([
      'RIFF',
      'WAVE',
      true,
    ]);

    const depths = await dataOf(gateway.graphql(QUEUE_DEPTHS, {}, { token: account.tokens.admin }));
    expect(depths.queueDepths).toEqual([
      { name: 'voicemail.deliver', waiting: 0, delayed: 0, active: 0, failed: 0 },
      { name: 'call.unanswered-alert', waiting: 0, delayed: 0, active: 0, failed: 0 },
      // The hotline's next periodic check.
      { name: 'gaps.check', waiting: 0, delayed: 1, active: 0, failed: 0 },
    ]);
  });

  it('keeps in the database what a gateway without jobs owes, and delivers it at the next start (the in-process queue is not durable)', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-notifications-'));
    folders.push(dataDir);
    const first = await start({ DATA_DIR: dataDir, EMBEDDED_JOBS: 'false' });
    const account = await first.newAccount();
    const { number } = await maintenanceHotline(first, account);
    await leaveVoicemail(first, { clock: systemClock, number });
    const owed = await dataOf(first.graphql(QUEUE_DEPTHS, {}, { token: account.tokens.admin }));
    expect(owed.queueDepths.slice(0, 2).map((d: { waiting: number }) => d.waiting)).toEqual([1, 1]);
    await first.close();
    gateways.splice(0);
    expect(outbox(path.join(dataDir, 'outbox')).files()).toEqual([]);

    const second = await start({ DATA_DIR: dataDir, EMBEDDED_JOBS: 'true' });
    expect(second.logs).toContainEqual(
      expect.objectContaining({
        msg: 'notifications ready',
        reconciled: { deliveries: 2, gapOutboxes: 0, gapChecks: 1 },
      }),
    );
    const mailbox = outbox(path.join(dataDir, 'outbox'));
    await eventually(() =>
      expect(
        mailbox
          .mails()
          .map((mail) => mail.subject.split(' ')[0])
          .sort(),
      ).toEqual(['Nobody', 'Unanswered', 'Voicemail']),
    );
  });
});

describeWithRedis('notifications with REDIS_URL: the gateway produces, the worker process delivers', () => {
  describeWithMariaDb('on MariaDB', () => {
    const serverUrl = mariadbUrl().replace(/\/[^/]*$/, '');
    // A database of this file's own: the worker's reconcile pass checks every hotline of its database.
    const database = uniqueName('dutyline_gw_notif');
    const prefix = uniqueName('gwn');
    let sink: SmtpSink;
    let gateway: GatewayHarness;
    let worker: Awaited<ReturnType<typeof startWorkerProcess>>;

    beforeAll(async () => {
      await createDatabase(serverUrl, database);
      sink = await SmtpSink.start();
      const shared = { REDIS_URL: redisUrl(), REDIS_PREFIX: prefix, DATABASE_URL: `${serverUrl}/${database}` };
      gateway = await startGateway({ database: 'mariadb', env: shared });
      worker = await startWorkerProcess({
        ...shared,
        SMTP_URL: sink.url(MAIL_FROM),
        PUBLIC_URL: 'https://hotline.example.org',
        LOG_LEVEL: 'info',
        JOB_BACKOFF_MS: '500',
      });
    });
    afterAll(async () => {
      await worker?.stop();
      await gateway?.close();
      await sink?.close();
      await dropTestStores(serverUrl, database, prefix);
    });

    it('delivers a voicemail left on the gateway to the SMTP server with its recording, and the gap a new hotline opens', async () => {
      expect(gateway.logs).toContainEqual(
        expect.objectContaining({ msg: 'notifications ready', mode: 'redis', jobsRunHere: false }),
      );
      const account = await gateway.newAccount();
      const { number } = await maintenanceHotline(gateway, account);
      await leaveVoicemail(gateway, { clock: systemClock, number });

      // The gap check the new hotline asked for runs within the 10 s debounce window.
      await eventually(
        () =>
          expect(sink.received.map((mail) => mail.parsed.subject.split(' ')[0]).sort()).toEqual([
            'Nobody',
            'Unanswered',
            'Voicemail',
          ]),
        20_000,
      );
      const voicemail = sink.received.find((mail) => mail.parsed.subject.startsWith('Voicemail'))!;
      expect(voicemail.envelopeFrom).toBe(MAIL_FROM);
      expect(voicemail.envelopeTo).toEqual(['alice@example.org']);
      expect(voicemail.parsed.subject).toMatch(new RegExp(`^Voicemail on Maintenance from \\${CALLER}, `));
      expect(voicemail.parsed.attachments.map((a) => a.contentType)).toEqual(['audio/wav']);
      const audio = voicemail.parsed.attachments[0].content;
      expect([audio.toString('latin1', 0, 4), audio.toString('latin1', 8, 12), audio.readUInt32LE(40) + 44]).toEqual([
        'RIFF',
        'WAVE',
        audio.length,
      ]);
      // The worker logs its line after recording the delivery: the mail may be seen first.
      await eventually(() => expect(worker.lines.some((line) => line.includes('"voicemail.deliver done"'))).toBe(true));

      const depths = await dataOf(
        gateway.graphql('{ queueDepths { name waiting active failed } }', {}, { token: account.tokens.admin }),
      );
      expect(depths.queueDepths).toEqual([
        { name: 'voicemail.deliver', waiting: 0, active: 0, failed: 0 },
        { name: 'call.unanswered-alert', waiting: 0, active: 0, failed: 0 },
        { name: 'gaps.check', waiting: 0, active: 0, failed: 0 },
      ]);
    });
  });
});
