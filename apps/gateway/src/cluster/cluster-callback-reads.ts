import type { CallbackIntakeSettings, CallbackIntakeSettingsStore } from '@dutyline/application';
import type { CallbackServiceRef, Clock, Id } from '@dutyline/domain';
import { InvalidatedCache, InvalidatedCacheOptions } from './invalidated-cache';
import { InvalidationBus, accountTopic, hotlineTopic } from './invalidation-bus';

/** What announces a change of a service's intake settings: its hotline, or (a team) its account's directory. */
const serviceTopic = (accountId: Id, service: CallbackServiceRef) =>
  service.kind === 'hotline' ? hotlineTopic(service.id) : accountTopic(accountId);

/**
 * Intake settings read once per service and kept until they change on any instance: a save here
 * announces the service's topic once committed, so every gateway reads them again.
 */
export class ClusterCallbackIntakeSettings implements CallbackIntakeSettingsStore {
  private readonly cache: InvalidatedCache<CallbackIntakeSettings | undefined>;
  private readonly store: CallbackIntakeSettingsStore;
  private readonly bus: InvalidationBus;
  private readonly onPublishError: (error: unknown) => void;

  constructor(parts: {
    readonly store: CallbackIntakeSettingsStore;
    readonly bus: InvalidationBus;
    readonly clock: Clock;
    /** Told when a saved change could not be announced to the other instances. */
    readonly onPublishError: (error: unknown) => void;
    readonly cache?: InvalidatedCacheOptions;
  }) {
    this.store = parts.store;
    this.bus = parts.bus;
    this.onPublishError = parts.onPublishError;
    this.cache = new InvalidatedCache(parts.bus, parts.clock, parts.cache);
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
