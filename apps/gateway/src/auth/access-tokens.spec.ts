import { createHmac, hkdfSync } from 'node:crypto';
import { ManualClock } from '@dutyline/domain/testing';
import { AccessTokens } from './access-tokens';

const secret = 'a-test-secret-that-is-long-enough-000';
const subject = { userId: 'u1', accountId: 'acc1', role: 'supervisor' as const };

describe('AccessTokens', () => {
  const clock = new ManualClock('2027-03-28T01:00:00Z');
  const tokens = new AccessTokens(secret, clock, 3600);

  it('issues a JWT (HS256) whose claims come back once verified, each with an id of its own', () => {
    const { token, expiresAt } = tokens.issue(subject);
    expect(token.split('.')).toHaveLength(3);
    expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(expiresAt).toBe(clock.now() + 3600_000);
    expect(tokens.verify(token)).toEqual({
      ...subject,
      tokenId: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      issuedAt: clock.now(),
      expiresAt,
    });
    expect(tokens.verify(tokens.issue(subject).token)?.tokenId).not.toBe(tokens.verify(token)?.tokenId);
  });

  it('keeps the instant of issue to the millisecond', () => {
    const local = new ManualClock('2027-10-31T00:00:00.789Z');
    const precise = new AccessTokens(secret, local, 60);
    expect(precise.verify(precise.issue(subject).token)?.issuedAt).toBe(local.now());
  });

  it('expires after its time to live', () => {
    const local = new ManualClock('2027-10-31T00:00:00Z');
    const shortLived = new AccessTokens(secret, local, 60);
    const { token } = shortLived.issue(subject);
    local.advance(59_999);
    expect(shortLived.verify(token)).toBeDefined();
    local.advance(1);
    expect(shortLived.verify(token)).toBeUndefined();
  });

  const forge = (header: object, payload: object, key = 'whatever') => {
    const h = Buffer.from(JSON.stringify(header)).toString('base64url');
    const p = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${h}.${p}.${createHmac('sha256', key).update(`${h}.${p}`).digest('base64url')}`;
  };

  it.each([
    [
      'a token signed with another secret',
      () => new AccessTokens('another-secret-that-is-long-enough-00', clock, 3600).issue(subject).token,
    ],
    [
      'the "none" algorithm',
      () =>
        `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"u1"}').toString('base64url')}.`,
    ],
    [
      'a raw HMAC under the secret itself',
      () => forge({ alg: 'HS256', typ: 'JWT' }, { sub: 'u1', acc: 'acc1', role: 'admin', iat: 1, exp: 9e9 }, secret),
    ],
    [
      'a changed payload',
      () => {
        const [h, , s] = tokens.issue(subject).token.split('.');
        return `${h}.${Buffer.from(JSON.stringify({ sub: 'u1', acc: 'acc1', role: 'admin', iat: 1, exp: 9e9 })).toString('base64url')}.${s}`;
      },
    ],
    [
      'a token without an id (issued before sign-out existed)',
      () => {
        const h = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
        const p = Buffer.from(JSON.stringify({ sub: 'u1', acc: 'acc1', role: 'admin', iat: 1, exp: 9e9 })).toString(
          'base64url',
        );
        const key = Buffer.from(hkdfSync('sha256', secret, 'dutyline', 'access-token/v1', 32));
        return `${h}.${p}.${createHmac('sha256', key).update(`${h}.${p}`).digest('base64url')}`;
      },
    ],
    ['garbage', () => 'not.a.token'],
    ['an empty string', () => ''],
  ])('refuses %s', (_name, make) => {
    expect(tokens.verify(make())).toBeUndefined();
  });
});
