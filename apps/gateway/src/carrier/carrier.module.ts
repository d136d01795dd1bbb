import { DynamicModule, Global, Module } from '@nestjs/common';
import { SimulatedCarrier } from '@dutyline/simulator';
import { VonageCarrier, type VonageRateLimiter, type VonageSdkModule, createVonageVoiceClient } from '@dutyline/vonage';
import { VONAGE_RATE_LIMITER } from '../cluster/cluster.tokens';
import type { GatewayConfig } from '../config/gateway-config';
import type { JsonLogger } from '../logging/json-logger';
import { provideFactory, token } from '../platform/injection-token';
import { LOGGER } from '../platform/platform.tokens';
import { type CarrierChoice, carrierChoice } from './carrier-settings';
import { CARRIER, RECORDING_CARRIER, SMS_CARRIER, VONAGE_VOICE_API } from './carrier.tokens';

/** The carrier this instance talks to, behind each of its ports. */
export interface OpenedCarrier {
  readonly carrier: VonageCarrier | SimulatedCarrier;
  readonly vonage: Awaited<ReturnType<typeof createVonageVoiceClient>> | null;
}

/** The Vonage client (behind the shared rate limiter) when configured, else the simulator, whose steps are logged. */
export async function openCarrier(
  choice: CarrierChoice,
  { limiter, logger, sdk }: { limiter: VonageRateLimiter; logger: JsonLogger; sdk?: VonageSdkModule },
): Promise<OpenedCarrier> {
  if (choice.kind === 'simulator') {
    logger.entry('info', 'carrier: the simulator (no Vonage credentials): outbound calls and SMS stay in this process');
    return {
      carrier: new SimulatedCarrier({ onLine: (line) => logger.entry('info', `simulator: ${line}`) }),
      vonage: null,
    };
  }
  const vonage = await createVonageVoiceClient(choice.settings, { limiter, ...(sdk ? { sdk } : {}) });
  if (choice.publicUrl === null)
    logger.entry('warn', 'PUBLIC_URL is unset: outbound Vonage calls cannot be placed (SMS and recordings work)');
  logger.entry('info', 'carrier: Vonage', {
    applicationId: choice.settings.applicationId,
    apiHost: choice.settings.apiHost ?? null,
    sms: choice.sms,
  });
  return { carrier: new VonageCarrier(vonage, { publicUrl: choice.publicUrl, sms: choice.sms }), vonage };
}

const OPENED = token<OpenedCarrier>('OpenedCarrier');

/**
 * Outbound abilities (global): `CARRIER`, `SMS_CARRIER`, `RECORDING_CARRIER`, `VONAGE_VOICE_API`.
 * The configuration is checked when the module is registered, so a gateway with half a Vonage
 * configuration does not start (the error names each variable). `sdk`: Jest tests pass the natively
 * loaded SDK (`nativeVonageSdk`).
 */
@Global()
@Module({})
export class CarrierModule {
  static forRoot(
    config: Pick<GatewayConfig, 'vonage' | 'publicUrl'>,
    options: { readonly sdk?: VonageSdkModule } = {},
  ): DynamicModule {
    const choice = carrierChoice(config);
    const providers = [
      provideFactory(CARRIER, [OPENED], (opened: OpenedCarrier) => opened.carrier),
      provideFactory(SMS_CARRIER, [OPENED], (opened: OpenedCarrier) => opened.carrier),
      provideFactory(RECORDING_CARRIER, [OPENED], (opened: OpenedCarrier) => opened.carrier),
      provideFactory(VONAGE_VOICE_API, [OPENED], (opened: OpenedCarrier) => opened.vonage),
    ];
    return {
      module: CarrierModule,
      providers: [
        provideFactory(OPENED, [VONAGE_RATE_LIMITER, LOGGER], (limiter: VonageRateLimiter, logger: JsonLogger) =>
          openCarrier(choice, { limiter, logger, sdk: options.sdk }),
        ),
        ...providers,
      ],
      exports: providers.map((p) => p.provide),
    };
  }
}
