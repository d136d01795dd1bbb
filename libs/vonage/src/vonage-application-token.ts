import { KeyObject, createPrivateKey, randomUUID, sign } from 'node:crypto';

/** What `@vonage/jwt` gives a token by default. */
const TOKEN_LIFETIME_SECONDS = 900;
/** A token is signed again once this old: every token sent has at least 14 minutes left. */
const RESIGN_AFTER_SECONDS = 60;
const HEADER = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'RS256' })).toString('base64url');

/**
 * The application's JWT for Vonage's REST API (RS256, the claims `@vonage/jwt` writes:
 * `application_id`, `iat`, `exp` 15 minutes on, a random `jti`). Vonage takes a token for any number
 * of requests until its `exp`, so one is signed a minute rather than one per request: in a voicemail
 * storm, parsing the PEM key and signing with it for every recording download cost more CPU than the
 * e-mail itself (about 3 ms a download on a loaded 2-core machine). The key is parsed once, at the
 * first token (an unreadable key throws then).
 */
export class VonageApplicationToken {
  private key?: KeyObject;
  private current?: { readonly token: string; readonly issuedAt: number };

  constructor(
    private readonly applicationId: string,
    private readonly privateKey: string | Buffer,
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  /** A token with at least 14 minutes left. */
  bearer(): string {
    const now = this.nowSeconds();
    if (this.current && now >= this.current.issuedAt && now - this.current.issuedAt < RESIGN_AFTER_SECONDS)
      return this.current.token;
    this.current = { token: this.signed(now), issuedAt: now };
    return this.current.token;
  }

  private signed(iat: number): string {
    this.key ??= createPrivateKey(this.privateKey);
    const claims = { iat, exp: iat + TOKEN_LIFETIME_SECONDS, jti: randomUUID(), application_id: this.applicationId };
    const unsigned = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), this.key).toString('base64url')}`;
  }
}
