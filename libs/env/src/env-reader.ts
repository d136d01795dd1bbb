import { ConfigProblem } from './config-error';

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Typed reads of environment variables. A value that cannot be used is recorded in `problems` (its
 * variable named, what it must be, what it was) and the fallback is returned, so a process reports
 * every faulty variable at once; empty strings count as unset.
 */
export class EnvReader {
  constructor(
    private readonly env: Environment,
    readonly problems: ConfigProblem[] = [],
  ) {}

  /** The trimmed value, undefined when unset or blank. */
  text(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  /** A secret a client sends as `Authorization: Bearer <value>`: 16 to 256 token characters; never echoed in a problem. */
  bearerToken(name: string): string | null {
    const text = this.text(name);
    if (text === undefined) return null;
    if (/^[A-Za-z0-9._~+/=-]{16,256}$/.test(text)) return text;
    this.problems.push({
      variable: name,
      message: 'must be 16 to 256 letters, digits or . _ ~ + / = - (e.g. `openssl rand -hex 24`)',
    });
    return null;
  }

  /** The value when it matches `pattern`; `description` says what it must be. */
  matching(name: string, pattern: RegExp, description: string): string | undefined {
    const text = this.text(name);
    if (text === undefined) return undefined;
    if (pattern.test(text)) return text;
    this.problems.push({ variable: name, message: `must be ${description}, not "${text}"` });
    return undefined;
  }

  /** A whole number from `min` to `max`; `fallback` when unset or unusable. */
  integer(name: string, { fallback, min, max }: { fallback: number; min: number; max: number }): number {
    const text = this.text(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min || value > max) {
      this.problems.push({ variable: name, message: `must be a whole number from ${min} to ${max}, not "${text}"` });
      return fallback;
    }
    return value;
  }

  /** `true`/`1`/`yes`/`on` or `false`/`0`/`no`/`off`, in any case. */
  boolean(name: string, fallback: boolean): boolean {
    const text = this.text(name)?.toLowerCase();
    if (text === undefined) return fallback;
    if (['true', '1', 'yes', 'on'].includes(text)) return true;
    if (['false', '0', 'no', 'off'].includes(text)) return false;
    this.problems.push({ variable: name, message: `must be true or false, not "${text}"` });
    return fallback;
  }

  /** One of `values`, in any case. */
  oneOf<T extends string>(name: string, values: readonly T[], fallback: T): T {
    const text = this.text(name)?.toLowerCase();
    if (text === undefined) return fallback;
    if ((values as readonly string[]).includes(text)) return text as T;
    this.problems.push({ variable: name, message: `must be one of ${values.join(', ')}, not "${text}"` });
    return fallback;
  }

  /** A URL with a host and one of `protocols` (`'https:'`…); null when unset or unusable. */
  url(name: string, protocols: readonly string[]): string | null {
    const text = this.text(name);
    if (text === undefined) return null;
    const url = URL.canParse(text) ? new URL(text) : null;
    if (!url || !protocols.includes(url.protocol) || url.hostname === '') {
      this.problems.push({
        variable: name,
        message: `must be a ${protocols.map((p) => `${p}//`).join(' or ')} URL with a host`,
      });
      return null;
    }
    return text;
  }

  email(name: string): string | undefined {
    return this.matching(name, /^[^\s@<>]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, 'an e-mail address');
  }

  /**
   * A MySQL/MariaDB URL naming its database (`mysql://` or `mariadb://`): the URL; null when unset
   * (the embedded SQLite); undefined when unusable (recorded).
   */
  mysqlUrl(name: string): string | null | undefined {
    if (this.text(name) === undefined) return null;
    const url = this.url(name, ['mysql:', 'mariadb:']);
    if (url === null) return undefined;
    if (new URL(url).pathname.replace(/^\//, '') === '') {
      this.problems.push({
        variable: name,
        message: 'must name the database, e.g. mysql://user:password@host:3306/dutyline',
      });
      return undefined;
    }
    return url;
  }
}
