import { All, Controller, HttpCode, Inject, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { Public } from '../auth/auth.decorators';
import type { RawBodyRequest } from '../vonage/raw-body-capture';
import { VonageSignatureGuard } from '../vonage/vonage-signature.guard';
import { leniently, reply } from '../vonage/vonage-webhook-fields';
import type { VonageCallbacks } from './vonage-callbacks';
import { VONAGE_CALLBACKS } from './callbacks.tokens';

/**
 * Vonage's webhooks for callbacks (signed like every `/vonage/*` request): the keys a caller presses
 * during the capture, and the legs of outbound callback calls. Always 200 with an NCCO or 204: never an
 * error Vonage would turn into a dropped call.
 */
@Controller('vonage')
@Public()
@UseGuards(VonageSignatureGuard)
export class VonageCallbacksController {
  constructor(@Inject(VONAGE_CALLBACKS) private readonly vonage: VonageCallbacks) {}

  /** The `input` after a capture prompt: the next prompt, the call going on, or the thanks. */
  @All('callbacks/calls/:callId/keys')
  async keys(
    @Param('callId') callId: string,
    @Query('stage') stage: string | undefined,
    @Req() request: RawBodyRequest,
    @Res() response: ServerResponse,
  ): Promise<void> {
    reply(response, await this.vonage.keys(callId, stage ?? null, leniently(request)));
  }

  /** The caller's leg of a callback call (the `connect`'s synchronous event URL). */
  @All('callbacks/outbound/:callId/caller')
  async callerLeg(
    @Param('callId') callId: string,
    @Req() request: RawBodyRequest,
    @Res() response: ServerResponse,
  ): Promise<void> {
    reply(response, await this.vonage.callerEvent(callId, leniently(request)));
  }

  /** Every status event of an outbound leg placed by the carrier port (`?call=` names it). */
  @All('outbound/event')
  @HttpCode(204)
  async outboundEvent(@Query('call') call: string | undefined, @Req() request: RawBodyRequest): Promise<void> {
    if (call) await this.vonage.agentEvent(call, leniently(request));
  }

  /** The key the callee of an outbound leg pressed after the announcement. */
  @All('outbound/confirmation')
  async outboundConfirmation(
    @Query('call') call: string | undefined,
    @Req() request: RawBodyRequest,
    @Res() response: ServerResponse,
  ): Promise<void> {
    reply(response, call ? await this.vonage.agentConfirmation(call, leniently(request)) : []);
  }
}
