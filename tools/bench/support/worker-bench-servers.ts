// The local servers of the worker benchmark, in a process of their own so that their parsing does not
// take the worker's CPU: an SMTP sink and the fake Vonage API. Run with `fork` (IPC): sends
// `{ ready, smtpUrl, vonageUrl, recordingUrl }`, then `{ received }` after each accepted message.
import { randomBytes } from 'node:crypto';
import { SmtpSink } from '@dutyline/mail/testing';
import { FakeVonageApi } from '@dutyline/vonage/testing';

async function main(): Promise<void> {
  if (!process.send) throw new Error('run through fork()');
  let received = 0;
  const sink = await SmtpSink.start({
    onMessage: () => {
      received += 1;
      process.send?.({ received });
      return undefined;
    },
  });
  // The worker's key pair is made in its own process: the fake checks the JWT's shape, not its signature.
  const vonage = await FakeVonageApi.start();
  const recordingUrl = vonage.addRecording('rec', Buffer.concat([Buffer.from('ID3\x04\x00\x00', 'latin1'), randomBytes(16_000)]));
  process.send({ ready: true, smtpUrl: sink.url('alerts@dutyline.test'), vonageUrl: vonage.url, recordingUrl });
  process.on('disconnect', () => {
    void Promise.all([sink.close(), vonage.close()]).then(() => process.exit(0));
  });
}

void main();
