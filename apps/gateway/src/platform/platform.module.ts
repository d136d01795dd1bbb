import { DynamicModule, Global, Module } from '@nestjs/common';
import { GatewayConfig } from '../config/gateway-config';
import { JsonLogger } from '../logging/json-logger';
import { provideValue } from './injection-token';
import { CLOCK, GATEWAY_CONFIG, ID_GENERATOR, LOGGER } from './platform.tokens';
import { timeOrderedIds } from './random-ids';
import { ShutdownState } from './shutdown-state';
import { systemClock } from './system-clock';

/** The process-wide pieces every module may inject: configuration, clock, ids, logger, shutdown state. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: GatewayConfig, logger: JsonLogger): DynamicModule {
    const providers = [
      provideValue(GATEWAY_CONFIG, config),
      provideValue(LOGGER, logger),
      provideValue(CLOCK, systemClock),
      provideValue(ID_GENERATOR, timeOrderedIds(systemClock)),
    ];
    return {
      module: PlatformModule,
      providers: [...providers, ShutdownState],
      exports: [...providers.map((p) => p.provide), ShutdownState],
    };
  }
}
