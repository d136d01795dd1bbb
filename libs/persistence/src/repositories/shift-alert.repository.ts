import { createHash, randomBytes } from 'node:crypto';
import {
  Id,
  Instant,
  NewShiftAlert,
  ShiftAckOutcome,
  ShiftAlertChannel,
  ShiftAlertLedger,
  ShiftAlertRecord,
  ShiftAlertSettings,
  ShiftAlertSettingsRepository,
  invalid,
} from '@dutyline/domain';
import { Between, DataSource, EntityManager, IsNull } from 'typeorm';
import { SqlStore } from '../database/sql-store';
import { HotlineRow, ShiftAlertRow, ShiftAlertSettingsRow } from '../entities';
import { saveRow } from '../support/rows';
import { isUniqueViolation } from '../support/store-errors';

/** The shift-alert settings of each hotline, one row each. */
export class SqlShiftAlertSettings implements ShiftAlertSettingsRepository {
  private readonly store: SqlStore;

  constructor(dataSource: DataSource) {
    this.store = new SqlStore(dataSource);
  }

  shiftAlertSettings(accountId: Id, hotlineId: Id): Promise<ShiftAlertSettings | undefined> {
    return this.store.read(async (manager) => {
      const row = await manager.findOne(ShiftAlertSettingsRow, { where: { accountId, hotlineId } });
      return row ? settingsFromRow(row) : undefined;
    });
  }

  async saveShiftAlertSettings(accountId: Id, settings: ShiftAlertSettings): Promise<void> {
    const row: ShiftAlertSettingsRow = {
      accountId,
      hotlineId: settings.hotlineId,
      enabled: settings.enabled,
      minutesBefore: settings.minutesBefore,
      channels: JSON.stringify(settings.channels),
      ackWithinMinutes: settings.acknowledge?.withinMinutes ?? null,
    };
    await this.store.write(async (manager) => {
      if (!(await manager.exists(HotlineRow, { where: { accountId, id: settings.hotlineId } })))
        invalid('UNKNOWN_HOTLINE', 'hotlineId', `there is no hotline ${settings.hotlineId} in this account`);
      await saveRow(manager, ShiftAlertSettingsRow, { key: { accountId, hotlineId: row.hotlineId }, row });
    });
  }
}

const settingsFromRow = (row: ShiftAlertSettingsRow): ShiftAlertSettings => ({
  hotlineId: row.hotlineId,
  enabled: Boolean(row.enabled),
  minutesBefore: row.minutesBefore,
  channels: JSON.parse(row.channels) as ShiftAlertChannel[],
  acknowledge: row.ackWithinMinutes === null ? null : { withinMinutes: row.ackWithinMinutes, by: 'link' },
});

/** 32 random bytes, base64url: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const hashOf = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

/** The ledger of shift-start alerts; the acknowledgement token's SHA-256 only is kept. */
export class SqlShiftAlertLedger implements ShiftAlertLedger {
  private readonly store: SqlStore;

  constructor(dataSource: DataSource) {
    this.store = new SqlStore(dataSource);
  }

  async openShiftAlert(alert: NewShiftAlert): Promise<{ record: ShiftAlertRecord; ackToken: string | null }> {
    const token = alert.ackExpiresAt === null ? null : newToken();
    try {
      await this.store.write((manager) =>
        manager.insert(ShiftAlertRow, {
          ...alert,
          steps: '{}',
          sentAt: null,
          ackTokenHash: token && hashOf(token),
          acknowledgedAt: null,
          supervisorsToldAt: null,
        }),
      );
    } catch (error) {
      if (!isUniqueViolation(error, { name: 'PRIMARY', columns: 'shift_alerts.id' })) throw error;
      return { record: (await this.shiftAlert(alert.id))!, ackToken: null };
    }
    return { record: (await this.shiftAlert(alert.id))!, ackToken: token };
  }

  shiftAlert(id: string): Promise<ShiftAlertRecord | undefined> {
    return this.store.read(async (manager) => {
      const row = await manager.findOne(ShiftAlertRow, { where: { id } });
      return row ? recordFromRow(row) : undefined;
    });
  }

  async recordShiftAlertStep(id: string, done: { step: string; result: string }): Promise<void> {
    await this.store.write(async (manager) => {
      const row = await this.row(manager, id);
      const steps = { ...(JSON.parse(row.steps) as Record<string, string>), [done.step]: done.result };
      await manager.update(ShiftAlertRow, { id }, { steps: JSON.stringify(steps) });
    });
  }

  async markShiftAlertSent(id: string, at: Instant): Promise<void> {
    await this.store.write((manager) => manager.update(ShiftAlertRow, { id, sentAt: IsNull() }, { sentAt: at }));
  }

  async renewAckToken(id: string): Promise<string> {
    const token = newToken();
    await this.store.write(async (manager) => {
      await this.row(manager, id);
      await manager.update(ShiftAlertRow, { id }, { ackTokenHash: hashOf(token) });
    });
    return token;
  }

  acknowledgeShiftAlert(token: string, at: Instant): Promise<ShiftAckOutcome> {
    if (typeof token !== 'string' || !TOKEN.test(token)) return Promise.resolve({ status: 'invalid' });
    return this.store.write(async (manager): Promise<ShiftAckOutcome> => {
      const row = await manager.findOne(ShiftAlertRow, { where: { ackTokenHash: hashOf(token) } });
      if (!row || row.ackExpiresAt === null) return { status: 'invalid' };
      if (row.acknowledgedAt !== null) return { status: 'already-acknowledged', alert: recordFromRow(row) };
      if (row.ackExpiresAt <= at) return { status: 'invalid' };
      // Only the first of two concurrent clicks sets it.
      await manager.update(ShiftAlertRow, { id: row.id, acknowledgedAt: IsNull() }, { acknowledgedAt: at });
      return { status: 'acknowledged', alert: recordFromRow({ ...row, acknowledgedAt: at }) };
    });
  }

  async markSupervisorsTold(id: string, at: Instant): Promise<void> {
    await this.store.write((manager) =>
      manager.update(ShiftAlertRow, { id, supervisorsToldAt: IsNull() }, { supervisorsToldAt: at }),
    );
  }

  shiftAlerts(accountId: Id, hotlineId: Id, range: { from: Instant; to: Instant }): Promise<ShiftAlertRecord[]> {
    return this.store.read(async (manager) => {
      const rows = await manager.find(ShiftAlertRow, {
        where: { accountId, hotlineId, dutyStart: Between(range.from, range.to - 1) },
        order: { dutyStart: 'ASC', personId: 'ASC' },
      });
      return rows.map(recordFromRow);
    });
  }

  private async row(manager: EntityManager, id: string): Promise<ShiftAlertRow> {
    const row = await manager.findOne(ShiftAlertRow, { where: { id } });
    return row ?? invalid('UNKNOWN_SHIFT_ALERT', 'id', `there is no shift alert ${id}`);
  }
}

const recordFromRow = (row: ShiftAlertRow): ShiftAlertRecord => ({
  id: row.id,
  accountId: row.accountId,
  hotlineId: row.hotlineId,
  personId: row.personId,
  level: row.level,
  dutyStart: row.dutyStart,
  dutyEnd: row.dutyEnd,
  steps: JSON.parse(row.steps) as Record<string, string>,
  sentAt: row.sentAt,
  ackExpiresAt: row.ackExpiresAt,
  acknowledgedAt: row.acknowledgedAt,
  supervisorsToldAt: row.supervisorsToldAt,
  createdAt: row.createdAt,
});
