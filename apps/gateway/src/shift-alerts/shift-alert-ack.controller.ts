import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { ShiftAckAnswer } from '@dutyline/application';
import type { Clock } from '@dutyline/domain';
import { Public } from '../auth/auth.decorators';
import type { GatewayRequest } from '../auth/gateway-request';
import { AddressMissLimiter } from '../notifications/address-miss-limiter';
import { CLOCK } from '../platform/platform.tokens';
import type { GatewayShiftAlerts } from './gateway-shift-alerts';
import { GATEWAY_SHIFT_ALERTS } from './shift-alerts.tokens';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The page's words, French for a French hotline. */
function pageText(answer: ShiftAckAnswer): { status: number; title: string; body: string } {
  const fr = answer.language?.toLowerCase().startsWith('fr') ?? false;
  const hotline = escapeHtml(answer.hotlineName ?? '');
  switch (answer.status) {
    case 'acknowledged':
      return fr
        ? {
            status: 200,
            title: 'Prise de poste confirmée',
            body: `Merci, votre prise de poste ${hotline} est confirmée.`,
          }
        : { status: 200, title: 'Duty acknowledged', body: `Thank you: your duty on ${hotline} is acknowledged.` };
    case 'already-acknowledged':
      return fr
        ? { status: 200, title: 'Déjà confirmée', body: `Votre prise de poste ${hotline} était déjà confirmée.` }
        : { status: 200, title: 'Already acknowledged', body: `Your duty on ${hotline} was already acknowledged.` };
    default:
      return {
        status: 404,
        title: 'Link not valid',
        body: 'This acknowledgement link is unknown or has expired. / Ce lien de confirmation est inconnu ou a expiré.',
      };
  }
}

/**
 * `GET /shift-alerts/ack/:token` (F27): the link in a shift-start alert. No login, the token is the
 * credential (256 random bits, only its hash stored, single-use, expiring). Answers a small HTML page;
 * an unknown or expired token gets the same 404, and an address with too many of those waits (429).
 */
@Controller('shift-alerts/ack')
@Public()
export class ShiftAlertAckController {
  private readonly limiter = new AddressMissLimiter();

  constructor(
    @Inject(GATEWAY_SHIFT_ALERTS) private readonly alerts: GatewayShiftAlerts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':token')
  async acknowledge(
    @Param('token') token: string,
    @Req() request: GatewayRequest,
    @Res() response: ServerResponse,
  ): Promise<void> {
    response.setHeader('cache-control', 'private, no-store');
    response.setHeader('referrer-policy', 'no-referrer');
    response.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    response.setHeader('content-type', 'text/html; charset=utf-8');
    const address = request.ip ?? 'unknown';
    const now = this.clock.now();
    const wait = this.limiter.retryAfterSeconds(address, now);
    if (wait !== null) {
      response.statusCode = 429;
      response.setHeader('retry-after', String(wait));
      response.end(page('Too many attempts', 'Try again later. / Réessayez plus tard.'));
      return;
    }
    const answer = await this.alerts.services.settings.acknowledge(token);
    if (answer.status === 'invalid') this.limiter.miss(address, now);
    const { status, title, body } = pageText(answer);
    response.statusCode = status;
    response.end(page(title, body));
  }
}

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>` +
  `<style>body{font-family:system-ui,sans-serif;margin:3rem auto;max-width:32rem;padding:0 1rem}</style></head>` +
  `<body><h1>${title}</h1><p>${body}</p></body></html>`;
