import { EmailAddress } from '@dutyline/domain';
import { SmtpMailer } from './smtp-mailer';
import { smtpMailerFromUrl, smtpSettingsFromUrl } from './smtp-url';
import { resolveSmtpSettings } from './smtp-settings';

const refused = (build: () => unknown, code: string, field: string) =>
  expect(build).toThrow(expect.objectContaining({ name: 'ValidationError', code, field }));

describe('smtpSettingsFromUrl', () => {
  it('reads every part of the URL', () => {
    const settings = smtpSettingsFromUrl(
      'smtp://mail%40dutyline:p%40ss%3Aw%2Frd@smtp.example.org:2525?from=Alerts@Dutyline.Example&fromName=Dutyline%20Alerts' +
        '&security=starttls&connectTimeoutMs=5000&greetingTimeoutMs=6000&socketTimeoutMs=7000&maxConnections=2&rejectUnauthorized=false',
    );

    expect(settings).toEqual({
      host: 'smtp.example.org',
      port: 2525,
      security: 'starttls',
      auth: { user: 'mail@dutyline', pass: 'p@ss:w/rd' },
      from: EmailAddress.parse('Alerts@dutyline.example'),
      fromName: 'Dutyline Alerts',
      connectTimeoutMs: 5000,
      greetingTimeoutMs: 6000,
      socketTimeoutMs: 7000,
      maxConnections: 2,
      rejectUnauthorized: false,
    });
  });

  it.each([
    ['smtp://relay.local?from=a@b.example', 'opportunistic', 587],
    ['smtp://relay.local:25?from=a@b.example&security=none', 'none', 25],
    ['smtp://u:p@relay.local?from=a@b.example', 'starttls', 587],
    ['smtp://u:p@relay.local:465?from=a@b.example', 'tls', 465],
    ['smtps://u:p@relay.local?from=a@b.example', 'tls', 465],
    ['smtp://[::1]:2525?from=a@b.example', 'opportunistic', 2525],
  ])('%s → security %s, port %i', (url, security, port) => {
    const resolved = resolveSmtpSettings(smtpSettingsFromUrl(url));
    expect([resolved.security, resolved.port]).toEqual([security, port]);
  });

  it.each([
    ['', 'REQUIRED', 'smtpUrl'],
    ['relay.local', 'INVALID_URL', 'smtpUrl'],
    ['http://relay.local?from=a@b.example', 'INVALID_SCHEME', 'smtpUrl.scheme'],
    ['smtp://relay.local:99999?from=a@b.example', 'INVALID_PORT', 'smtpUrl.port'],
    ['smtp://relay.local:0?from=a@b.example', 'OUT_OF_RANGE', 'smtpUrl.port'],
    ['smtp://relay.local:smtp?from=a@b.example', 'INVALID_PORT', 'smtpUrl.port'],
    ['smtp://relay.local/inbox?from=a@b.example', 'UNEXPECTED_PATH', 'smtpUrl.path'],
    ['smtp://relay.local', 'REQUIRED', 'smtpUrl.from'],
    ['smtp://relay.local?from=not-an-address', 'INVALID_EMAIL', 'smtpUrl.from'],
    ['smtp://relay.local?from=a@b.example&from=c@d.example', 'REPEATED_PARAMETER', 'smtpUrl.from'],
    ['smtp://relay.local?from=a@b.example&secure=true', 'UNKNOWN_PARAMETER', 'smtpUrl.secure'],
    ['smtp://relay.local?from=a@b.example&security=ssl', 'INVALID_SECURITY', 'smtpUrl.security'],
    ['smtps://relay.local?from=a@b.example&security=none', 'CONFLICTING_SECURITY', 'smtpUrl.security'],
    ['smtp://user@relay.local?from=a@b.example', 'REQUIRED', 'smtpUrl.password'],
    ['smtp://:pass@relay.local?from=a@b.example', 'REQUIRED', 'smtpUrl.user'],
    ['smtp://u:%E0%A4%A@relay.local?from=a@b.example', 'INVALID_ENCODING', 'smtpUrl.password'],
    ['smtp://relay.local?from=a@b.example&connectTimeoutMs=10s', 'INVALID_NUMBER', 'smtpUrl.connectTimeoutMs'],
    ['smtp://relay.local?from=a@b.example&maxConnections=0', 'OUT_OF_RANGE', 'smtpUrl.maxConnections'],
    ['smtp://relay.local?from=a@b.example&rejectUnauthorized=no', 'INVALID_BOOLEAN', 'smtpUrl.rejectUnauthorized'],
    ['smtp://relay.local?from=a@b.example&fromName=Evil%0ABcc:%20x@y.example', 'INVALID_NAME', 'smtpUrl.fromName'],
  ])('refuses %p with %s at %s', (url, code, field) => refused(() => smtpSettingsFromUrl(url), code, field));

  it('names the field under the prefix the caller gives (the environment variable)', () => {
    refused(() => smtpSettingsFromUrl('smtp://relay.local', 'SMTP_URL'), 'REQUIRED', 'SMTP_URL.from');
  });

  it('never repeats the password in an error', () => {
    for (const url of [
      'smtp://u:hunter2@relay.local:99999?from=a@b.example',
      'smtp://u:hunter2@relay.local?from=nope',
      'smtp//u:hunter2@x',
    ]) {
      expect(() => smtpSettingsFromUrl(url)).toThrow(
        expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
      );
    }
  });
});

describe('SmtpMailer settings', () => {
  it.each([
    [{ host: ' ' }, 'INVALID_HOST', 'host'],
    [{ host: 'user@relay' }, 'INVALID_HOST', 'host'],
    [{ port: 70000 }, 'OUT_OF_RANGE', 'port'],
    [{ security: 'ssl' }, 'INVALID_SECURITY', 'security'],
    [{ auth: { user: '', pass: 'x' } }, 'REQUIRED', 'auth.user'],
    [{ auth: { user: 'u', pass: '' } }, 'REQUIRED', 'auth.pass'],
    [{ from: 'a@b.example' }, 'INVALID_EMAIL', 'from'],
    [{ socketTimeoutMs: 1.5 }, 'OUT_OF_RANGE', 'socketTimeoutMs'],
  ])('refuses %p with %s at %s', (override, code, field) => {
    refused(
      () => new SmtpMailer({ host: 'relay.local', from: EmailAddress.parse('a@b.example'), ...(override as object) }),
      code,
      field,
    );
  });

  it('fills in the documented defaults', () => {
    expect(resolveSmtpSettings({ host: 'relay.local', from: EmailAddress.parse('a@b.example') })).toEqual({
      host: 'relay.local',
      port: 587,
      security: 'opportunistic',
      from: EmailAddress.parse('a@b.example'),
      connectTimeoutMs: 10_000,
      greetingTimeoutMs: 10_000,
      socketTimeoutMs: 60_000,
      maxConnections: 3,
      rejectUnauthorized: true,
    });
  });

  it('describes itself without the password, for start-up logs', async () => {
    const mailer = smtpMailerFromUrl('smtps://dutyline:hunter2@smtp.example.org?from=alerts@dutyline.example');
    try {
      expect(String(mailer)).toBe('smtps://dutyline@smtp.example.org:465 (tls) from alerts@dutyline.example');
    } finally {
      await mailer.close();
    }
  });
});
