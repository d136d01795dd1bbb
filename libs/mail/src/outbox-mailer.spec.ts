import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmailAddress, MailMessage, PermanentDeliveryError } from '@dutyline/domain';
import { audioAttachment } from './audio-attachment';
import { messageIdFor } from './message-id';
import { OutboxMailer, outboxFileName } from './outbox-mailer';
import { parseMime } from './testing';

const RECORDING = Buffer.concat([
  Buffer.from('ID3\x04\x00\x00', 'latin1'),
  Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 13) % 256)),
]);

const voicemail = (overrides: Partial<MailMessage> = {}): MailMessage => ({
  to: [EmailAddress.parse('alice@example.org'), EmailAddress.parse('bob@example.org')],
  subject: 'Messagerie vocale — Hotline Été',
  text: 'Appel de +33 6 12 34 56 78 à 03:15.',
  attachments: [audioAttachment(RECORDING, { name: 'voicemail-2027-03-28-0315' })],
  ...overrides,
});

let root: string;
let outbox: OutboxMailer;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dutyline-outbox-'));
  outbox = new OutboxMailer({
    directory: join(root, 'outbox', 'mail'),
    from: EmailAddress.parse('alerts@dutyline.example'),
    fromName: 'Dutyline',
  });
});

afterEach(async () => {
  await outbox.close();
  await rm(root, { recursive: true, force: true });
});

const files = () => readdir(outbox.directory);

describe('OutboxMailer', () => {
  it('writes a readable .eml with the attachment, creating the folder', async () => {
    const receipt = await outbox.send(voicemail({ idempotencyKey: 'voicemail:call-42' }));

    expect(await files()).toEqual([outboxFileName('voicemail:call-42', receipt.messageId)]);
    const raw = await readFile(join(outbox.directory, (await files())[0]));
    expect(raw.toString('latin1')).toMatch(/\r\n\r\n/);
    const mail = parseMime(raw);
    expect(mail.from).toBe('Dutyline <alerts@dutyline.example>');
    expect(mail.to).toBe('alice@example.org, bob@example.org');
    expect(mail.subject).toBe('Messagerie vocale — Hotline Été');
    expect(mail.text).toBe('Appel de +33 6 12 34 56 78 à 03:15.');
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['voicemail-2027-03-28-0315.mp3', 'audio/mpeg'],
    ]);
    expect(mail.attachments[0].content.equals(RECORDING)).toBe(true);
    expect(receipt).toEqual({ messageId: messageIdFor('voicemail:call-42', 'dutyline.example'), rejected: [] });
    expect(mail.messageId).toBe(receipt.messageId);
  });

  it('keeps messages for the owner only: folders it creates 0700, files 0600', async () => {
    await outbox.send(voicemail({ idempotencyKey: 'voicemail:call-43' }));
    await outbox.send(voicemail());
    const modeOf = async (path: string) => (await stat(path)).mode & 0o777;
    expect([await modeOf(join(root, 'outbox')), await modeOf(outbox.directory)]).toEqual([0o700, 0o700]);
    for (const file of await files()) expect(await modeOf(join(outbox.directory, file))).toBe(0o600);
  });

  it('names a keyed file after its key, readably', () => {
    expect(outboxFileName('voicemail:call-42', '<x@y>')).toMatch(/^voicemail_call-42\.[0-9a-f]{12}\.eml$/);
    expect(outboxFileName('voicemail:call-42', '<x@y>')).not.toBe(outboxFileName('voicemail_call-42', '<x@y>'));
    expect(outboxFileName(undefined, '<1a2b-3c@dutyline.example>')).toBe('message-1a2b-3c_dutyline_example.eml');
  });

  it('stores one file per idempotency key, even when sends race', async () => {
    const receipts = await Promise.all(
      Array.from({ length: 5 }, () => outbox.send(voicemail({ idempotencyKey: 'voicemail:call-42' }))),
    );
    await outbox.send(voicemail({ idempotencyKey: 'voicemail:call-42', subject: 'a later retry' }));
    await outbox.send(voicemail({ idempotencyKey: 'gap:2027-03-28' }));

    expect(new Set(receipts.map((r) => r.messageId)).size).toBe(1);
    expect((await files()).sort()).toEqual(
      [outboxFileName('voicemail:call-42', receipts[0].messageId), outboxFileName('gap:2027-03-28', '')].sort(),
    );
    const kept = parseMime(await readFile(join(outbox.directory, outboxFileName('voicemail:call-42', ''))));
    expect(kept.subject).toBe('Messagerie vocale — Hotline Été');
  });

  it('keeps every message sent without a key, and leaves no half-written file behind', async () => {
    const first = await outbox.send(voicemail());
    const second = await outbox.send(voicemail());

    expect(first.messageId).not.toBe(second.messageId);
    expect((await files()).sort()).toEqual(
      [outboxFileName(undefined, first.messageId), outboxFileName(undefined, second.messageId)].sort(),
    );
  });

  it('refuses a message that can never be sent, and writes nothing', async () => {
    const failure = await outbox.send(voicemail({ to: [] })).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(PermanentDeliveryError);
    await expect(files()).rejects.toEqual(expect.objectContaining({ code: 'ENOENT' }));
  });
});
