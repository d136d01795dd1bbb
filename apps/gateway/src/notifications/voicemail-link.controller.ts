import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { VoicemailLinkResolver } from '@dutyline/application';
import type { Clock, RecordingCarrier } from '@dutyline/domain';
import { Public } from '../auth/auth.decorators';
import type { GatewayRequest } from '../auth/gateway-request';
import { RECORDING_CARRIER } from '../carrier/carrier.tokens';
import type { JsonLogger } from '../logging/json-logger';
import { CLOCK, LOGGER } from '../platform/platform.tokens';
import type { AddressMissLimiter } from './address-miss-limiter';
import { VOICEMAIL_LINK_LIMITER, VOICEMAIL_LINK_RESOLVER } from './notifications.tokens';

const EXTENSIONS: Readonly<Record<string, string>> = {
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/ogg': 'ogg',
};
const AUDIO_TYPE = /^audio\/[a-z0-9.+-]+$/;

/** How the recording is served: played inline when it is audio; anything else only as a download of opaque bytes. */
function servedAs(contentType: string): { contentType: string; disposition: string } {
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (!AUDIO_TYPE.test(type))
    return { contentType: 'application/octet-stream', disposition: 'attachment; filename="voicemail.bin"' };
  return { contentType: type, disposition: `inline; filename="voicemail.${EXTENSIONS[type] ?? 'audio'}"` };
}

/**
 * `GET /voicemail/:token` (F13), the link texted with a voicemail: no login, the token is the
 * credential (256 random bits, only its hash stored, expiring). A malformed, unknown or expired
 * token gets the same 404; an address with too many of those waits (429). Otherwise the recording
 * is fetched from the carrier and played inline when it is audio (anything else is an attachment of
 * opaque bytes), never cached nor passed on as a referrer, in a sandbox that runs and loads nothing.
 */
@Controller('voicemail')
@Public()
export class VoicemailLinkController {
  constructor(
    @Inject(VOICEMAIL_LINK_RESOLVER) private readonly links: VoicemailLinkResolver,
    @Inject(RECORDING_CARRIER) private readonly recordings: RecordingCarrier,
    @Inject(VOICEMAIL_LINK_LIMITER) private readonly limiter: AddressMissLimiter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  @Get(':token')
  async play(
    @Param('token') token: string,
    @Req() request: GatewayRequest,
    @Res() response: ServerResponse,
  ): Promise<void> {
    // Whatever the answer: never cached, never passed on as a referrer (the URL is the credential).
    response.setHeader('cache-control', 'private, no-store');
    response.setHeader('referrer-policy', 'no-referrer');
    response.setHeader('content-security-policy', "default-src 'none'; sandbox");
    const now = this.clock.now();
    const target = await this.limiter.lookUp({ address: request.ip ?? 'unknown', now, what: 'Voicemail' }, () =>
      this.links.resolveVoicemailLink(token, now),
    );
    let recording: { audio: Buffer; contentType: string };
    try {
      recording = await this.recordings.fetchRecording(target.recording);
    } catch (error) {
      this.logger.entry('warn', 'a voicemail link could not fetch its recording', {
        error,
        callId: target.callId,
        accountId: target.accountId,
      });
      response.statusCode = 502;
      response.setHeader('content-type', 'application/json; charset=utf-8');
      response.end(
        JSON.stringify({
          error: {
            code: 'RECORDING_UNAVAILABLE',
            message: 'The recording cannot be fetched right now; try again later.',
          },
        }),
      );
      return;
    }
    const served = servedAs(recording.contentType);
    response.statusCode = 200;
    response.setHeader('content-type', served.contentType);
    response.setHeader('content-length', String(recording.audio.length));
    response.setHeader('content-disposition', served.disposition);
    response.setHeader('x-content-type-options', 'nosniff');
    response.end(recording.audio);
  }
}
