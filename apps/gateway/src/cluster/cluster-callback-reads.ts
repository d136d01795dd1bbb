import type { CallbackIntakeSettings, CallbackIntakeSettingsStore } from '@dutyline/application';
import type { CallbackServiceRef, Clock, Hotline, HotlineRepository, Id } from '@dutyline/domain';
import { InvalidatedCache, InvalidatedCacheOptions } from './invalidated-cache';
import { InvalidationBus, accountTopic, hotlineTopic } from './invalidation-bus';

/** What announces a change of a service's intake settings: its hotline, or (a team) its account's directory. */
const serviceTopic = (accountId: Id, service: CallbackServiceRef) =>
  service.kind === 'hotline' ? hotlineTopic(service.id) : accountTopic(accountId);

/**
 * A hotline repository whose `byId` is read once and kept until the hotline changes on any instance
 * (`hotline:<id>`); everything else goes straight to `hotlines`. The callback offer reads it on
 * every answered call.
 */
export function cachedHotlinesById<R extends Pick<HotlineRepository, 'byId'>>(
  hotlines: R,
  bus: InvalidationBus,
  clock: Clock,
  options?: InvalidatedCacheOptions,
): R {
  const cache = new InvalidatedCache<Hotline | undefined>(bus, clock, options);
  const byId = (accountId: Id, hotlineId: Id) =>
    cache.getOrRead(`${accountId}\u0000${hotlineId}`, async () => ({
      value: await hotlines.byId(accountId, hotlineId),
      topics: [hotlineTopic(hotlineId)],
    }));
  return new Proxy(hotlines, {
    get(target, property) {
      if (property === 'byId') return byId;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Intake settings read once per service and kept until they change on any instance: a save here
 * announces the service's topic once committed, so every gateway reads them again.
 */
export class ClusterCallbackIntakeSettings implements CallbackIntakeSettingsStore {
  private readonly cache: InvalidatedCache<CallbackIntakeSettings | undefined>;

  constructor(
    private readonly store: CallbackIntakeSettingsStore,
    private readonly bus: InvalidationBus,
    clock: Clock,
    private readonly onPublishError: (error: unknown) => void,
    options?: InvalidatedCacheOptions,
  ) {
    this.cache = new InvalidatedCache(bus, clock, options);
  }

  intakeSettings(accountId: Id, service: CallbackServiceRef): Promise<CallbackIntakeSettings | undefined> {
    return this.cache.getOrRead(`${accountId}\u0000${service.kind}\u0000${service.id}`, async () => ({
      value: await this.store.intakeSettings(accountId, service),
      topics: [serviceTopic(accountId, service)],
    }));
  }

  async saveIntakeSettings(settings: CallbackIntakeSettings): Promise<void> {
    try {
      await this.store.saveIntakeSettings(settings);
    } finally {
      await this.bus.publish(serviceTopic(settings.accountId, settings.service)).catch(this.onPublishError);
    }
  }
}
