import { EmailAddress, invalid, validatingUnder } from '@dutyline/domain';
import { SmtpMailer } from './smtp-mailer';
import { SMTP_SECURITIES, SmtpMailerSettings, SmtpSecurity, resolveSmtpSettings } from './smtp-settings';

const NUMBER_PARAMS = ['connectTimeoutMs', 'greetingTimeoutMs', 'socketTimeoutMs', 'maxConnections'] as const;
/** `scheme://[userinfo@]host` (group 1) followed by `:port`. */
const WITH_PORT = /^([a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(?:\[[^\]]*\]|[^:/?#]*)):[^/?#]*/i;
const KNOWN_PARAMS = ['from', 'fromName', 'security', 'rejectUnauthorized', ...NUMBER_PARAMS];

/**
 * Reads `smtp[s]://[user:pass@]host[:port]?from=alerts@example.org[&fromName=…][&security=…]
 * [&connectTimeoutMs=…&greetingTimeoutMs=…&socketTimeoutMs=…&maxConnections=…][&rejectUnauthorized=false]`.
 * `smtps:` means `security=tls`. User and password are percent-decoded. Unknown parameters are
 * refused rather than ignored. A ValidationError names the faulty part under `field`
 * (`smtpUrl.port`, `smtpUrl.from`…) and never repeats the password.
 */
export function smtpSettingsFromUrl(text: string, field = 'smtpUrl'): SmtpMailerSettings {
  return validatingUnder(field, () => {
    const url = parseUrl(text);
    const scheme = url.protocol.replace(/:$/, '');
    if (scheme !== 'smtp' && scheme !== 'smtps')
      invalid('INVALID_SCHEME', 'scheme', `the scheme must be smtp or smtps, not "${scheme}"`);
    if (url.hostname === '') invalid('REQUIRED', 'host', 'the URL names no host');
    if (url.pathname !== '' && url.pathname !== '/') invalid('UNEXPECTED_PATH', 'path', 'an SMTP URL has no path');
    const params = url.searchParams;
    for (const name of new Set(params.keys())) {
      if (!KNOWN_PARAMS.includes(name))
        invalid('UNKNOWN_PARAMETER', name, `unknown parameter "${name}"; known: ${KNOWN_PARAMS.join(', ')}`);
      if (params.getAll(name).length > 1) invalid('REPEATED_PARAMETER', name, `parameter "${name}" is given twice`);
    }
    const from = params.get('from');
    if (from === null) invalid('REQUIRED', 'from', 'the URL needs ?from=<sender address>');
    const user = decodePart(url.username, 'user');
    const pass = decodePart(url.password, 'password');
    if (user === '' && pass !== '') invalid('REQUIRED', 'user', 'a password is given without a user');
    if (user !== '' && pass === '') invalid('REQUIRED', 'password', 'a user is given without a password');
    const settings: SmtpMailerSettings = {
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      ...(url.port === '' ? {} : { port: Number(url.port) }),
      ...securityOf(scheme, params.get('security')),
      ...(user === '' ? {} : { auth: { user, pass } }),
      from: EmailAddress.parse(from, 'from'),
      ...(params.get('fromName') === null ? {} : { fromName: params.get('fromName') ?? '' }),
      ...Object.fromEntries(
        NUMBER_PARAMS.filter((name) => params.has(name)).map((name) => [
          name,
          wholeNumber(params.get(name) ?? '', name),
        ]),
      ),
      ...(params.has('rejectUnauthorized')
        ? { rejectUnauthorized: booleanParam(params.get('rejectUnauthorized') ?? '', 'rejectUnauthorized') }
        : {}),
    };
    resolveSmtpSettings(settings);
    return settings;
  });
}

/** A `SmtpMailer` for an SMTP URL (see `smtpSettingsFromUrl`). */
export function smtpMailerFromUrl(text: string, field = 'smtpUrl'): SmtpMailer {
  return new SmtpMailer(smtpSettingsFromUrl(text, field));
}

function parseUrl(text: string): URL {
  if (typeof text !== 'string' || text.trim() === '') invalid('REQUIRED', '', 'an SMTP URL is required');
  if (URL.canParse(text.trim())) return new URL(text.trim());
  // Without its port the URL parses: the port is what is wrong.
  if (URL.canParse(text.trim().replace(WITH_PORT, '$1')))
    invalid('INVALID_PORT', 'port', 'the port must be a number from 1 to 65535');
  // Not the text itself in the message: it may hold a password.
  return invalid('INVALID_URL', '', 'not a URL; expected smtp://user:pass@host:port?from=sender@example.org');
}

function decodePart(part: string, field: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return invalid('INVALID_ENCODING', field, `the ${field} is not valid percent-encoding`);
  }
}

function securityOf(scheme: string, param: string | null): { security?: SmtpSecurity } {
  if (param !== null && !SMTP_SECURITIES.includes(param as SmtpSecurity)) {
    invalid('INVALID_SECURITY', 'security', `security is one of ${SMTP_SECURITIES.join(', ')}`);
  }
  if (scheme === 'smtps') {
    if (param !== null && param !== 'tls')
      invalid('CONFLICTING_SECURITY', 'security', `smtps: always uses TLS; security=${param} contradicts it`);
    return { security: 'tls' };
  }
  return param === null ? {} : { security: param as SmtpSecurity };
}

function wholeNumber(text: string, field: string): number {
  if (!/^\d{1,9}$/.test(text)) invalid('INVALID_NUMBER', field, `${field} must be a whole number`);
  return Number(text);
}

function booleanParam(text: string, field: string): boolean {
  if (text !== 'true' && text !== 'false') invalid('INVALID_BOOLEAN', field, `${field} must be true or false`);
  return text === 'true';
}
