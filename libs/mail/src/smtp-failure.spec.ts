import { PermanentDeliveryError } from '@dutyline/domain';
import { MailTransportError, classifySmtpFailure } from './smtp-failure';

/** Errors shaped the way nodemailer 10 reports them (code, command, responseCode, permanent). */
const smtpError = (fields: Record<string, unknown>) =>
  Object.assign(new Error(String(fields.message ?? 'failed')), fields);

describe('classifySmtpFailure', () => {
  it.each([
    ['550 to RCPT TO', { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550, permanent: true }, 'permanent'],
    ['554 after DATA', { code: 'EMESSAGE', command: 'DATA', responseCode: 554, permanent: true }, 'permanent'],
    [
      '552 to MAIL FROM (too big)',
      { code: 'EENVELOPE', command: 'MAIL FROM', responseCode: 552, permanent: true },
      'permanent',
    ],
    ['over the advertised SIZE', { code: 'EMESSAGE', command: 'MAIL FROM' }, 'permanent'],
    [
      'a recipient nodemailer refuses',
      { code: 'EENVELOPE', command: 'API', message: 'Invalid recipient' },
      'permanent',
    ],
    ['451 to RCPT TO', { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 451, permanent: false }, 'retryable'],
    [
      '503 after DATA (bad sequence)',
      { code: 'EMESSAGE', command: 'DATA', responseCode: 503, permanent: false },
      'retryable',
    ],
    [
      '550 to MAIL FROM (sender refused: settings)',
      { code: 'EENVELOPE', command: 'MAIL FROM', responseCode: 550, permanent: true },
      'retryable',
    ],
    ['535 to AUTH', { code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535, permanent: true }, 'retryable'],
    ['421 greeting', { code: 'EPROTOCOL', command: 'CONN', responseCode: 421, permanent: false }, 'retryable'],
    ['connection refused', { code: 'ESOCKET', originalCode: 'ECONNREFUSED', command: 'CONN' }, 'retryable'],
    ['timeout', { code: 'ETIMEDOUT', command: 'CONN' }, 'retryable'],
    ['TLS failure', { code: 'ETLS', command: 'CONN' }, 'retryable'],
  ])('%s → %s', (_case, fields, outcome) => {
    const error = classifySmtpFailure(smtpError(fields));
    expect(error).toBeInstanceOf(outcome === 'permanent' ? PermanentDeliveryError : MailTransportError);
    expect(error.cause).toEqual(expect.objectContaining(fields));
  });

  it('keeps the SMTP details on a retryable error, for the failed-job view', () => {
    const error = classifySmtpFailure(
      smtpError({
        message: 'Recipient command failed: 451 Try later',
        code: 'EENVELOPE',
        command: 'RCPT TO',
        responseCode: 451,
      }),
    );
    expect(error).toEqual(
      expect.objectContaining({
        code: 'EENVELOPE',
        responseCode: 451,
        message: 'SMTP send failed at RCPT TO: Recipient command failed: 451 Try later',
      }),
    );
  });

  it('treats something that is not an error at all as retryable', () => {
    expect(classifySmtpFailure('socket hang up')).toBeInstanceOf(MailTransportError);
  });
});
