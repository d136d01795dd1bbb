import type { Server } from 'node:http';
import { Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { CallStore, InboundCalls } from '@dutyline/application';
import type { Clock } from '@dutyline/domain';
import type { VonageVoiceApi } from '@dutyline/vonage';
import { Redis } from 'ioredis';
import { CallsModule } from '../calls/calls.module';
import { VONAGE_VOICE_API } from '../carrier/carrier.tokens';
import { type CallRoutingSettings, lastResortSettings } from '../calls/call-routing-settings';
import { CALL_ROUTING_SETTINGS, CALL_STORE, INBOUND_CALLS } from '../calls/calls.tokens';
import { jsonCallLogger } from '../calls/json-call-logger';
import type { GatewayConfig } from '../config/gateway-config';
import type { JsonLogger } from '../logging/json-logger';
import { METRICS } from '../metrics/metrics.tokens';
import type { PrometheusMetrics } from '@dutyline/queue';
import { provideFactory } from '../platform/injection-token';
import { CLOCK, GATEWAY_CONFIG, LOGGER } from '../platform/platform.tokens';
import { installRawBodyCapture } from './raw-body-capture';
import { VonageCallAdapter } from './vonage-call-adapter';
import { serveHoldTone } from './vonage-hold-tone';
import { serveAhead, vonageCallWebhooks } from './vonage-call-webhooks';
import type { VonageSettings } from './vonage-settings';
import { VonageWebhookSignatures } from './vonage-webhook-signatures';
import { vonageGroupUrls, vonageWebhookUrls } from './vonage-webhook-urls';
import { VONAGE_CALL_ADAPTER, VONAGE_SETTINGS, VONAGE_SIGNATURES, VONAGE_TOKEN_IDS } from './vonage.tokens';
import { InProcessTokenIds, RedisTokenIds, type WebhookTokenIds } from './webhook-token-ids';

/** Shared through Redis under `REDIS_PREFIX` with `REDIS_URL`, else this process's own memory. */
function openTokenIds(config: GatewayConfig, clock: Clock, logger: JsonLogger): WebhookTokenIds {
  if (config.redisUrl === null) return new InProcessTokenIds(clock, logger);
  // One attempt per command, queued while reconnecting: the ledger's own timeout decides.
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableAutoPipelining: true });
  // The ledger warns once a minute when a check goes unanswered; ioredis reports every reconnection attempt.
  redis.on('error', (error: Error) => logger.entry('debug', 'redis: webhook token connection trouble', { error }));
  return new RedisTokenIds({ redis, prefix: config.redisPrefix, clock, logger });
}

const providers = [
  provideFactory(VONAGE_SETTINGS, [GATEWAY_CONFIG], (config: GatewayConfig) => config.vonageWebhooks),
  provideFactory(VONAGE_TOKEN_IDS, [GATEWAY_CONFIG, CLOCK, LOGGER], openTokenIds),
  provideFactory(
    VONAGE_SIGNATURES,
    [VONAGE_SETTINGS, CLOCK, LOGGER, VONAGE_TOKEN_IDS],
    (settings: VonageSettings, clock: Clock, logger: JsonLogger, tokenIds: WebhookTokenIds) =>
      new VonageWebhookSignatures(settings, clock, logger, tokenIds),
  ),
  provideFactory(
    VONAGE_CALL_ADAPTER,
    [INBOUND_CALLS, CALL_STORE, VONAGE_VOICE_API, VONAGE_SETTINGS, CALL_ROUTING_SETTINGS, LOGGER],
    (
      inbound: InboundCalls,
      calls: CallStore,
      api: VonageVoiceApi | null,
      settings: VonageSettings,
      routing: CallRoutingSettings,
      logger: JsonLogger,
    ) =>
      new VonageCallAdapter(
        { inbound, calls, hangups: api, groupApi: api, logger: jsonCallLogger(logger, 'vonage') },
        {
          urls: vonageWebhookUrls(settings.publicUrl),
          groupUrls: vonageGroupUrls(settings.publicUrl),
          render: settings.ringbackToneUrl ? { ringbackToneUrl: settings.ringbackToneUrl } : {},
          lastResort: lastResortSettings(routing),
          lookupBudgetMs: routing.budgetMs,
        },
      ),
  ),
];

/**
 * The Vonage Voice webhooks (F9–F15 on Vonage): answer, event, fallback and the per-leg URLs the NCCOs
 * name (served ahead of Express and Nest: vonage-call-webhooks.ts), and signed-webhook verification for
 * them and every other `/vonage/*` route; legs are hung up with the CarrierModule's `VONAGE_VOICE_API`.
 * Settings: PUBLIC_URL and the VONAGE_* variables (vonage-settings.ts). The routes and the Vonage
 * application settings are in README.md beside this file.
 */
@Module({
  imports: [CallsModule],
  providers,
  exports: [VONAGE_SETTINGS, VONAGE_CALL_ADAPTER, VONAGE_SIGNATURES],
})
export class VonageModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly http: HttpAdapterHost,
    @Inject(VONAGE_SETTINGS) private readonly settings: VonageSettings,
    @Inject(VONAGE_CALL_ADAPTER) private readonly adapter: VonageCallAdapter,
    @Inject(VONAGE_SIGNATURES) private readonly signatures: VonageWebhookSignatures,
    @Inject(VONAGE_TOKEN_IDS) private readonly tokenIds: WebhookTokenIds,
    @Inject(LOGGER) private readonly logger: JsonLogger,
    @Inject(METRICS) private readonly metrics: PrometheusMetrics,
  ) {}

  /** Lets go of the token ids' Redis connection (after the HTTP server stopped taking requests). */
  onApplicationShutdown(): Promise<void> {
    return this.tokenIds.close();
  }

  /**
   * The call's webhooks are served ahead of Express; the other `/vonage/*` routes (Nest controllers)
   * get the raw-body capture just before the body parsers, which are in place by now.
   */
  onModuleInit(): void {
    const server = this.http.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server) throw new Error('the Vonage webhooks need the HTTP server');
    const { metrics } = this;
    const observer = { request: metrics.httpRequest.bind(metrics), webhook: metrics.webhook.bind(metrics) };
    const webhooks = vonageCallWebhooks({
      adapter: this.adapter,
      signatures: this.signatures,
      logger: this.logger,
      observer,
    });
    serveAhead(server, (request, response) => serveHoldTone(request, response) || webhooks.serve(request, response));
    const app = this.http.httpAdapter?.getInstance();
    if (app && !installRawBodyCapture(app, '/vonage/')) {
      this.logger.entry(
        'error',
        'could not put the raw-body capture before the body parsers: signed POST callback webhooks are checked against the parsed body',
      );
    }
    const { signatures } = this.settings;
    if (!signatures.verify)
      this.logger.entry(
        'warn',
        `Vonage webhook signatures are NOT verified (${signatures.because}); the warning repeats every minute while webhooks arrive`,
      );
    else if (signatures.secret === null)
      this.logger.entry('warn', 'VONAGE_SIGNATURE_SECRET is not set: every Vonage webhook will be refused (401)');
  }
}
