import { AddressInfo, createServer, Server } from 'node:net';
import { EmailAddress, MailMessage, PermanentDeliveryError, ValidationError } from '@dutyline/domain';
import { audioAttachment } from './audio-attachment';
import { messageIdFor } from './message-id';
import { MailTransportError } from './smtp-failure';
import { SmtpMailer } from './smtp-mailer';
import { smtpMailerFromUrl } from './smtp-url';
import { SmtpSink, SmtpSinkOptions } from './testing';

const FROM = 'alerts@dutyline.example';
const ALICE = EmailAddress.parse('alice@example.org');
const BOB = EmailAddress.parse('bob@example.org');

/** An MP3-looking recording holding every byte value, so any re-encoding slip shows. */
const RECORDING = Buffer.concat([
  Buffer.from('ID3\x04\x00\x00', 'latin1'),
  Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256)),
]);

const voicemail = (overrides: Partial<MailMessage> = {}): MailMessage => ({
  to: [ALICE],
  subject: 'Messagerie vocale — Hotline Été: +33 6 12 34 56 78',
  text: 'Appel de +33 6 12 34 56 78 le 28/03/2027 à 03:15 (Europe/Paris).\nÉcoutez la pièce jointe.',
  attachments: [audioAttachment(RECORDING, { contentType: 'audio/mpeg', name: 'voicemail-2027-03-28-0315' })],
  ...overrides,
});

const sinks: SmtpSink[] = [];
const mailers: SmtpMailer[] = [];
const servers: Server[] = [];

async function sinkAndMailer(
  options: SmtpSinkOptions = {},
  query = '',
): Promise<{ sink: SmtpSink; mailer: SmtpMailer }> {
  const sink = await SmtpSink.start(options);
  sinks.push(sink);
  const mailer = smtpMailerFromUrl(`${sink.url(FROM)}&fromName=Dutyline${query}`);
  mailers.push(mailer);
  return { sink, mailer };
}

function mailerAt(port: number, settings: Partial<ConstructorParameters<typeof SmtpMailer>[0]> = {}): SmtpMailer {
  const mailer = new SmtpMailer({
    host: '127.0.0.1',
    port,
    security: 'none',
    from: EmailAddress.parse(FROM),
    ...settings,
  });
  mailers.push(mailer);
  return mailer;
}

/** A port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

afterEach(async () => {
  await Promise.all(mailers.splice(0).map((mailer) => mailer.close()));
  await Promise.all(sinks.splice(0).map((sink) => sink.close()));
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('SmtpMailer against a real SMTP server', () => {
  it('delivers recipients, subject, body and the attachment byte for byte', async () => {
    const { sink, mailer } = await sinkAndMailer();

    const receipt = await mailer.send(voicemail({ to: [ALICE, BOB] }));

    expect(sink.received).toHaveLength(1);
    const [mail] = sink.received;
    expect(mail.envelopeFrom).toBe(FROM);
    expect(mail.envelopeTo).toEqual(['alice@example.org', 'bob@example.org']);
    expect(mail.parsed.from).toBe(`Dutyline <${FROM}>`);
    expect(mail.parsed.to).toBe('alice@example.org, bob@example.org');
    expect(mail.parsed.subject).toBe('Messagerie vocale — Hotline Été: +33 6 12 34 56 78');
    expect(mail.parsed.text.trimEnd()).toBe(
      'Appel de +33 6 12 34 56 78 le 28/03/2027 à 03:15 (Europe/Paris).\nÉcoutez la pièce jointe.',
    );
    expect(mail.parsed.attachments).toHaveLength(1);
    expect(mail.parsed.attachments[0].filename).toBe('voicemail-2027-03-28-0315.mp3');
    expect(mail.parsed.attachments[0].contentType).toBe('audio/mpeg');
    expect(mail.parsed.attachments[0].content.equals(RECORDING)).toBe(true);
    expect(receipt).toEqual({ messageId: mail.parsed.messageId, rejected: [] });
  });

  it('sends the HTML alternative beside the text', async () => {
    const { sink, mailer } = await sinkAndMailer();

    await mailer.send(voicemail({ html: '<p>Appel de <b>+33 6 12 34 56 78</b></p>', attachments: [] }));

    expect(sink.received[0].parsed.html).toBe('<p>Appel de <b>+33 6 12 34 56 78</b></p>');
    expect(sink.received[0].parsed.text).toContain('Appel de +33 6 12 34 56 78');
  });

  it('logs in when the URL carries a user and password', async () => {
    const { sink, mailer } = await sinkAndMailer({ login: { user: 'dutyline', pass: 's3cret/+:@' } });

    await mailer.send(voicemail());

    expect(sink.received.map((mail) => mail.user)).toEqual(['dutyline']);
  });

  it('gives the same Message-ID to every send under one idempotency key', async () => {
    const { sink, mailer } = await sinkAndMailer();

    const first = await mailer.send(voicemail({ idempotencyKey: 'voicemail:call-42' }));
    const again = await mailer.send(voicemail({ idempotencyKey: 'voicemail:call-42' }));
    const other = await mailer.send(voicemail({ idempotencyKey: 'voicemail:call-43' }));
    const unkeyed = await mailer.send(voicemail());

    const ids = sink.received.map((mail) => mail.parsed.messageId);
    expect(ids.slice(0, 3)).toEqual([
      messageIdFor('voicemail:call-42', 'dutyline.example'),
      messageIdFor('voicemail:call-42', 'dutyline.example'),
      messageIdFor('voicemail:call-43', 'dutyline.example'),
    ]);
    expect([first.messageId, again.messageId, other.messageId, unkeyed.messageId]).toEqual(ids);
    expect(ids[3]).not.toBe(ids[0]);
  });

  it('sends concurrent messages over at most maxConnections pooled connections', async () => {
    const { sink, mailer } = await sinkAndMailer({}, '&maxConnections=2');

    await Promise.all(
      Array.from({ length: 20 }, (_, i) => mailer.send(voicemail({ idempotencyKey: `alert:${i}`, attachments: [] }))),
    );

    expect(new Set(sink.received.map((mail) => mail.parsed.messageId)).size).toBe(20);
    expect(sink.connectionsAccepted).toBe(2);
  });

  it('resolves when some recipients are accepted, naming the refused ones', async () => {
    const { sink, mailer } = await sinkAndMailer({
      onRecipient: (address) => (address === 'bob@example.org' ? { code: 550, message: 'No such user' } : undefined),
    });

    const receipt = await mailer.send(voicemail({ to: [ALICE, BOB] }));

    expect(receipt.rejected).toEqual([BOB]);
    expect(sink.received.map((mail) => mail.envelopeTo)).toEqual([['alice@example.org']]);
  });

  const refuseAll = (code: number) => () => ({ code, message: `refused with ${code}` });
  const LOGIN = { user: 'dutyline', pass: 'secret' };

  it.each<[string, 'permanent' | 'retryable', number, SmtpSinkOptions, string]>([
    ['the only recipient refused with 550', 'permanent', 550, { onRecipient: refuseAll(550) }, ''],
    ['the recipient refused with 553 (bad mailbox name)', 'permanent', 553, { onRecipient: refuseAll(553) }, ''],
    ['the message refused with 554 after DATA', 'permanent', 554, { onMessage: refuseAll(554) }, ''],
    ['the message too big for the server (552 after DATA)', 'permanent', 552, { onMessage: refuseAll(552) }, ''],
    ['the recipient deferred with 451', 'retryable', 451, { onRecipient: refuseAll(451) }, ''],
    ['the message deferred with 451 after DATA', 'retryable', 451, { onMessage: refuseAll(451) }, ''],
    ['the mailbox full for now (452)', 'retryable', 452, { onRecipient: refuseAll(452) }, ''],
    ['a wrong password (535)', 'retryable', 535, { login: LOGIN }, 'dutyline:wrong@'],
  ])('%s → %s', async (_case, outcome, code, options, clientLogin) => {
    const sink = await SmtpSink.start(options);
    sinks.push(sink);
    const mailer = smtpMailerFromUrl(`smtp://${clientLogin}127.0.0.1:${sink.port}?from=${FROM}&security=none`);
    mailers.push(mailer);

    const failure = await mailer.send(voicemail()).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(outcome === 'permanent' ? PermanentDeliveryError : MailTransportError);
    expect((failure as Error).message).toContain(String(code));
    if (outcome === 'retryable') expect((failure as MailTransportError).responseCode).toBe(code);
    expect(sink.received).toEqual([]);
  });

  it('one recipient deferred and one refused for good: retryable, since a retry may reach the first', async () => {
    const { sink, mailer } = await sinkAndMailer({
      onRecipient: (address) =>
        address === 'alice@example.org' ? { code: 451, message: 'Try later' } : { code: 550, message: 'No such user' },
    });

    await expect(mailer.send(voicemail({ to: [ALICE, BOB] }))).rejects.toBeInstanceOf(MailTransportError);
    expect(sink.received).toEqual([]);
  });

  it('connection refused → retryable', async () => {
    const mailer = mailerAt(await closedPort());

    const failure = await mailer.send(voicemail()).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(MailTransportError);
    expect((failure as MailTransportError).cause).toEqual(expect.objectContaining({ originalCode: 'ECONNREFUSED' }));
  });

  it('a server that never greets → retryable once the greeting timeout passes', async () => {
    const silent = createServer(() => undefined);
    servers.push(silent);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const mailer = mailerAt((silent.address() as AddressInfo).port, { greetingTimeoutMs: 200 });

    const failure = await mailer.send(voicemail()).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(MailTransportError);
    expect((failure as MailTransportError).code).toBe('ETIMEDOUT');
  });

  it('never sends credentials in clear by default: no STARTTLS offered → retryable, nothing sent', async () => {
    const sink = await SmtpSink.start({ login: { user: 'dutyline', pass: 'secret' } });
    sinks.push(sink);
    const mailer = smtpMailerFromUrl(`smtp://dutyline:secret@127.0.0.1:${sink.port}?from=${FROM}`);
    mailers.push(mailer);

    await expect(mailer.send(voicemail())).rejects.toBeInstanceOf(MailTransportError);
    expect(sink.received).toEqual([]);
  });

  it.each([
    ['a certificate that does not verify is refused by default', '', 0],
    ['it is accepted when rejectUnauthorized=false', '&rejectUnauthorized=false', 1],
  ])('STARTTLS: %s', async (_case, query, delivered) => {
    const sink = await SmtpSink.start({ offerStartTls: true, login: { user: 'dutyline', pass: 'secret' } });
    sinks.push(sink);
    const mailer = smtpMailerFromUrl(
      `smtp://dutyline:secret@localhost:${sink.port}?from=${FROM}&security=starttls${query}`,
    );
    mailers.push(mailer);

    const outcome = await mailer.send(voicemail()).catch((error: unknown) => error);

    expect(sink.received).toHaveLength(delivered);
    if (!delivered) expect(outcome).toBeInstanceOf(MailTransportError);
  });

  it('refuses a message without recipients for good, naming the field', async () => {
    const { sink, mailer } = await sinkAndMailer();

    const failure = await mailer.send(voicemail({ to: [] })).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(PermanentDeliveryError);
    expect((failure as PermanentDeliveryError).cause).toEqual(
      expect.objectContaining({ code: 'NO_RECIPIENT', field: 'to' }),
    );
    expect((failure as PermanentDeliveryError).cause).toBeInstanceOf(ValidationError);
    expect(sink.received).toEqual([]);
  });

  it('close() hangs up its connections; a send after it fails retryably', async () => {
    const { sink, mailer } = await sinkAndMailer();
    await mailer.send(voicemail());
    expect(sink.openConnections).toBe(1);

    await mailer.close();
    await waitUntil(() => sink.openConnections === 0);

    await expect(mailer.send(voicemail())).rejects.toBeInstanceOf(MailTransportError);
    expect(sink.received).toHaveLength(1);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  for (const started = Date.now(); !condition();) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
