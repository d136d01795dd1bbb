import { verify } from 'node:crypto';
import { testApplicationKeys } from './testing/vonage-test-keys';
import { VonageApplicationToken } from './vonage-application-token';

const keys = testApplicationKeys();
const T0 = Date.parse('2026-03-29T00:59:30Z') / 1000; // a minute around Paris's spring-forward change

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
const signedByTheKey = (token: string) => {
  const [header, claims, signature] = token.split('.');
  return verify('RSA-SHA256', Buffer.from(`${header}.${claims}`), keys.publicKey, Buffer.from(signature, 'base64url'));
};

describe('VonageApplicationToken', () => {
  it('writes an RS256 JWT with the claims Vonage wants, signed by the application key', () => {
    const token = new VonageApplicationToken('app-1', keys.privateKey, () => T0).bearer();
    expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'))).toEqual({
      typ: 'JWT',
      alg: 'RS256',
    });
    expect(claimsOf(token)).toEqual({
      iat: T0,
      exp: T0 + 900,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      application_id: 'app-1',
    });
    expect(signedByTheKey(token)).toBe(true);
  });

  const T1 = Date.parse('2026-10-25T00:59:30Z') / 1000; // Paris's clocks go back at 01:00 UTC
  it.each([
    ['the same second', T0, 0, true],
    ['59 s later', T0, 59, true],
    ['59 s later, across the autumn change', T1, 59, true],
    ['60 s later', T0, 60, false],
    ['an hour later', T1, 3600, false],
    ['after the clock was set back a second', T0, -1, false],
  ])('a token asked for %s (from %d, %d s on) is the first one: %s', (_, start, elapsed, reused) => {
    let now = start;
    const tokens = new VonageApplicationToken('app-1', keys.privateKey, () => now);
    const first = tokens.bearer();
    now = start + elapsed;
    const second = tokens.bearer();
    expect(second === first).toBe(reused);
    expect(claimsOf(second).iat).toBe(reused ? start : start + elapsed);
    expect(signedByTheKey(second)).toBe(true);
  });

  it('reads the key once: signing later does not read it again', () => {
    const key = Buffer.from(keys.privateKey);
    let now = T0;
    const tokens = new VonageApplicationToken('app-1', key, () => now);
    tokens.bearer();
    key.fill(0);
    now = T0 + 120;
    expect(signedByTheKey(tokens.bearer())).toBe(true);
  });

  it('fails at the first token when the key cannot be read', () => {
    const tokens = new VonageApplicationToken('app-1', '-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n');
    expect(() => tokens.bearer()).toThrow();
  });
});
