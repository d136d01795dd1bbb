import {
  Clock,
  HotlineRepository,
  JobContext,
  MailerPort,
  PersonRepository,
  SmsCarrier,
  TimeZone,
} from '@dutyline/domain';
import { DeliveryOutcome, runDelivery } from './delivery-runner';
import { recipientsOf, supervisorIds } from './notification-recipients';
import { callerText, endingText, legLines, localTimeText, shortLocalTime } from './notification-text';
import { DeliveryLedger } from './ports';
import { textOnce } from './voicemail-delivery';
import { NotificationSettingsStore, DEFAULT_NOTIFICATION_SETTINGS } from '../shared';

export interface UnansweredCallAlertDeps {
  readonly ledger: DeliveryLedger;
  readonly hotlines: HotlineRepository;
  readonly people: PersonRepository;
  readonly settings: NotificationSettingsStore;
  readonly mailer: MailerPort;
  /** Without it no SMS is sent, whatever the settings say. */
  readonly sms?: SmsCarrier;
  readonly clock: Clock;
}

/**
 * F14: tells the supervisors (and the hotline's extra alert addresses) that a call ended without
 * anyone taking it — voicemail, closing message or hang-up — with the numbers tried and how each
 * went. E-mail and/or SMS as the hotline's settings say. Steps: `email`, `sms:<E.164>`; a hotline
 * with nobody to tell closes the delivery with the step `none`.
 */
export class UnansweredCallAlert {
  constructor(private readonly deps: UnansweredCallAlertDeps) {}

  alert(deliveryId: string, context: Pick<JobContext, 'attempt' | 'maxAttempts'>): Promise<DeliveryOutcome> {
    const { deps } = this;
    return runDelivery(deps, { kind: 'unanswered-alert', deliveryId, context }, async (delivery, step) => {
      const { record, accountId } = delivery;
      const hotline = await deps.hotlines.byId(accountId, delivery.hotlineId);
      const settings =
        (await deps.settings.notificationSettings(accountId, delivery.hotlineId)) ?? DEFAULT_NOTIFICATION_SETTINGS;
      const alert = settings.unansweredAlert;
      const supervisors = supervisorIds(record, hotline);
      const to = await recipientsOf(deps.people, { accountId, personIds: supervisors, extraEmails: alert.emails });
      const emails = alert.email ? to.emails : [];
      const mobiles = alert.sms && deps.sms && hotline ? to.mobiles : [];
      if (emails.length === 0 && mobiles.length === 0) {
        await step('none', async () => 'no supervisor or alert address to tell');
        return;
      }
      const zone = hotline?.timeZone ?? TimeZone.UTC;
      const caller = callerText(record.caller);
      if (emails.length > 0) {
        await step('email', async () => {
          const receipt = await deps.mailer.send({
            to: emails,
            subject: `Unanswered call on ${record.hotlineName} from ${caller}, ${shortLocalTime(record.startedAt, zone)}`,
            text: [
              `Nobody on duty took a call on ${record.hotlineName} (${record.hotlineNumber}).`,
              '',
              `Caller: ${caller}`,
              `Called: ${localTimeText(record.startedAt, zone)}`,
              endingText(record),
              '',
              'Numbers tried:',
              ...legLines(record),
            ].join('\n'),
            idempotencyKey: delivery.id,
          });
          return receipt.messageId;
        });
      }
      const tried = record.legs.length;
      const text = `Unanswered call on ${record.hotlineName} from ${caller}, ${shortLocalTime(record.startedAt, zone)}; ${tried} number${tried === 1 ? '' : 's'} tried.`;
      for (const mobile of mobiles) {
        await step(`sms:${mobile.e164}`, () => textOnce(deps.sms!, { to: mobile, from: hotline!.number, text }));
      }
    });
  }
}
