import type { NotificationProducer, VoicemailLinkResolver } from '@dutyline/application';
import { token } from '../platform/injection-token';
import type { AddressMissLimiter } from './address-miss-limiter';
import type { GatewayNotifications } from './gateway-notifications';

/*
 * The notification wiring (NotificationsModule, global). The queue's inspector is the QueuesModule's
 * `QUEUE_INSPECTOR` (queues/queues.tokens.ts), provided here too.
 */

/** The producer: the inbound call service's `CallEvents` (CALL_EVENTS is bound to it), and `scheduleChanged(hotline)`. */
export const NOTIFICATION_EVENTS = token<NotificationProducer>('NotificationEvents');
/** Embedded jobs on the in-process queue, or the BullMQ producer with `REDIS_URL`. */
export const GATEWAY_NOTIFICATIONS = token<GatewayNotifications>('GatewayNotifications');
/** What a voicemail link's token opens (`GET /voicemail/:token`). */
export const VOICEMAIL_LINK_RESOLVER = token<VoicemailLinkResolver>('VoicemailLinkResolver');
/** Failed link lookups per client address. */
export const VOICEMAIL_LINK_LIMITER = token<AddressMissLimiter>('VoicemailLinkLimiter');
