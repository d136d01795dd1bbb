import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { RawBodyRequest } from './raw-body-capture';
import type { VonageWebhookSignatures } from './vonage-webhook-signatures';
import { VONAGE_SIGNATURES } from './vonage.tokens';

/** Vonage's signature on a Nest route under `/vonage/` (VonageWebhookSignatures): a refusal is thrown, answered 401. */
@Injectable()
export class VonageSignatureGuard implements CanActivate {
  constructor(@Inject(VONAGE_SIGNATURES) private readonly signatures: VonageWebhookSignatures) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const refusal = await this.signatures.refusal(context.switchToHttp().getRequest<RawBodyRequest>());
    if (refusal) throw refusal;
    return true;
  }
}
