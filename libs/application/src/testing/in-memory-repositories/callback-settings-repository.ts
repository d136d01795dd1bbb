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
import { rowKey } from '../in-memory-database';
import { NOT_FOUND, InMemoryRepository } from './in-memory-repository';

const serviceKey = (accountId: Id, service: CallbackServiceRef) => rowKey(accountId, `${service.kind}:${service.id}`);

export class InMemoryCallbackSettingsRepository extends InMemoryRepository implements CallbackSettingsRepository {
  private get settings() {
    return this.db.table<CallbackSettings>('callbackSettings');
  }

  async callbackSettings(accountId: Id, service: CallbackServiceRef): Promise<CallbackSettings | undefined> {
    this.called('callbackSettings');
    return this.settings.get(serviceKey(accountId, service));
  }

  async saveCallbackSettings(settings: CallbackSettings): Promise<void> {
    this.called('saveCallbackSettings');
    const table = settings.service.kind === 'hotline' ? this.hotlines : this.teams;
    if (!table.has(rowKey(settings.accountId, settings.service.id))) {
      invalid('UNKNOWN_SERVICE', 'service.id', `no ${settings.service.kind} ${settings.service.id} in this account`);
    }
    this.settings.set(serviceKey(settings.accountId, settings.service), settings);
  }

  async deleteCallbackSettings(accountId: Id, service: CallbackServiceRef): Promise<Result<void, NotFound>> {
    this.called('deleteCallbackSettings');
    return this.settings.delete(serviceKey(accountId, service)) ? ok(undefined) : err(NOT_FOUND);
  }
}
