import { Module } from '@nestjs/common';
import { CallEntryService } from '@dutyline/application';
import type { AuditLog, CallEntryRepository, Clock, HotlineRepository, IdGenerator } from '@dutyline/domain';
import { SqlCallEntryRepository } from '@dutyline/persistence';
import type { DataSource } from 'typeorm';
import { INVALIDATION_BUS } from '../cluster/cluster.tokens';
import { type InvalidationBus, hotlineTopic, numberTopic } from '../cluster/invalidation-bus';
import { DATA_SOURCE } from '../database/database.module';
import { AUDIT_LOG, HOTLINE_REPOSITORY } from '../database/repository.tokens';
import type { JsonLogger } from '../logging/json-logger';
import { provideFactory } from '../platform/injection-token';
import { CLOCK, ID_GENERATOR, LOGGER } from '../platform/platform.tokens';
import { CallEntriesResolver } from './call-entries.resolver';
import { CALL_ENTRIES } from './call-entries.tokens';

/**
 * The entries' store, announcing each write on the bus (`hotline:<id>`, and `number:<e164>` for each
 * extra number) so every instance's answer path drops what it cached of them.
 */
export function announcingEntries(
  entries: CallEntryRepository,
  bus: InvalidationBus,
  onError: (error: unknown) => void,
): CallEntryRepository {
  const publish = async (topics: readonly string[]) => {
    for (const topic of topics) await bus.publish(topic).catch(onError);
  };
  return {
    callEntry: (accountId, hotlineId) => entries.callEntry(accountId, hotlineId),
    extraNumber: (e164) => entries.extraNumber(e164),
    async saveCallEntry(stored) {
      const saved = await entries.saveCallEntry(stored);
      const numbers = stored.entry.extraNumbers.map((n) => numberTopic(n.e164));
      await publish([hotlineTopic(stored.entry.hotlineId), ...numbers]);
      return saved;
    },
    async deleteCallEntry(accountId, hotlineId) {
      const deleted = await entries.deleteCallEntry(accountId, hotlineId);
      await publish([hotlineTopic(hotlineId)]);
      return deleted;
    },
  };
}

/** How calls enter a hotline (F25): `callEntry`, `updateCallEntry`. */
@Module({
  providers: [
    provideFactory(
      CALL_ENTRIES,
      [DATA_SOURCE, HOTLINE_REPOSITORY, AUDIT_LOG, INVALIDATION_BUS, CLOCK, ID_GENERATOR, LOGGER],
      (
        dataSource: DataSource,
        hotlines: HotlineRepository,
        audit: AuditLog,
        bus: InvalidationBus,
        clock: Clock,
        ids: IdGenerator,
        logger: JsonLogger,
      ) =>
        new CallEntryService({
          entries: announcingEntries(new SqlCallEntryRepository(dataSource), bus, (error) =>
            logger.entry('warn', 'a change could not be announced to the other instances', { error }),
          ),
          hotlines,
          audit,
          clock,
          ids,
        }),
    ),
    CallEntriesResolver,
  ],
})
export class CallEntriesModule {}
