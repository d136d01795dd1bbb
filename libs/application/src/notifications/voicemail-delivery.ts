import {
  AccountRepository,
  Clock,
  HOUR_MS,
  HotlineRepository,
  JobContext,
  MailerPort,
  NonRetryableJobError,
  PermanentDeliveryError,
  PersonRepository,
  PhoneNumber,
  RecordingCarrier,
  SmsCarrier,
  TimeZone,
} from '@dutyline/domain';
import { DeliveryOutcome, runDelivery } from './delivery-runner';
import {
  NO_RECIPIENTS,
  Recipients,
  accountAdminEmails,
  onDutyPersonIds,
  recipientsOf,
  supervisorIds,
} from './notification-recipients';
import { callerText, legLines, localTimeText, shortLocalTime, voicemailFileName } from './notification-text';
import { DeliveryLedger, VoicemailLinks } from './ports';
import { NotificationSettingsStore, DEFAULT_NOTIFICATION_SETTINGS } from '../shared';

export interface VoicemailDeliveryDeps {
  readonly ledger: DeliveryLedger;
  readonly hotlines: HotlineRepository;
  readonly people: PersonRepository;
  /** The account's admins: the voicemail's recipients when the hotline's settings name nobody with an e-mail. */
  readonly accounts: Pick<AccountRepository, 'listUsers'>;
  readonly settings: NotificationSettingsStore;
  /** Downloads the recording the carrier made. */
  readonly recordings: Pick<RecordingCarrier, 'fetchRecording'>;
  readonly mailer: MailerPort;
  /** Without it (or without `links`) no SMS is sent, whatever the settings say. */
  readonly sms?: SmsCarrier;
  readonly links?: VoicemailLinks;
  readonly clock: Clock;
}

/**
 * F13: e-mails a voicemail with the recording attached — the caller's number, the time in the
 * hotline's zone and the hotline's name — to the people on duty at that moment and/or the
 * supervisors, as the hotline's settings say; optionally texts them a link that plays the message.
 * A voicemail never goes to nobody: when those settings name nobody with an e-mail, the account's
 * admins get it (the coverage check reports such a hotline: `VOICEMAIL_UNADDRESSED`).
 * Steps (each done once, see `runDelivery`): `email`, then `sms:<E.164>` per mobile.
 */
export class VoicemailDelivery {
  constructor(private readonly deps: VoicemailDeliveryDeps) {}

  deliver(deliveryId: string, context: Pick<JobContext, 'attempt' | 'maxAttempts'>): Promise<DeliveryOutcome> {
    const { deps } = this;
    return runDelivery(deps, { kind: 'voicemail', deliveryId, context }, async (delivery, step) => {
      const { record, accountId } = delivery;
      const recording = record.voicemailRecording;
      if (!recording) throw new NonRetryableJobError(`call ${delivery.callId} has no recording to deliver`);
      // Read at once: each is a round trip, and a storm of voicemails waits on them.
      const [hotline, stored] = await Promise.all([
        deps.hotlines.byId(accountId, delivery.hotlineId),
        deps.settings.notificationSettings(accountId, delivery.hotlineId),
      ]);
      const settings = stored ?? DEFAULT_NOTIFICATION_SETTINGS;
      const zone = hotline?.timeZone ?? TimeZone.UTC;
      const choose = (choice: { onDuty: boolean; supervisors: boolean }) => [
        ...(choice.onDuty ? onDutyPersonIds(record) : []),
        ...(choice.supervisors ? supervisorIds(record, hotline) : []),
      ];
      const chosen = await recipientsOf(deps.people, {
        accountId,
        personIds: choose(settings.voicemail.email),
        extraEmails: settings.voicemail.email.emails,
      });
      const mailTo =
        chosen.emails.length > 0 ? chosen : { ...chosen, emails: await accountAdminEmails(deps.accounts, accountId) };
      const canText = deps.sms !== undefined && deps.links !== undefined && hotline !== undefined;
      const textTo: Recipients = canText
        ? await recipientsOf(deps.people, { accountId, personIds: choose(settings.voicemail.sms) })
        : NO_RECIPIENTS;
      if (mailTo.emails.length === 0 && textTo.mobiles.length === 0) {
        throw new NonRetryableJobError(
          `nobody to tell about the voicemail of call ${delivery.callId}: no recipient, nor any admin of the account, has an e-mail address or a mobile`,
        );
      }

      const when = localTimeText(record.startedAt, zone);
      const caller = callerText(record.caller);
      const pending = textTo.mobiles.filter((n) => delivery.steps[`sms:${n.e164}`] === undefined);
      const textsFollow = pending.length > 0 && hotline !== undefined;
      if (mailTo.emails.length > 0) {
        await step(
          'email',
          async () => {
            const audio = await deps.recordings.fetchRecording(recording);
            const filename = voicemailFileName(record.startedAt, zone, audio.contentType);
            const text = [
              `${caller} left a voicemail on ${record.hotlineName} (${record.hotlineNumber}).`,
              '',
              `Caller: ${caller}`,
              `Received: ${when}`,
              ...(record.durationSeconds === null ? [] : [`Call length: ${Math.round(record.durationSeconds)} s`]),
              '',
              'Numbers tried before the voicemail:',
              ...legLines(record),
              '',
              `The recording is attached (${filename}).`,
            ].join('\n');
            const receipt = await deps.mailer.send({
              to: mailTo.emails,
              subject: `Voicemail on ${record.hotlineName} from ${caller}, ${shortLocalTime(record.startedAt, zone)}`,
              text,
              attachments: [{ filename, contentType: audio.contentType, content: audio.audio }],
              idempotencyKey: delivery.id,
            });
            const refused = receipt.rejected.map((e) => e.value);
            return refused.length > 0 ? `${receipt.messageId} (refused: ${refused.join(', ')})` : receipt.messageId;
          },
          { last: !textsFollow },
        );
      }

      if (!textsFollow || !hotline) return;
      const now = deps.clock.now();
      const link = await deps.links!.issueVoicemailLink({
        accountId,
        callId: delivery.callId,
        recording,
        expiresAt: now + settings.voicemail.linkHours * HOUR_MS,
      });
      // Links expire within days; issuing one clears those that have (their rows would otherwise stay for good).
      await deps.links!.purgeExpired(now);
      const message = `Voicemail on ${record.hotlineName} from ${caller}, ${shortLocalTime(record.startedAt, zone)}: ${link.url}`;
      for (const mobile of pending) {
        await step(`sms:${mobile.e164}`, () =>
          textOnce(deps.sms!, { to: mobile, from: hotline.number, text: message }),
        );
      }
    });
  }
}

/** One text message; a number the carrier refuses for good is recorded as refused, the others still get theirs. */
export async function textOnce(
  sms: SmsCarrier,
  { to, from, text }: { to: PhoneNumber; from: PhoneNumber; text: string },
): Promise<string> {
  try {
    return (await sms.sendSms(to, from, text)).messageId;
  } catch (error) {
    if (error instanceof PermanentDeliveryError) return `refused: ${error.message}`;
    throw error;
  }
}
