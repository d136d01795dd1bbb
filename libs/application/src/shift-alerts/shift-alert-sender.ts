import {
  Hotline,
  MINUTE_MS,
  Person,
  ShiftAlertRecord,
  ShiftAlertSettings,
  currentDutyStart,
  shiftAckCheckId,
  shiftAlertId,
} from '@dutyline/domain';
import { firstMobile, recipientsOf, textOnce } from '../notifications';
import { ShiftAlertPorts } from './ports';
import { ShiftAckCheckJob, ShiftAlertSendJob } from './shift-alert-jobs';
import { scheduleAround } from './shift-alert-schedule';
import { shiftAlertText, unacknowledgedText } from './shift-alert-text';

export type ShiftAlertSendOutcome =
  | { readonly status: 'sent'; readonly steps: Readonly<Record<string, string>> }
  /** `stale`: the current schedule no longer starts this person's duty then (moved, deleted, continued). */
  | { readonly status: 'already-sent' | 'stale' | 'disabled' | 'hotline-gone' };

export type ShiftAckCheckOutcome =
  | { readonly status: 'told'; readonly steps: readonly string[] }
  | { readonly status: 'acknowledged' | 'already-told' | 'unknown' };

type Step = (name: string, work: () => Promise<string>) => Promise<void>;

/**
 * The `shift-alert.send` and `shift-alert.ack-check` jobs. Sending re-derives the duty from the
 * current schedule and sends only if the same person's duty still starts at the job's instant. The
 * ledger records each channel done (`sms`, `email`), so a retried job never sends a channel twice; a
 * retry after a partial send renews the acknowledgement token, so a link sent by the earlier attempt
 * stops working (the message of the later one carries the valid one).
 * Failure contract: rejects when a store, the mailer or the carrier failed (the job is retried).
 */
export class ShiftAlertSender {
  private readonly base: string;

  constructor(private readonly ports: ShiftAlertPorts) {
    this.base = ports.publicUrl.replace(/\/+$/, '');
  }

  async send(job: ShiftAlertSendJob): Promise<ShiftAlertSendOutcome> {
    const { ports } = this;
    const stored = await ports.ledger.shiftAlert(shiftAlertId(job.hotlineId, job.personId, job.dutyStart));
    if (stored?.sentAt != null) return { status: 'already-sent' };
    const hotline = await ports.hotlines.byId(job.accountId, job.hotlineId);
    if (!hotline) return { status: 'hotline-gone' };
    const settings = await ports.settings.shiftAlertSettings(job.accountId, job.hotlineId);
    if (!settings?.enabled) return { status: 'disabled' };
    const { schedule, directory } = await scheduleAround(ports, { hotline, from: job.dutyStart, to: job.dutyStart });
    const duty = currentDutyStart({
      hotlineId: hotline.id,
      schedule,
      directory,
      personId: job.personId,
      start: job.dutyStart,
    });
    const person = directory.person(job.personId);
    if (!duty || !person) return { status: 'stale' };

    const now = ports.clock.now();
    const ack = settings.acknowledge;
    const { record, ackToken } = await ports.ledger.openShiftAlert({
      id: duty.id,
      accountId: job.accountId,
      hotlineId: hotline.id,
      personId: person.id,
      level: duty.level,
      dutyStart: duty.start,
      dutyEnd: duty.end,
      ackExpiresAt: ack ? now + ack.withinMinutes * MINUTE_MS : null,
      createdAt: now,
    });
    const remaining = settings.channels.filter((channel) => record.steps[channel] === undefined);
    const token =
      ackToken ??
      (record.ackExpiresAt !== null && remaining.length > 0 ? await ports.ledger.renewAckToken(record.id) : null);
    const message = shiftAlertText({
      hotlineName: hotline.name,
      language: hotline.language,
      zone: hotline.timeZone,
      personName: person.name,
      level: record.level,
      start: record.dutyStart,
      end: record.dutyEnd,
      ackUrl: token && `${this.base}/shift-alerts/ack/${token}`,
    });
    const steps: Record<string, string> = { ...record.steps };
    const step: Step = async (name, work) => {
      const result = await work();
      await ports.ledger.recordShiftAlertStep(record.id, { step: name, result });
      steps[name] = result;
    };
    for (const channel of remaining) {
      if (channel === 'email') await step('email', () => this.mail(person, { ...message, key: record.id }));
      else await step('sms', () => this.text(hotline, person, message.text));
    }
    await ports.ledger.markShiftAlertSent(record.id, now);
    if (record.ackExpiresAt !== null) {
      await ports.queue.enqueue(
        'shift-alert.ack-check',
        { accountId: job.accountId, alertId: record.id },
        { jobId: shiftAckCheckId(record.id), runAt: record.ackExpiresAt },
      );
    }
    return { status: 'sent', steps };
  }

  /** Tells the hotline's supervisors, by the hotline's alert channels, when the alert went unacknowledged. */
  async checkAcknowledgement(job: ShiftAckCheckJob): Promise<ShiftAckCheckOutcome> {
    const { ports } = this;
    const record = await ports.ledger.shiftAlert(job.alertId);
    if (!record || record.accountId !== job.accountId) return { status: 'unknown' };
    if (record.acknowledgedAt !== null) return { status: 'acknowledged' };
    if (record.supervisorsToldAt !== null) return { status: 'already-told' };
    const hotline = await ports.hotlines.byId(record.accountId, record.hotlineId);
    if (!hotline) return { status: 'unknown' };
    const settings = await ports.settings.shiftAlertSettings(record.accountId, record.hotlineId);
    const told = await this.tellSupervisors(hotline, record, settings);
    await ports.ledger.markSupervisorsTold(record.id, ports.clock.now());
    return { status: 'told', steps: told };
  }

  private async tellSupervisors(
    hotline: Hotline,
    record: ShiftAlertRecord,
    settings: ShiftAlertSettings | undefined,
  ): Promise<string[]> {
    const { ports } = this;
    const [person] = await ports.people.peopleByIds(record.accountId, [record.personId]);
    const to = await recipientsOf(ports.people, { accountId: record.accountId, personIds: hotline.supervisorIds });
    const message = unacknowledgedText({
      hotlineName: hotline.name,
      language: hotline.language,
      zone: hotline.timeZone,
      personName: person?.name ?? record.personId,
      level: record.level,
      start: record.dutyStart,
      end: record.dutyEnd,
    });
    const channels = settings?.channels ?? ['email'];
    const done: string[] = [];
    const step: Step = async (name, work) => {
      if (record.steps[name] === undefined) {
        await ports.ledger.recordShiftAlertStep(record.id, { step: name, result: await work() });
      }
      done.push(name);
    };
    if (channels.includes('email') && to.emails.length > 0) {
      await step('supervisors:email', async () => {
        const receipt = await ports.mailer.send({
          to: to.emails,
          subject: message.subject,
          text: message.text,
          idempotencyKey: shiftAckCheckId(record.id),
        });
        return receipt.messageId;
      });
    }
    if (channels.includes('sms') && ports.sms) {
      for (const mobile of to.mobiles) {
        await step(`supervisors:sms:${mobile.e164}`, () =>
          textOnce(ports.sms!, { to: mobile, from: hotline.number, text: message.text }),
        );
      }
    }
    return done;
  }

  private async mail(person: Person, message: { subject: string; text: string; key: string }): Promise<string> {
    if (!person.email) return 'none: no e-mail address';
    const receipt = await this.ports.mailer.send({
      to: [person.email],
      subject: message.subject,
      text: message.text,
      idempotencyKey: message.key,
    });
    return receipt.messageId;
  }

  private async text(hotline: Hotline, person: Person, text: string): Promise<string> {
    const mobile = firstMobile(person);
    if (!mobile) return 'none: no mobile number';
    if (!this.ports.sms) return 'none: text messages are off';
    return textOnce(this.ports.sms, { to: mobile, from: hotline.number, text });
  }
}
