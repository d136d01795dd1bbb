import type { EmailAddress, MailMessage, Role } from '@dutyline/domain';

/*
 * The e-mails of sign-up, invitations and password resets: plain text and a simple HTML part.
 * Accounts have no language of their own yet, so they are in English.
 */

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** `when` as `28 Mar 2027 03:14 UTC`. */
const utcText = (instant: number): string => {
  const d = new Date(instant);
  const month = d.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCDate()} ${month} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
};

/** A message of paragraphs; a paragraph may hold a link, shown as its address in the text part. */
type Paragraph = string | { readonly link: string; readonly label: string };

function message(to: EmailAddress, subject: string, paragraphs: readonly Paragraph[]): MailMessage {
  const text = paragraphs.map((p) => (typeof p === 'string' ? p : `${p.label}:\n${p.link}`)).join('\n\n');
  const html = paragraphs
    .map((p) =>
      typeof p === 'string'
        ? `<p>${escapeHtml(p)}</p>`
        : `<p><a href="${escapeHtml(p.link)}">${escapeHtml(p.label)}</a></p>`,
    )
    .join('\n');
  return {
    to: [to],
    subject,
    text: `${text}\n\n— Dutyline\n`,
    html: `<!doctype html>\n<html><body>\n${html}\n<p>— Dutyline</p>\n</body></html>\n`,
  };
}

const roleText: Record<Role, string> = { admin: 'an admin', supervisor: 'a supervisor', member: 'a member' };

export function invitationMail(
  to: EmailAddress,
  invitation: { accountName: string; inviterName: string | null; role: Role; link: string; expiresAt: number },
): MailMessage {
  const who = invitation.inviterName ?? 'An admin';
  return message(to, `You are invited to ${invitation.accountName} on Dutyline`, [
    `${who} invited you to join ${invitation.accountName} on Dutyline as ${roleText[invitation.role]}.`,
    { label: 'Choose your password and sign in', link: invitation.link },
    `The link works once, until ${utcText(invitation.expiresAt)}. If you did not expect this invitation, ignore this e-mail.`,
  ]);
}

export function passwordResetMail(
  to: EmailAddress,
  links: readonly { accountName: string; link: string }[],
  expiresAt: number,
): MailMessage {
  const several = links.length > 1;
  return message(to, 'Reset your Dutyline password', [
    several
      ? `Someone asked to reset the password of ${to.value}, which is a user in ${links.length} Dutyline accounts. Each link resets the password in its account only.`
      : `Someone asked to reset the password of ${to.value} on Dutyline.`,
    ...links.map(({ accountName, link }) => ({
      label: several ? `Reset the password in ${accountName}` : `Choose a new password for ${accountName}`,
      link,
    })),
    `Each link works once, until ${utcText(expiresAt)}, and signs you out everywhere. If you did not ask for this, ignore this e-mail: your password stays as it is.`,
  ]);
}

export function verificationMail(
  to: EmailAddress,
  { accountName, link, expiresAt }: { accountName: string; link: string; expiresAt: number },
): MailMessage {
  return message(to, 'Confirm your e-mail address for Dutyline', [
    `Welcome to Dutyline. Confirm that ${to.value} is yours to finish opening ${accountName}.`,
    { label: 'Confirm my e-mail address', link },
    `The link works once, until ${utcText(expiresAt)}. If you did not sign up, ignore this e-mail.`,
  ]);
}

export function signUpAttemptMail(to: EmailAddress): MailMessage {
  return message(to, 'Someone tried to sign up to Dutyline with your address', [
    `Someone tried to open a new Dutyline account with ${to.value}, which already has an account. Nothing was created.`,
    'If it was you, sign in instead, or use "Forgot password" if you no longer know it. If it was not you, you can ignore this e-mail.',
  ]);
}
