import {
  Id,
  Instant,
  NewShiftAlert,
  ShiftAckOutcome,
  ShiftAlertLedger,
  ShiftAlertRecord,
  ShiftAlertSettings,
  ShiftAlertSettingsRepository,
} from '@dutyline/domain';

export class InMemoryShiftAlertSettings implements ShiftAlertSettingsRepository {
  private readonly saved = new Map<string, ShiftAlertSettings>();

  async shiftAlertSettings(accountId: Id, hotlineId: Id): Promise<ShiftAlertSettings | undefined> {
    return this.saved.get(`${accountId}/${hotlineId}`);
  }

  async saveShiftAlertSettings(accountId: Id, settings: ShiftAlertSettings): Promise<void> {
    this.saved.set(`${accountId}/${settings.hotlineId}`, settings);
  }
}

/** Tokens are `token-<n>`, readable by the test; the SQL ledger's are random. */
export class InMemoryShiftAlertLedger implements ShiftAlertLedger {
  readonly records = new Map<string, ShiftAlertRecord>();
  private readonly tokens = new Map<string, string>();
  private issued = 0;

  async openShiftAlert(alert: NewShiftAlert): Promise<{ record: ShiftAlertRecord; ackToken: string | null }> {
    const known = this.records.get(alert.id);
    if (known) return { record: known, ackToken: null };
    const record: ShiftAlertRecord = {
      ...alert,
      steps: {},
      sentAt: null,
      acknowledgedAt: null,
      supervisorsToldAt: null,
    };
    this.records.set(alert.id, record);
    return { record, ackToken: alert.ackExpiresAt === null ? null : this.issue(alert.id) };
  }

  async shiftAlert(id: string): Promise<ShiftAlertRecord | undefined> {
    return this.records.get(id);
  }

  async recordShiftAlertStep(id: string, done: { step: string; result: string }): Promise<void> {
    const record = this.get(id);
    this.records.set(id, { ...record, steps: { ...record.steps, [done.step]: done.result } });
  }

  async markShiftAlertSent(id: string, at: Instant): Promise<void> {
    const record = this.get(id);
    if (record.sentAt === null) this.records.set(id, { ...record, sentAt: at });
  }

  async renewAckToken(id: string): Promise<string> {
    this.get(id);
    for (const [token, alertId] of this.tokens) if (alertId === id) this.tokens.delete(token);
    return this.issue(id);
  }

  async acknowledgeShiftAlert(token: string, at: Instant): Promise<ShiftAckOutcome> {
    const id = this.tokens.get(token);
    const record = id === undefined ? undefined : this.records.get(id);
    if (!record || record.ackExpiresAt === null) return { status: 'invalid' };
    if (record.acknowledgedAt !== null) return { status: 'already-acknowledged', alert: record };
    if (record.ackExpiresAt <= at) return { status: 'invalid' };
    const alert = { ...record, acknowledgedAt: at };
    this.records.set(record.id, alert);
    return { status: 'acknowledged', alert };
  }

  async markSupervisorsTold(id: string, at: Instant): Promise<void> {
    const record = this.get(id);
    if (record.supervisorsToldAt === null) this.records.set(id, { ...record, supervisorsToldAt: at });
  }

  async shiftAlerts(accountId: Id, hotlineId: Id, range: { from: Instant; to: Instant }): Promise<ShiftAlertRecord[]> {
    return [...this.records.values()]
      .filter((r) => r.accountId === accountId && r.hotlineId === hotlineId)
      .filter((r) => r.dutyStart >= range.from && r.dutyStart < range.to)
      .sort((a, b) => a.dutyStart - b.dutyStart || a.personId.localeCompare(b.personId));
  }

  private issue(id: string): string {
    const token = `token-${++this.issued}`;
    this.tokens.set(token, id);
    return token;
  }

  private get(id: string): ShiftAlertRecord {
    const record = this.records.get(id);
    if (!record) throw new Error(`no shift alert ${id}`);
    return record;
  }
}
