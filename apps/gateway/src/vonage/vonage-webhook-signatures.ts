import type { Clock, Instant } from '@dutyline/domain';
import { VonageSignatureVerifier } from '@dutyline/vonage';
import { UnauthenticatedError } from '../graphql/api-errors';
import type { JsonLogger } from '../logging/json-logger';
import type { RawBodyRequest } from './raw-body-capture';
import type { VonageSettings } from './vonage-settings';
import type { WebhookTokenIds } from './webhook-token-ids';

/** How often the warning that webhooks go unchecked repeats while they arrive. */
const UNVERIFIED_WARNING_INTERVAL_MS = 60_000;

/** A correctly signed token used a second time (on any path): refused like a forgery, told apart for the call webhooks' answer. */
export class ReplayedWebhookError extends UnauthenticatedError {
  override name = 'ReplayedWebhookError';
  constructor() {
    super('SIGNATURE_REPLAYED: this signed token was already used');
  }
}

/**
 * Every `/vonage/*` request must carry Vonage's signature: `Authorization: Bearer <JWT>` (HS256 with
 * the signature secret, issued by Vonage, recent) whose `payload_hash` matches the raw body (POST) or
 * the raw query (GET), and whose token id (`jti`) was never used before (on any path, by any instance
 * sharing `tokenIds`). Anything else is refused (401), logged. Off only with `VONAGE_VERIFY_SIGNATURES=false`
 * (or `auto` without Vonage credentials), and then a warning repeats every minute while webhooks arrive.
 */
export class VonageWebhookSignatures {
  private readonly verifier: VonageSignatureVerifier | null;
  private lastUnverifiedWarning: Instant = -Infinity;

  constructor(
    private readonly settings: VonageSettings,
    private readonly clock: Clock,
    private readonly logger: JsonLogger,
    private readonly tokenIds: WebhookTokenIds,
  ) {
    const { signatures } = settings;
    this.verifier =
      signatures.verify && signatures.secret !== null
        ? new VonageSignatureVerifier({
            signatureSecret: signatures.secret,
            clock,
            ...(signatures.apiKey ? { apiKey: signatures.apiKey } : {}),
          })
        : null;
  }

  /** Null when the request may go on; else the refusal to answer with. */
  async refusal(request: RawBodyRequest): Promise<UnauthenticatedError | null> {
    const url = request.originalUrl ?? request.url ?? '';
    if (!this.settings.signatures.verify) {
      this.warnUnverified();
      return null;
    }
    if (!this.verifier) {
      // The path is the request's text: it stays out of the error line (the request line logs it, redacted).
      this.logger.entry('error', 'a Vonage webhook was refused: VONAGE_SIGNATURE_SECRET is not set');
      return new UnauthenticatedError(
        'Signed webhooks are required: set VONAGE_SIGNATURE_SECRET (or VONAGE_VERIFY_SIGNATURES=false in the embedded default).',
      );
    }
    const verdict = this.verifier.verify({
      method: request.method ?? 'GET',
      authorization: request.headers.authorization,
      rawBody: request.rawBody ?? null,
      rawQuery: url.includes('?') ? url.slice(url.indexOf('?') + 1) : '',
    });
    if (!verdict.ok) {
      this.logger.entry('warn', 'a Vonage webhook was refused: bad signature', {
        path: url.split('?')[0],
        code: verdict.error.code,
        reason: verdict.error.message,
      });
      return new UnauthenticatedError(`${verdict.error.code}: ${verdict.error.message}`);
    }
    if (await this.tokenIds.firstUse(verdict.value.tokenId, this.verifier.acceptedForMs)) return null;
    this.logger.entry('warn', 'a Vonage webhook was refused: its signed token was already used', {
      path: url.split('?')[0],
      code: 'SIGNATURE_REPLAYED',
    });
    return new ReplayedWebhookError();
  }

  private warnUnverified(): void {
    const now = this.clock.now();
    if (now - this.lastUnverifiedWarning < UNVERIFIED_WARNING_INTERVAL_MS) return;
    this.lastUnverifiedWarning = now;
    this.logger.entry(
      'warn',
      'Vonage webhook signatures are NOT verified: anyone can call /vonage/* (set VONAGE_SIGNATURE_SECRET and leave VONAGE_VERIFY_SIGNATURES unset)',
    );
  }
}
