// The storm benchmark's baseline, in a process of its own as the worker is: a bare loop of nodemailer
// sending one message (BENCH_MESSAGE: a JSON file of subject, text, to, attachment) to the SMTP sink on
// 127.0.0.1:BENCH_SMTP_PORT, BENCH_CONCURRENCY at once over as many pooled connections. Tells its
// parent (IPC) `{ ready }`; each `{ from, count }` it is sent sends that many (ids from…), then `{ sent }`.
import fs from 'node:fs';
import { createTransport } from 'nodemailer';

export interface BaselineMessage {
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly attachment: { readonly filename: string; readonly contentType: string; readonly base64: string };
}

async function main(): Promise<void> {
  const message = JSON.parse(fs.readFileSync(process.env.BENCH_MESSAGE ?? '', 'utf8')) as BaselineMessage;
  const concurrency = Number(process.env.BENCH_CONCURRENCY);
  const content = Buffer.from(message.attachment.base64, 'base64');
  const transport = createTransport({
    pool: true,
    host: '127.0.0.1',
    port: Number(process.env.BENCH_SMTP_PORT),
    secure: false,
    ignoreTLS: true,
    maxConnections: concurrency,
  });
  // Each round: messages from…from+count-1, `concurrency` at once; the transport (and its connections) stays.
  process.on('message', ({ from, count }: { from: number; count: number }) => {
    let next = from;
    const sender = async () => {
      for (let i = next++; i < from + count; i = next++) {
        await transport.sendMail({
          from: message.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          attachments: [
            { filename: message.attachment.filename, contentType: message.attachment.contentType, content },
          ],
          messageId: `<baseline-${i}@dutyline.test>`,
        });
      }
    };
    void Promise.all(Array.from({ length: concurrency }, sender)).then(() => process.send?.({ sent: count }));
  });
  process.on('disconnect', () => transport.close());
  process.send?.({ ready: true });
}

void main();
