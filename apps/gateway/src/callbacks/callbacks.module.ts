import {
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import {
  type Application,
  CALLBACK_JOB_NAMES,
  type InboundCallService,
  type CallLogger,
  type CallStore,
  type CallbackJobs,
  type Callbacks,
  createCallbacks,
  systemCaller,
  withEnqueueBudget,
} from '@dutyline/application';
import type {
  CallbackSettingsRepository,
  CarrierPort,
  Clock,
  HotlineRepository,
  IdGenerator,
  AuditLog,
  PersonRepository,
  TeamRepository,
} from '@dutyline/domain';
import { SqlCallbackIntakeSettingsStore, SqlCallbackRequestStore } from '@dutyline/persistence';
import { SimulatedCarrier } from '@dutyline/simulator';
import { BullMqJobQueue, InProcessJobQueue } from '@dutyline/queue';
import type { DataSource } from 'typeorm';
import { APPLICATION } from '../application/application.module';
import { CallsModule } from '../calls/calls.module';
import { CALL_STORE, INBOUND_CALLS } from '../calls/calls.tokens';
import { ClusterCallbackIntakeSettings } from '../cluster/cluster-callback-reads';
import type { ClusterHotlines } from '../cluster/cluster-hotlines';
import { CACHE_SHEDDING, CLUSTER_HOTLINES, INVALIDATION_BUS } from '../cluster/cluster.tokens';
import type { HeapPressure } from '../cluster/heap-pressure';
import type { InvalidationBus } from '../cluster/invalidation-bus';
import { CARRIER } from '../carrier/carrier.tokens';
import type { GatewayConfig } from '../config/gateway-config';
import { DATA_SOURCE } from '../database/database.module';
import {
  AUDIT_LOG,
  CALLBACK_SETTINGS_REPOSITORY,
  HOTLINE_REPOSITORY,
  PERSON_REPOSITORY,
  TEAM_REPOSITORY,
} from '../database/repository.tokens';
import type { JsonLogger } from '../logging/json-logger';
import { provideFactory } from '../platform/injection-token';
import { CLOCK, GATEWAY_CONFIG, ID_GENERATOR, LOGGER } from '../platform/platform.tokens';
import { CallbackAgents } from './callback-agents';
import { CallbackIntakeResolver } from './callback-intake.resolver';
import { CALLBACKS, CALLBACK_JOBS, VONAGE_CALLBACKS } from './callbacks.tokens';
import { CallbacksResolver } from './callbacks.resolver';
import { simulatedCallbackCarrier } from './simulated-callback-legs';
import { VonageCallbacks, vonageCallbackUrls } from './vonage-callbacks';
import { VonageCallbacksController } from './vonage-callbacks.controller';
import type { VonageCallAdapter } from '../vonage/vonage-call-adapter';
import type { VonageSettings } from '../vonage/vonage-settings';
import { VonageSignatureGuard } from '../vonage/vonage-signature.guard';
import { vonageWebhookUrls } from '../vonage/vonage-webhook-urls';
import { VonageModule } from '../vonage/vonage.module';
import { VONAGE_CALL_ADAPTER, VONAGE_SETTINGS } from '../vonage/vonage.tokens';

/** The callback use cases' log lines, as the gateway's JSON lines. */
const callbackLogger = (logger: JsonLogger): CallLogger => ({
  info: (message, fields) => logger.entry('info', message, { context: 'callbacks', ...fields }),
  warn: (message, fields) => logger.entry('warn', message, { context: 'callbacks', ...fields }),
  error: (message, fields) => logger.entry('error', message, { context: 'callbacks', ...fields }),
});

/** BullMQ under REDIS_PREFIX with REDIS_URL (the worker processes), else in this process. */
function openJobQueue(config: GatewayConfig, clock: Clock, logger: JsonLogger) {
  const jobNames = [...CALLBACK_JOB_NAMES];
  if (config.redisUrl === null) return new InProcessJobQueue<CallbackJobs>({ clock, jobNames });
  const onError = (error: Error) => logger.entry('warn', 'callback queue: Redis error', { error: error.message });
  // A callback request is taken on a call's webhook: a stalled Redis must not hold it (the reconcile pass enqueues what failed).
  return withEnqueueBudget(
    new BullMqJobQueue<CallbackJobs>({
      connection: config.redisUrl,
      prefix: config.redisPrefix,
      clock,
      jobNames,
      onError,
    }),
    config.notifications.budgetMs,
  );
}

const providers = [
  provideFactory(CALLBACK_JOBS, [GATEWAY_CONFIG, CLOCK, LOGGER], openJobQueue),
  provideFactory(
    CALLBACKS,
    [
      DATA_SOURCE,
      CALLBACK_SETTINGS_REPOSITORY,
      HOTLINE_REPOSITORY,
      TEAM_REPOSITORY,
      PERSON_REPOSITORY,
      APPLICATION,
      CARRIER,
      CALLBACK_JOBS,
      CALL_STORE,
      AUDIT_LOG,
      INBOUND_CALLS,
      INVALIDATION_BUS,
      CLUSTER_HOTLINES,
      CLOCK,
      ID_GENERATOR,
      LOGGER,
      GATEWAY_CONFIG,
      CACHE_SHEDDING,
    ],
    (
      dataSource: DataSource,
      settings: CallbackSettingsRepository,
      hotlines: HotlineRepository,
      teams: TeamRepository,
      people: PersonRepository,
      app: Application,
      carrier: CarrierPort,
      jobs: ReturnType<typeof openJobQueue>,
      calls: CallStore,
      audit: AuditLog,
      inbound: InboundCallService,
      bus: InvalidationBus,
      clusterHotlines: ClusterHotlines,
      clock: Clock,
      ids: IdGenerator,
      logger: JsonLogger,
      config: GatewayConfig,
      shedding: HeapPressure,
    ): Callbacks => {
      const late: { callbacks?: Callbacks } = {};
      const outbound =
        carrier instanceof SimulatedCarrier
          ? simulatedCallbackCarrier(carrier, () => late.callbacks!.dialler, callbackLogger(logger))
          : carrier;
      late.callbacks = createCallbacks({
        store: new SqlCallbackRequestStore(dataSource),
        // The offer reads these on every answered call: kept until a change is announced on any instance.
        intake: new ClusterCallbackIntakeSettings({
          store: new SqlCallbackIntakeSettingsStore(dataSource),
          bus,
          clock,
          cache: { capacity: config.hotlineCacheSize, shedding },
          onPublishError: (error) =>
            logger.entry('warn', 'a change could not be announced to the other instances', { error }),
        }),
        hotlines: clusterHotlines.servingById(hotlines),
        settings,
        teams,
        people,
        carrier: outbound,
        jobs,
        calls,
        recentCall: (callId) => inbound.recentCall(callId),
        audit,
        clock,
        ids,
        routing: { callPlan: (caller, hotlineId, at) => app.routing.callPlan(caller, hotlineId, at) },
        onDutyPersonIds: async (accountId, hotline) => {
          const plan = await app.routing.callPlan(systemCaller(accountId), hotline.id);
          return plan.ok
            ? plan.value.steps.flatMap((step) =>
                step.kind === 'dial' && step.via === 'on-call' ? [step.personId] : [],
              )
            : [];
        },
        logger: callbackLogger(logger),
      });
      return late.callbacks;
    },
  ),
  provideFactory(
    VONAGE_CALLBACKS,
    [CALLBACKS, VONAGE_SETTINGS, LOGGER],
    (callbacks: Callbacks, settings: VonageSettings, logger: JsonLogger) =>
      new VonageCallbacks(
        callbacks,
        {
          // What the inbound calls' NCCOs are rendered with (VonageModule), for the call going on after the capture.
          render: {
            urls: vonageWebhookUrls(settings.publicUrl),
            ...(settings.ringbackToneUrl ? { ringbackToneUrl: settings.ringbackToneUrl } : {}),
          },
          urls: vonageCallbackUrls(settings.publicUrl),
        },
        callbackLogger(logger),
      ),
  ),
];

/** The "press 2" offer goes before the caller's NCCOs of hotlines that make it. */
@Injectable()
class CallbackOfferHook implements OnModuleInit {
  constructor(
    @Inject(VONAGE_CALL_ADAPTER) private readonly adapter: VonageCallAdapter,
    @Inject(VONAGE_CALLBACKS) private readonly callbacks: VonageCallbacks,
  ) {}

  onModuleInit(): void {
    this.adapter.useCallerHook(this.callbacks);
  }
}

/**
 * Without Redis this gateway runs the callback jobs itself: it reconciles what the database owes at
 * start (the in-process queue forgets everything on restart) and stops taking jobs on shutdown.
 */
@Injectable()
class CallbackJobsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(CALLBACK_JOBS) private readonly jobs: ReturnType<typeof openJobQueue>,
    @Inject(CALLBACKS) private readonly callbacks: Callbacks,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!(this.jobs instanceof InProcessJobQueue)) return;
    this.jobs.register('callback.attempt', async (job) => {
      const outcome = await this.callbacks.dialler.runAttempt(job);
      this.logger.entry('info', 'callback.attempt done', { context: 'callbacks', requestId: job.requestId, outcome });
    });
    await this.jobs.start();
    const { scheduled } = await this.callbacks.dialler.reconcile();
    this.logger.entry('info', 'callback jobs reconciled', { context: 'callbacks', scheduled });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.jobs.close();
  }
}

/**
 * Callback requests (F19–F21): GraphQL (`callbackRequests`, `createCallbackRequest`, claims, outcomes,
 * comments, click-to-call, intake settings) over the callback use cases of @dutyline/application; on
 * Vonage, the capture's `input` webhooks, the "press 2" offer hooked before the caller's NCCOs, and the
 * outbound legs of callback calls (`/vonage/outbound/*`, `/vonage/callbacks/*`).
 */
@Module({
  imports: [CallsModule, VonageModule],
  controllers: [VonageCallbacksController],
  providers: [
    ...providers,
    CallbackAgents,
    CallbacksResolver,
    CallbackIntakeResolver,
    CallbackJobsLifecycle,
    CallbackOfferHook,
    VonageSignatureGuard,
  ],
  exports: providers.map((p) => p.provide),
})
export class CallbacksModule {}
