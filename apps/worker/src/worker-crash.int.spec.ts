/**
 * The worker as a separate process, killed with SIGKILL in the middle of a voicemail job before the
 * SMTP server accepted the message (a proxy holds the session at DATA); after a restart the e-mail is
 * delivered, once. Then SIGTERM stops it cleanly.
 */
import { messageIdFor } from '@dutyline/mail';
import { SmtpSink } from '@dutyline/mail/testing';
import { SqlDeliveryLedger } from '@dutyline/persistence';
import { describeWithMariaDb, describeWithRedis, redisUrl } from '@dutyline/test-support';
import { testApplicationKeys } from '@dutyline/vonage/testing';
import { HoldingSmtpProxy } from './testing/holding-smtp-proxy';
import {
  MAIL_FROM,
  RECORDING,
  TestProducer,
  TestWorld,
  bullMqProducer,
  eventually,
  testDatabase,
  testWorld,
} from './testing/worker-test-world';
import { WorkerProcess } from './testing/worker-process';

// BullMQ hands a job whose worker died to another one once its lock has expired (JOB_LOCK_SECONDS, 4 s here).
jest.setTimeout(150_000);

describeWithRedis('the worker process', () => {
  describeWithMariaDb('and MariaDB', () => {
    let database: Awaited<ReturnType<typeof testDatabase>>;
    let world: TestWorld;
    let sink: SmtpSink;
    let proxy: HoldingSmtpProxy;
    let producer: TestProducer;
    const processes: WorkerProcess[] = [];

    beforeAll(async () => {
      database = await testDatabase();
      sink = await SmtpSink.start();
      proxy = await HoldingSmtpProxy.start({ host: sink.host, port: sink.port });
      world = await testWorld({ databaseUrl: database.url, sink });
      producer = bullMqProducer({ dataSource: world.dataSource, prefix: world.prefix });
    });
    afterAll(async () => {
      for (const worker of processes) {
        worker.kill('SIGKILL');
        await worker.exited;
      }
      await producer?.close();
      await world?.cleanUp();
      await proxy?.close();
      await sink?.close();
      await database?.drop();
    });

    const startWorker = () => {
      const env = {
        REDIS_URL: redisUrl(),
        REDIS_PREFIX: world.prefix,
        DATABASE_URL: database.url,
        SMTP_URL: proxy.url(MAIL_FROM),
        VONAGE_APPLICATION_ID: 'app-1',
        VONAGE_PRIVATE_KEY: testApplicationKeys().privateKey,
        VONAGE_API_HOST: world.vonage.url,
        PUBLIC_URL: 'https://hotline.example.org',
        LOG_LEVEL: 'info',
        JOB_BACKOFF_MS: '500',
        SHUTDOWN_TIMEOUT_SECONDS: '20',
        JOB_LOCK_SECONDS: '4',
      };
      const worker = WorkerProcess.spawn(env);
      processes.push(worker);
      return worker;
    };

    it('delivers the voicemail exactly once after a SIGKILL before the SMTP server accepted it', async () => {
      const first = startWorker();
      await first.waitFor('"taking jobs"');
      await producer.events.voicemailRecorded({
        eventId: 'call-k:voicemail',
        callId: 'call-k',
        record: world.voicemailCall('call-k'),
      });
      await proxy.held();
      first.kill('SIGKILL');
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
      expect(sink.received).toEqual([]);
      expect((await new SqlDeliveryLedger(world.dataSource).delivery('call-k:voicemail'))?.status).toBe('pending');

      proxy.release();
      const second = startWorker();
      await second.waitFor('"taking jobs"');
      await eventually(() => expect(sink.received).toHaveLength(1), 120_000, 200);
      await eventually(
        async () =>
          expect((await new SqlDeliveryLedger(world.dataSource).delivery('call-k:voicemail'))?.status).toBe(
            'delivered',
          ),
        10_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(sink.received).toHaveLength(1);
      const [mail] = sink.received;
      expect(mail.parsed.messageId).toBe(messageIdFor('call-k:voicemail', 'dutyline.test'));
      expect(mail.envelopeTo).toEqual(['alice@example.org', 'boss@example.org']);
      expect(mail.parsed.attachments[0].content.equals(RECORDING)).toBe(true);

      second.kill('SIGTERM');
      expect(await second.exited).toEqual({ code: 0, signal: null });
      expect(second.lines.some((line) => line.includes('"stopped"') && line.includes('"jobsFinished":true'))).toBe(
        true,
      );
    });

    it('on SIGTERM stops taking jobs, finishes the one running, then exits', async () => {
      const worker = startWorker();
      await worker.waitFor('"taking jobs"');
      const before = sink.received.length;
      proxy.holdNext();
      await producer.events.voicemailRecorded({
        eventId: 'call-t:voicemail',
        callId: 'call-t',
        record: world.voicemailCall('call-t'),
      });
      await proxy.held();
      worker.kill('SIGTERM');
      await worker.waitFor('"shutting down"');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(sink.received).toHaveLength(before); // still held: the job is running
      proxy.flushHeld();
      expect(await worker.exited).toEqual({ code: 0, signal: null });
      expect(sink.received.map((m) => m.parsed.messageId).slice(before)).toEqual([
        messageIdFor('call-t:voicemail', 'dutyline.test'),
      ]);
      expect((await new SqlDeliveryLedger(world.dataSource).delivery('call-t:voicemail'))?.status).toBe('delivered');
      expect(worker.lines.some((line) => line.includes('"stopped"') && line.includes('"jobsFinished":true'))).toBe(
        true,
      );
    });
  });
});
