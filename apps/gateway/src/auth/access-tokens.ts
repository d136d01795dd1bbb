import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { Clock, Id, Instant } from '@dutyline/domain';
import { Role, isRole } from './roles';

/** What a login token says, once its signature and expiry are checked. */
export interface AccessClaims {
  /** The token's own id (`jti`): what a sign-out revokes. */
  readonly tokenId: Id;
  readonly userId: Id;
  readonly accountId: Id;
  readonly role: Role;
  /** To the millisecond: compared with the instant a user's sessions were ended. */
  readonly issuedAt: Instant;
  readonly expiresAt: Instant;
}

/** A token id: 128 random bits, base64url. */
const TOKEN_ID = /^[A-Za-z0-9_-]{22}$/;

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/**
 * Login tokens: compact JWTs signed with HS256 (node:crypto) under a key derived from AUTH_SECRET.
 * Claims: `jti` (the token's id), `sub` (user), `acc` (account), `role`, `iat` (seconds with the
 * milliseconds as a fraction, as NumericDate allows), `exp` (seconds). Anything but exactly our header,
 * a valid signature, a token id and an unexpired `exp` is refused (whether the session was ended is
 * the Authenticator's question).
 */
export class AccessTokens {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly clock: Clock,
    private readonly ttlSeconds: number,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'dutyline', 'access-token/v1', 32));
  }

  issue(subject: { userId: Id; accountId: Id; role: Role }): { token: string; expiresAt: Instant } {
    const now = this.clock.now();
    const iat = now / 1000;
    const exp = Math.floor(iat) + this.ttlSeconds;
    const jti = randomBytes(16).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ jti, sub: subject.userId, acc: subject.accountId, role: subject.role, iat, exp }),
    ).toString('base64url');
    return { token: `${HEADER}.${payload}.${this.sign(`${HEADER}.${payload}`)}`, expiresAt: exp * 1000 };
  }

  /** The claims of a valid, unexpired token; undefined otherwise (never throws). */
  verify(token: string): AccessClaims | undefined {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) return undefined;
    const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    if (typeof claims !== 'object' || claims === null) return undefined;
    const { jti, sub, acc, role, iat, exp } = claims as Record<string, unknown>;
    if (typeof jti !== 'string' || !TOKEN_ID.test(jti)) return undefined;
    if (
      typeof sub !== 'string' ||
      typeof acc !== 'string' ||
      !isRole(role) ||
      typeof iat !== 'number' ||
      typeof exp !== 'number'
    )
      return undefined;
    if (exp * 1000 <= this.clock.now()) return undefined;
    return { tokenId: jti, userId: sub, accountId: acc, role, issuedAt: Math.round(iat * 1000), expiresAt: exp * 1000 };
  }

  private sign(input: string): string {
    return createHmac('sha256', this.key).update(input).digest('base64url');
  }
}
