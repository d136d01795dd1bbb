import {
  CallbackServiceRef,
  CallbackSettings,
  CallbackSettingsRepository,
  Id,
  NotFound,
  Result,
  err,
  invalid,
  ok,
} from '@dutyline/domain';
import { DataSource } from 'typeorm';
import { SqlStore } from '../database/sql-store';
import { HotlineCallbackSettingsRow, HotlineRow, TeamCallbackSettingsRow, TeamRow } from '../entities';
import { callbackSettingsFromRow, callbackSettingsToRow } from '../mappers/settings.mapper';
import { saveRow } from '../support/rows';

/** Where each kind of service lives, and where its settings do. */
const TABLES = {
  hotline: { service: HotlineRow, settings: HotlineCallbackSettingsRow },
  team: { service: TeamRow, settings: TeamCallbackSettingsRow },
} as const;

const tablesOf = (service: CallbackServiceRef) =>
  TABLES[service.kind] ?? invalid('INVALID_SERVICE', 'service.kind', 'a service is a "hotline" or a "team"');

export class SqlCallbackSettingsRepository implements CallbackSettingsRepository {
  private readonly store: SqlStore;

  constructor(dataSource: DataSource) {
    this.store = new SqlStore(dataSource);
  }

  callbackSettings(accountId: Id, service: CallbackServiceRef): Promise<CallbackSettings | undefined> {
    const tables = tablesOf(service);
    return this.store.read(async (manager) => {
      const row = await manager.findOne(tables.settings, { where: { accountId, serviceId: service.id } });
      return row ? callbackSettingsFromRow(service.kind, row) : undefined;
    });
  }

  async saveCallbackSettings(settings: CallbackSettings): Promise<void> {
    const tables = tablesOf(settings.service);
    const row = callbackSettingsToRow(settings);
    await this.store.write(async (manager) => {
      if (
        !(await manager.exists(tables.service, { where: { accountId: settings.accountId, id: settings.service.id } }))
      ) {
        invalid(
          'UNKNOWN_SERVICE',
          'service.id',
          `there is no ${settings.service.kind} ${settings.service.id} in this account`,
        );
      }
      await saveRow(manager, tables.settings, { key: { accountId: row.accountId, serviceId: row.serviceId }, row });
    });
  }

  deleteCallbackSettings(accountId: Id, service: CallbackServiceRef): Promise<Result<void, NotFound>> {
    const tables = tablesOf(service);
    return this.store.write(async (manager) => {
      const { affected } = await manager.delete(tables.settings, { accountId, serviceId: service.id });
      return affected ? ok(undefined) : err({ code: 'NOT_FOUND' });
    });
  }
}
