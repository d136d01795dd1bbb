import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { CalendarFeeds } from '@dutyline/application';
import type { Clock } from '@dutyline/domain';
import { Public } from '../auth/auth.decorators';
import { type GatewayRequest, clientAddressOf } from '../auth/gateway-request';
import type { AddressMissLimiter } from '../notifications/address-miss-limiter';
import { CLOCK } from '../platform/platform.tokens';
import { CALENDAR_FEEDS, CALENDAR_FEED_LIMITER } from './calendar.tokens';
import { icalendarText } from './ical-feed';

/**
 * `GET /calendar/<token>.ics`: a person's or a hotline's shifts for calendar apps. No login, the
 * token is the credential (only its hash stored); a malformed, unknown or rotated token gets the same
 * 404, and an address with too many of those waits (429). Built from the schedule at each fetch.
 */
@Controller('calendar')
@Public()
export class CalendarFeedController {
  constructor(
    @Inject(CALENDAR_FEEDS) private readonly feeds: CalendarFeeds,
    @Inject(CALENDAR_FEED_LIMITER) private readonly limiter: AddressMissLimiter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':file')
  async feed(
    @Param('file') file: string,
    @Req() request: GatewayRequest,
    @Res() response: ServerResponse,
  ): Promise<void> {
    // The URL is the credential: never passed on as a referrer, never kept by a shared cache.
    response.setHeader('referrer-policy', 'no-referrer');
    response.setHeader('cache-control', 'private, no-store');
    const now = this.clock.now();
    const feed = await this.limiter.lookUp({ address: clientAddressOf(request), now, what: 'Calendar' }, async () =>
      file.endsWith('.ics') ? this.feeds.feed(file.slice(0, -'.ics'.length)) : undefined,
    );
    const text = icalendarText(feed, now);
    response.statusCode = 200;
    // Calendar apps may keep it five minutes; the server keeps nothing, so the next fetch after that sees any change.
    response.setHeader('cache-control', 'private, max-age=300');
    response.setHeader('content-type', 'text/calendar; charset=utf-8');
    response.setHeader('content-disposition', 'inline; filename="on-call.ics"');
    response.setHeader('x-content-type-options', 'nosniff');
    response.end(text);
  }
}
