import { invalid } from './errors';

/** An e-mail address, trimmed, domain lower-cased. */
export class EmailAddress {
  private constructor(readonly value: string) {}

  static parse(text: string, field = 'email'): EmailAddress {
    const trimmed = typeof text === 'string' ? text.trim() : '';
    const m = /^([^\s@<>()[\]\\,;:"]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)$/.exec(trimmed);
    if (!m || trimmed.length > 254) invalid('INVALID_EMAIL', field, `"${text}" is not an e-mail address`);
    return new EmailAddress(`${m[1]}@${m[2].toLowerCase()}`);
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}
