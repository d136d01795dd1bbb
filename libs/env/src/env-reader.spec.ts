import { ConfigError } from './config-error';
import { EnvReader } from './env-reader';

describe('EnvReader', () => {
  it('reads typed values and falls back when unset or blank', () => {
    const read = new EnvReader({
      PORT: ' 8080 ',
      DEBUG: 'On',
      LEVEL: 'WARN',
      BLANK: '  ',
      URL: 'https://x.example/a',
      DB: 'mysql://u@h:3306/dutyline',
    });
    expect([
      read.integer('PORT', { fallback: 3000, min: 0, max: 65535 }),
      read.integer('BLANK', { fallback: 3000, min: 0, max: 65535 }),
      read.boolean('DEBUG', false),
      read.oneOf('LEVEL', ['info', 'warn'], 'info'),
    ]).toEqual([8080, 3000, true, 'warn']);
    expect([
      read.url('URL', ['https:']),
      read.url('NOPE', ['https:']),
      read.mysqlUrl('DB'),
      read.mysqlUrl('NOPE'),
      read.text('BLANK'),
    ]).toEqual(['https://x.example/a', null, 'mysql://u@h:3306/dutyline', null, undefined]);
    expect(read.problems).toEqual([]);
  });

  it('records every unusable variable by name, with what it must be, and returns the fallback', () => {
    const read = new EnvReader({
      PORT: '-1',
      DEBUG: 'maybe',
      LEVEL: 'loud',
      URL: 'ftp://x.example',
      DB: 'mysql://u@h:3306/',
      MAIL: 'nobody',
      PREFIX: 'a b',
    });
    expect(read.integer('PORT', { fallback: 3000, min: 0, max: 65535 })).toBe(3000);
    expect(read.boolean('DEBUG', false)).toBe(false);
    expect(read.oneOf('LEVEL', ['info', 'warn'], 'info')).toBe('info');
    expect(read.url('URL', ['http:', 'https:'])).toBeNull();
    expect(read.mysqlUrl('DB')).toBeUndefined();
    expect(read.email('MAIL')).toBeUndefined();
    expect(read.matching('PREFIX', /^\S+$/, 'one word')).toBeUndefined();
    expect(new ConfigError(read.problems).message.split('\n')).toEqual([
      'PORT: must be a whole number from 0 to 65535, not "-1"',
      'DEBUG: must be true or false, not "maybe"',
      'LEVEL: must be one of info, warn, not "loud"',
      'URL: must be a http:// or https:// URL with a host',
      'DB: must name the database, e.g. mysql://user:password@host:3306/dutyline',
      'MAIL: must be an e-mail address, not "nobody"',
      'PREFIX: must be one word, not "a b"',
    ]);
  });
});
