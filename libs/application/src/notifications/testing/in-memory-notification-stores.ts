import {
  Id,
  Instant,
  MailMessage,
  MailReceipt,
  MailerPort,
  PermanentDeliveryError,
  PhoneNumber,
  RecordingCarrier,
  SmsCarrier,
  VersionConflictError,
} from '@dutyline/domain';
import {
  Delivery,
  DeliveryEnd,
  DeliveryLedger,
  DeliveryStep,
  EMPTY_GAP_ALERT_STATE,
  GapAlertState,
  GapAlertStateStore,
  HotlineKey,
  NewDelivery,
  VoicemailLinkRequest,
  VoicemailLinks,
  WatchedHotlines,
} from '../ports';
import { NotificationSettingsStore, NotificationSettings } from '../../shared';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const hotlineKey = (h: HotlineKey) => `${h.accountId}/${h.hotlineId}`;

/** The delivery ledger in memory, JSON round-tripped like a database would. */
export class InMemoryDeliveryLedger implements DeliveryLedger {
  readonly rows = new Map<string, Delivery>();

  async addDelivery(delivery: NewDelivery): Promise<boolean> {
    if (this.rows.has(delivery.id)) return false;
    this.rows.set(
      delivery.id,
      clone({ ...delivery, status: 'pending', steps: {}, lastError: null, updatedAt: delivery.createdAt }),
    );
    return true;
  }

  async delivery(id: string): Promise<Delivery | undefined> {
    const row = this.rows.get(id);
    return row && clone(row);
  }

  async recordStep(id: string, { step, result, at }: DeliveryStep): Promise<void> {
    this.change(id, (row) => ({ ...row, steps: { ...row.steps, [step]: result }, updatedAt: at }));
  }

  async finishDelivery(id: string, { status, at, error = null, step }: DeliveryEnd): Promise<void> {
    this.change(id, (row) => ({
      ...row,
      status,
      lastError: error ?? row.lastError,
      steps: step ? { ...row.steps, [step.step]: step.result } : row.steps,
      updatedAt: at,
    }));
  }

  async noteAttemptFailed(id: string, error: string, at: Instant): Promise<void> {
    this.change(id, (row) => ({ ...row, lastError: error, updatedAt: at }));
  }

  async pendingDeliveries(options: {
    createdBefore: Instant;
    limit: number;
    after?: string | null;
  }): Promise<Delivery[]> {
    return [...this.rows.values()]
      .filter((row) => row.status === 'pending' && row.createdAt < options.createdBefore)
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
      .filter((row, _, all) => !options.after || all.findIndex((r) => r.id === options.after) < all.indexOf(row))
      .slice(0, options.limit)
      .map(clone);
  }

  private change(id: string, update: (row: Delivery) => Delivery): void {
    const row = this.rows.get(id);
    if (row) this.rows.set(id, update(row));
  }
}

/** Announced-gap state per hotline, compare-and-set like the SQL store. */
export class InMemoryGapAlertStateStore implements GapAlertStateStore, WatchedHotlines {
  readonly states = new Map<string, GapAlertState>();
  readonly hotlines: HotlineKey[] = [];
  saves = 0;

  async gapAlertState(hotline: HotlineKey): Promise<GapAlertState> {
    return clone(this.states.get(hotlineKey(hotline)) ?? EMPTY_GAP_ALERT_STATE);
  }

  async saveGapAlertState(hotline: HotlineKey, state: GapAlertState): Promise<number> {
    const stored = this.states.get(hotlineKey(hotline))?.version ?? 0;
    if (stored !== state.version) throw new VersionConflictError(`gap state at ${stored}, not ${state.version}`);
    this.states.set(hotlineKey(hotline), clone({ ...state, version: stored + 1 }));
    this.saves += 1;
    return stored + 1;
  }

  async hotlinesWithPendingGapNotices(): Promise<HotlineKey[]> {
    return [...this.states.entries()]
      .filter(([, state]) => state.outbox.length > 0)
      .map(([key]) => ({ accountId: key.split('/')[0], hotlineId: key.split('/')[1] }));
  }

  async watchedHotlines(): Promise<HotlineKey[]> {
    return [...this.hotlines];
  }
}

export class InMemoryNotificationSettings implements NotificationSettingsStore {
  private readonly rows = new Map<string, NotificationSettings>();

  async notificationSettings(accountId: Id, hotlineId: Id): Promise<NotificationSettings | undefined> {
    return this.rows.get(hotlineKey({ accountId, hotlineId }));
  }

  async saveNotificationSettings(accountId: Id, hotlineId: Id, settings: NotificationSettings): Promise<void> {
    this.rows.set(hotlineKey({ accountId, hotlineId }), settings);
  }
}

/** Keeps every message; `failNext` makes the next sends fail with the given error. */
export class RecordingMailer implements MailerPort {
  readonly sent: MailMessage[] = [];
  private readonly failures: Error[] = [];

  failNext(...errors: Error[]): void {
    this.failures.push(...errors);
  }

  async send(message: MailMessage): Promise<MailReceipt> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    if (message.to.length === 0) throw new PermanentDeliveryError('no recipient');
    this.sent.push(message);
    return { messageId: `<${message.idempotencyKey ?? this.sent.length}@test>`, rejected: [] };
  }
}

/** Recordings by reference; counts downloads. */
export class FakeRecordings implements Pick<RecordingCarrier, 'fetchRecording'> {
  readonly audio = new Map<string, { audio: Buffer; contentType: string }>();
  fetched = 0;

  async fetchRecording(reference: string): Promise<{ audio: Buffer; contentType: string }> {
    this.fetched += 1;
    const found = this.audio.get(reference);
    if (!found) throw Object.assign(new Error(`no recording ${reference}`), { retryable: false, status: 404 });
    return found;
  }
}

export class RecordingSms implements SmsCarrier {
  readonly sent: { to: string; from: string; text: string }[] = [];
  private readonly refused = new Set<string>();

  refuse(e164: string): void {
    this.refused.add(e164);
  }

  async sendSms(to: PhoneNumber, from: PhoneNumber, text: string): Promise<{ messageId: string }> {
    if (this.refused.has(to.e164)) throw new PermanentDeliveryError(`${to.e164} cannot receive texts`);
    this.sent.push({ to: to.e164, from: from.e164, text });
    return { messageId: `sms-${this.sent.length}` };
  }
}

/** Hands out `https://hotline.test/voicemail/token-<n>` and remembers what each opens. */
export class InMemoryVoicemailLinks implements VoicemailLinks {
  readonly issued: (VoicemailLinkRequest & { url: string })[] = [];

  private count = 0;

  async issueVoicemailLink(request: VoicemailLinkRequest): Promise<{ url: string }> {
    const url = `https://hotline.test/voicemail/token-${++this.count}`;
    this.issued.push({ ...request, url });
    return { url };
  }

  async purgeExpired(at: Instant): Promise<number> {
    const before = this.issued.length;
    this.issued.splice(0, this.issued.length, ...this.issued.filter((link) => link.expiresAt > at));
    return before - this.issued.length;
  }
}
