import path from 'node:path';
import { Module } from '@nestjs/common';
import {
  type ActiveCalls,
  type CallEvents,
  type CallJournal,
  type CallJournalEntry,
  type CallPlanner,
  CallLogService,
  type HotlineLookup,
  LastKnownPlans,
  type LineStatus,
  type Metrics,
  type StoredCall,
  createCalls,
} from '@dutyline/application';
import type { Clock, IdGenerator } from '@dutyline/domain';
import { SequencedFileJournal, SqlCallStore } from '@dutyline/persistence';
import type { VonageVoiceApi } from '@dutyline/vonage';
import { VONAGE_VOICE_API } from '../carrier/carrier.tokens';
import type { GatewayConfig } from '../config/gateway-config';
import type { DataSource } from 'typeorm';
import type { ClusterHotlines } from '../cluster/cluster-hotlines';
import type { HeapPressure } from '../cluster/heap-pressure';
import {
  ACTIVE_CALLS,
  CACHE_SHEDDING,
  CLUSTER_CALL_PLANNER,
  CLUSTER_HOTLINES,
  CLUSTER_HOTLINE_LOOKUP,
  CLUSTER_LINE_STATUS,
} from '../cluster/cluster.tokens';
import { DATA_SOURCE } from '../database/database.module';
import type { JsonLogger } from '../logging/json-logger';
import { METRICS } from '../metrics/metrics.tokens';
import { NOTIFICATION_EVENTS } from '../notifications/notifications.tokens';
import { provideFactory } from '../platform/injection-token';
import { CLOCK, GATEWAY_CONFIG, ID_GENERATOR, LOGGER } from '../platform/platform.tokens';
import { type CallRoutingSettings, inboundCallOptions } from './call-routing-settings';
import { CallSimulations } from './call-simulations.service';
import {
  CALL_EVENTS,
  CALL_JOURNAL,
  CALL_LOG,
  CALL_PLANNER,
  CALL_ROUTING_SETTINGS,
  CALL_STORE,
  HOTLINE_LOOKUP,
  INBOUND_CALLS,
  LAST_KNOWN_PLANS,
} from './calls.tokens';
import { CallWriteBack } from './call-write-back';
import { CallsResolver } from './calls.resolver';
import { jsonCallLogger } from './json-call-logger';

const providers = [
  provideFactory(CALL_ROUTING_SETTINGS, [GATEWAY_CONFIG], (config: GatewayConfig) => config.callRouting),
  provideFactory(CALL_STORE, [DATA_SOURCE], (dataSource: DataSource) => new SqlCallStore<StoredCall>(dataSource)),
  // The answer path's reads, cached until a change is announced on any instance (ClusterModule).
  { provide: HOTLINE_LOOKUP, useExisting: CLUSTER_HOTLINE_LOOKUP },
  { provide: CALL_PLANNER, useExisting: CLUSTER_CALL_PLANNER },
  provideFactory(
    LAST_KNOWN_PLANS,
    [GATEWAY_CONFIG, CACHE_SHEDDING],
    (config: GatewayConfig, shedding: HeapPressure) => {
      const plans = new LastKnownPlans(config.hotlineCacheSize);
      shedding.register(plans);
      return plans;
    },
  ),
  // Unanswered-call alerts and voicemail e-mails (NotificationsModule, global).
  { provide: CALL_EVENTS, useExisting: NOTIFICATION_EVENTS },
  // What the database could not take, kept on disk until the write-back hands it over (one process per DATA_DIR).
  provideFactory(CALL_JOURNAL, [GATEWAY_CONFIG], (config: GatewayConfig) =>
    SequencedFileJournal.open<CallJournalEntry>(path.join(config.dataDir, 'call-journal.jsonl')),
  ),
  provideFactory(
    INBOUND_CALLS,
    [
      CALL_STORE,
      HOTLINE_LOOKUP,
      CALL_PLANNER,
      LAST_KNOWN_PLANS,
      CALL_EVENTS,
      CALL_ROUTING_SETTINGS,
      CLOCK,
      ID_GENERATOR,
      LOGGER,
      METRICS,
      CLUSTER_LINE_STATUS,
      CALL_JOURNAL,
      ACTIVE_CALLS,
      CLUSTER_HOTLINES,
      VONAGE_VOICE_API,
      GATEWAY_CONFIG,
    ],
    (
      store: SqlCallStore<StoredCall>,
      hotlines: HotlineLookup,
      planner: CallPlanner,
      lastKnownPlans: LastKnownPlans,
      events: CallEvents | null,
      settings: CallRoutingSettings,
      clock: Clock,
      ids: IdGenerator,
      logger: JsonLogger,
      metrics: Metrics,
      lineStatus: LineStatus,
      journal: CallJournal,
      activeCalls: ActiveCalls,
      entries: ClusterHotlines,
      vonage: VonageVoiceApi | null,
      config: GatewayConfig,
    ) =>
      createCalls(
        {
          store,
          hotlines,
          entries,
          lineStatus,
          planner,
          clock,
          ids,
          lastKnownPlans,
          events: events ?? undefined,
          logger: jsonCallLogger(logger, 'inbound-calls'),
          metrics,
          journal,
          activeCalls,
        },
        // All-at-once levels ring in parallel on Vonage (REST legs); the SIP proxy, sharing this service, rings in order.
        inboundCallOptions(settings, { parallelDialing: vonage !== null && config.sip === null }),
      ),
  ),
  provideFactory(
    CALL_LOG,
    [CALL_STORE, CLOCK, ID_GENERATOR],
    (store: SqlCallStore<StoredCall>, clock: Clock, ids: IdGenerator) =>
      new CallLogService({ reader: store, store, clock, ids }),
  ),
];

/**
 * Inbound calls whatever the carrier (F9–F15, F17): the call store on the database, the hotline
 * lookup and the planner (the cluster's caches, invalidated across instances), the `InboundCallService`
 * every carrier adapter drives, the call log and the `simulateCall` dry runs. Settings: `CALL_*`
 * variables (call-routing-settings.ts).
 */
@Module({
  providers: [...providers, CallSimulations, CallsResolver, CallWriteBack],
  exports: providers.map((p) => p.provide),
})
export class CallsModule {}
