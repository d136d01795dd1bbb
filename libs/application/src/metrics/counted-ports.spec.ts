import { EmailAddress, JobHandler, JobProcessorHost, MailerPort, PhoneNumber } from '@dutyline/domain';
import { countedMailer, countedSms, timedJobHost } from './counted-ports';
import { Metrics, noMetrics } from './ports';

const counting = () => {
  const counted: string[] = [];
  const metrics: Metrics = {
    ...noMetrics,
    messageSent: (channel, result) => void counted.push(`${channel} ${result}`),
    jobFinished: (job, seconds, result) => void counted.push(`${job} ${result} ${seconds}`),
  };
  return { counted, metrics };
};

describe('ports counted for the metrics', () => {
  it("counts e-mails sent and failed, and keeps the mailer's other methods", async () => {
    const { counted, metrics } = counting();
    let fail = false;
    const mailer: MailerPort & { closed: boolean; close(): Promise<void> } = {
      closed: false,
      send: async () => {
        if (fail) throw new Error('refused');
        return { messageId: 'm1', rejected: [] };
      },
      async close() {
        this.closed = true;
      },
    };
    const mail = countedMailer(mailer, metrics);
    const message = { to: [EmailAddress.parse('a@example.org')], subject: 's', text: 't' };
    await expect(mail.send(message)).resolves.toEqual({ messageId: 'm1', rejected: [] });
    fail = true;
    await expect(mail.send(message)).rejects.toThrow('refused');
    await mail.close();
    expect(mailer.closed).toBe(true);
    expect(counted).toEqual(['email sent', 'email failed']);
  });

  it('counts text messages sent and failed', async () => {
    const { counted, metrics } = counting();
    const sms = countedSms(
      { sendSms: async (_to, _from, text) => (text === 'ok' ? { messageId: 's1' } : Promise.reject(new Error('no'))) },
      metrics,
    );
    const number = PhoneNumber.parse('+33612345678');
    await sms.sendSms(number, number, 'ok');
    await expect(sms.sendSms(number, number, 'ko')).rejects.toThrow('no');
    expect(counted).toEqual(['sms sent', 'sms failed']);
  });

  it('times each job by name, completed or failed', async () => {
    const { counted, metrics } = counting();
    const handlers = new Map<string, JobHandler<object>>();
    const host: JobProcessorHost<{ 'voicemail-delivery': object; 'gap-check': object }> = {
      register: (name, handler) => void handlers.set(name, handler),
      start: async () => undefined,
      close: async () => undefined,
    };
    let now = 0;
    const timed = timedJobHost(host, metrics, () => now);
    timed.register('voicemail-delivery', async () => void (now += 1500));
    timed.register('gap-check', async () => Promise.reject(new Error('down')));
    const context = { jobId: 'j', attempt: 1, maxAttempts: 5 };
    await handlers.get('voicemail-delivery')!({}, context);
    await expect(handlers.get('gap-check')!({}, context)).rejects.toThrow('down');
    expect(counted).toEqual(['voicemail-delivery completed 1.5', 'gap-check failed 0']);
  });
});
