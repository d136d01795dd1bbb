import { Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { InboundCalls } from '@dutyline/application';
import { SipRoutingProxy } from '@dutyline/sip';
import { CallsModule } from '../calls/calls.module';
import { INBOUND_CALLS } from '../calls/calls.tokens';
import { jsonCallLogger } from '../calls/json-call-logger';
import type { GatewayConfig } from '../config/gateway-config';
import type { JsonLogger } from '../logging/json-logger';
import { provideFactory } from '../platform/injection-token';
import { GATEWAY_CONFIG, LOGGER } from '../platform/platform.tokens';
import { SIP_PROXY } from './sip.tokens';

const providers = [
  provideFactory(
    SIP_PROXY,
    [GATEWAY_CONFIG, INBOUND_CALLS, LOGGER],
    (config: GatewayConfig, inbound: InboundCalls, logger: JsonLogger) =>
      config.sip ? new SipRoutingProxy({ inbound, logger: jsonCallLogger(logger, 'sip') }, config.sip) : null,
  ),
];

/** Opens the proxy's UDP socket once the gateway is built, and closes it on shutdown. */
@Injectable()
class SipProxyLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(SIP_PROXY) private readonly proxy: SipRoutingProxy | null) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.proxy?.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.proxy?.close();
  }
}

/**
 * Inbound calls from PBXs and SIP trunks (F9–F15 over SIP): the @dutyline/sip proxy, driven by the
 * same `InboundCallService` as Vonage and the simulator. On only when `SIP_TARGET_URI` is set; the
 * `SIP_*` variables are in the gateway README and libs/sip/README.md.
 */
@Module({
  imports: [CallsModule],
  providers: [...providers, SipProxyLifecycle],
  exports: [SIP_PROXY],
})
export class SipModule {}
