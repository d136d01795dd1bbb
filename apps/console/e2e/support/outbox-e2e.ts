// The e-mails a test gateway wrote to its outbox folder (`<DATA_DIR>/outbox/*.eml`, no SMTP server):
// found by recipient and subject, decoded enough to read their links.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { keepScreenshot as keepShared, type DemoGateway } from './console-e2e';

/** A full-page screenshot kept for a look (tmp/console-e2e/<name>.png; not under CI). */
export const keepScreenshot = (page: Page, name: string): Promise<void> => keepShared(page, name, { fullPage: true });

/** The text of an RFC 822 message with quoted-printable soft breaks and escapes undone. */
function decoded(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Waits for the newest outbox message to `to` whose subject contains `subject` and written after
 * `since` (ms), and answers its decoded text.
 */
export async function waitForMail(
  gateway: DemoGateway,
  { to, subject, since = 0, timeoutMs = 10_000 }: { to: string; subject: string; since?: number; timeoutMs?: number },
): Promise<string> {
  const outbox = path.join(gateway.dataDir, 'outbox');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (fs.existsSync(outbox) ? fs.readdirSync(outbox) : [])
      .filter((name) => name.endsWith('.eml') && !name.startsWith('.'))
      .map((name) => path.join(outbox, name))
      .filter((file) => fs.statSync(file).mtimeMs >= since)
      .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)
      .map((file) => decoded(fs.readFileSync(file, 'utf8')))
      .find(
        (text) =>
          new RegExp(`^To: .*${to.replace(/[.+]/g, '\\$&')}`, 'im').test(text) &&
          new RegExp(`^Subject: .*${subject}`, 'im').test(text),
      );
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no e-mail to ${to} about "${subject}" in ${outbox}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The console link of a message (`/accept-invitation?token=…`), on the test gateway's own address:
 * the gateway builds links on PUBLIC_URL or its configured port, which a test gateway on port 0 does not know.
 */
export function consoleLink(gateway: DemoGateway, mail: string, page: string): string {
  const match = new RegExp(`https?://[^\\s"<>]+?(/${page}\\?token=[A-Za-z0-9_\\-.~%]+)`).exec(mail);
  if (!match) throw new Error(`no /${page} link in:\n${mail}`);
  return `${gateway.url}${match[1]}`;
}
