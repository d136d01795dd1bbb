import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@dutyline/domain';
import { VonageSignatureVerifier } from '@dutyline/vonage';
import { UnauthenticatedError } from '../graphql/api-errors';
import type { JsonLogger } from '../logging/json-logger';
import { CLOCK, LOGGER } from '../platform/platform.tokens';
import type { RawBodyRequest } from './raw-body-capture';
import type { VonageSettings } from './vonage-settings';
import { VONAGE_SETTINGS } from './vonage.tokens';

/**
 * Every `/vonage/*` request must carry Vonage's signature: `Authorization: Bearer <JWT>` (HS256 with
 * the signature secret, issued by Vonage, recent) whose `payload_hash` matches the raw body (POST) or
 * the raw query (GET). Anything else: 401, logged. Off only with `VONAGE_VERIFY_SIGNATURES=false`.
 */
@Injectable()
export class VonageSignatureGuard implements CanActivate {
  private readonly verifier: VonageSignatureVerifier | null;

  constructor(
    @Inject(VONAGE_SETTINGS) private readonly settings: VonageSettings,
    @Inject(CLOCK) clock: Clock,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {
    const { signatures } = settings;
    this.verifier = signatures.verify && signatures.secret !== null
      ? new VonageSignatureVerifier({ signatureSecret: signatures.secret, clock, ...(signatures.apiKey ? { apiKey: signatures.apiKey } : {}) })
      : null;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.settings.signatures.verify) return true;
    const request = context.switchToHttp().getRequest<RawBodyRequest>();
    const url = request.originalUrl ?? request.url ?? '';
    if (!this.verifier) {
      this.logger.entry('error', 'a Vonage webhook was refused: VONAGE_SIGNATURE_SECRET is not set', { path: url.split('?')[0] });
      throw new UnauthenticatedError('Signed webhooks are required: set VONAGE_SIGNATURE_SECRET (or VONAGE_VERIFY_SIGNATURES=false in the embedded default).');
    }
    const verdict = this.verifier.verify({
      method: request.method ?? 'GET',
      authorization: request.headers.authorization,
      rawBody: request.rawBody ?? null,
      rawQuery: url.includes('?') ? url.slice(url.indexOf('?') + 1) : '',
    });
    if (verdict.ok) return true;
    this.logger.entry('warn', 'a Vonage webhook was refused: bad signature', { path: url.split('?')[0], code: verdict.error.code, reason: verdict.error.message });
    throw new UnauthenticatedError(`${verdict.error.code}: ${verdict.error.message}`);
  }
}
