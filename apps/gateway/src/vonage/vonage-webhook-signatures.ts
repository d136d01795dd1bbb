import type { Clock } from '@dutyline/domain';
import { VonageSignatureVerifier } from '@dutyline/vonage';
import { UnauthenticatedError } from '../graphql/api-errors';
import type { JsonLogger } from '../logging/json-logger';
import type { RawBodyRequest } from './raw-body-capture';
import type { VonageSettings } from './vonage-settings';

/**
 * Every `/vonage/*` request must carry Vonage's signature: `Authorization: Bearer <JWT>` (HS256 with
 * the signature secret, issued by Vonage, recent) whose `payload_hash` matches the raw body (POST) or
 * the raw query (GET). Anything else is refused (401), logged. Off only with `VONAGE_VERIFY_SIGNATURES=false`.
 */
export class VonageWebhookSignatures {
  private readonly verifier: VonageSignatureVerifier | null;

  constructor(
    private readonly settings: VonageSettings,
    clock: Clock,
    private readonly logger: JsonLogger,
  ) {
    const { signatures } = settings;
    this.verifier = signatures.verify && signatures.secret !== null
      ? new VonageSignatureVerifier({ signatureSecret: signatures.secret, clock, ...(signatures.apiKey ? { apiKey: signatures.apiKey } : {}) })
      : null;
  }

  /** Null when the request may go on; else the refusal to answer with. */
  refusal(request: RawBodyRequest): UnauthenticatedError | null {
    if (!this.settings.signatures.verify) return null;
    const url = request.originalUrl ?? request.url ?? '';
    if (!this.verifier) {
      this.logger.entry('error', 'a Vonage webhook was refused: VONAGE_SIGNATURE_SECRET is not set', { path: url.split('?')[0] });
      return new UnauthenticatedError('Signed webhooks are required: set VONAGE_SIGNATURE_SECRET (or VONAGE_VERIFY_SIGNATURES=false in the embedded default).');
    }
    const verdict = this.verifier.verify({
      method: request.method ?? 'GET',
      authorization: request.headers.authorization,
      rawBody: request.rawBody ?? null,
      rawQuery: url.includes('?') ? url.slice(url.indexOf('?') + 1) : '',
    });
    if (verdict.ok) return null;
    this.logger.entry('warn', 'a Vonage webhook was refused: bad signature', { path: url.split('?')[0], code: verdict.error.code, reason: verdict.error.message });
    return new UnauthenticatedError(`${verdict.error.code}: ${verdict.error.message}`);
  }
}
