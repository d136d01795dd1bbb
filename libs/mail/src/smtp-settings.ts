import { EmailAddress, invalid } from '@dutyline/domain';

/**
 * How the connection is protected. `tls`: TLS from the first byte (port 465). `starttls`: plain
 * connection upgraded with STARTTLS, refused when the server cannot upgrade. `opportunistic`:
 * upgrades when the server offers it. `none`: never encrypted (a local sink or relay only).
 */
export type SmtpSecurity = 'tls' | 'starttls' | 'opportunistic' | 'none';

export const SMTP_SECURITIES: readonly SmtpSecurity[] = ['tls', 'starttls', 'opportunistic', 'none'];

export interface SmtpMailerSettings {
  readonly host: string;
  /** @defaultValue 465 when `security` is `'tls'`, otherwise 587 */
  readonly port?: number;
  /** @defaultValue `'tls'` on port 465, `'starttls'` when `auth` is set (credentials never travel in clear), otherwise `'opportunistic'` */
  readonly security?: SmtpSecurity;
  /** Login; none when absent. */
  readonly auth?: { readonly user: string; readonly pass: string };
  /** The sender address; its domain also names the derived `Message-ID`s. */
  readonly from: EmailAddress;
  /** Shown beside `from`, e.g. `Dutyline`. @defaultValue none */
  readonly fromName?: string;
  /** Waiting for the TCP (or TLS) connection. @defaultValue 10000 */
  readonly connectTimeoutMs?: number;
  /** Waiting for the server's greeting once connected. @defaultValue 10000 */
  readonly greetingTimeoutMs?: number;
  /** Silence allowed in the middle of a conversation. @defaultValue 60000 */
  readonly socketTimeoutMs?: number;
  /** Connections kept open and reused between messages. @defaultValue 3 */
  readonly maxConnections?: number;
  /** Refuse a server certificate that does not verify. @defaultValue true */
  readonly rejectUnauthorized?: boolean;
}

export type ResolvedSmtpSettings = Required<Omit<SmtpMailerSettings, 'auth' | 'fromName'>> &
  Pick<SmtpMailerSettings, 'auth' | 'fromName'>;

/** The settings with their defaults filled in; a ValidationError names the first faulty field. */
export function resolveSmtpSettings(settings: SmtpMailerSettings): ResolvedSmtpSettings {
  const host = typeof settings.host === 'string' ? settings.host.trim() : '';
  if (host === '' || /[\s/@?#]/.test(host))
    invalid('INVALID_HOST', 'host', 'the SMTP host must be a host name or IP address');
  if (settings.port !== undefined) integerIn(settings.port, 'port', { min: 1, max: 65535 });
  if (settings.security !== undefined && !SMTP_SECURITIES.includes(settings.security)) {
    invalid('INVALID_SECURITY', 'security', `security is one of ${SMTP_SECURITIES.join(', ')}`);
  }
  if (settings.auth !== undefined) {
    if (typeof settings.auth.user !== 'string' || settings.auth.user === '')
      invalid('REQUIRED', 'auth.user', 'a login needs a user name');
    if (typeof settings.auth.pass !== 'string' || settings.auth.pass === '')
      invalid('REQUIRED', 'auth.pass', 'a login needs a password');
  }
  if (!(settings.from instanceof EmailAddress))
    invalid('INVALID_EMAIL', 'from', 'the sender must be an e-mail address');
  if (
    settings.fromName !== undefined &&
    (typeof settings.fromName !== 'string' || /[\r\n]/.test(settings.fromName) || settings.fromName.length > 100)
  ) {
    invalid('INVALID_NAME', 'fromName', 'the sender name is one line of at most 100 characters');
  }
  const security = settings.security ?? (settings.port === 465 ? 'tls' : settings.auth ? 'starttls' : 'opportunistic');
  return {
    host,
    port: settings.port ?? (security === 'tls' ? 465 : 587),
    security,
    ...(settings.auth ? { auth: { user: settings.auth.user, pass: settings.auth.pass } } : {}),
    from: settings.from,
    ...(settings.fromName ? { fromName: settings.fromName } : {}),
    connectTimeoutMs: integerIn(settings.connectTimeoutMs ?? 10_000, 'connectTimeoutMs', { min: 1, max: 600_000 }),
    greetingTimeoutMs: integerIn(settings.greetingTimeoutMs ?? 10_000, 'greetingTimeoutMs', { min: 1, max: 600_000 }),
    socketTimeoutMs: integerIn(settings.socketTimeoutMs ?? 60_000, 'socketTimeoutMs', { min: 1, max: 3_600_000 }),
    maxConnections: integerIn(settings.maxConnections ?? 3, 'maxConnections', { min: 1, max: 100 }),
    rejectUnauthorized: booleanAt(settings.rejectUnauthorized ?? true, 'rejectUnauthorized'),
  };
}

function integerIn(value: unknown, field: string, { min, max }: { min: number; max: number }): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    invalid('OUT_OF_RANGE', field, `${field} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function booleanAt(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') invalid('INVALID_BOOLEAN', field, `${field} must be true or false`);
  return value;
}
