import { DynamicModule, Module } from '@nestjs/common';
import { ApplicationModule } from './application/application.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CarrierModule } from './carrier/carrier.module';
import { CallsModule } from './calls/calls.module';
import { ClusterModule } from './cluster/cluster.module';
import type { GatewayConfig } from './config/gateway-config';
import { DatabaseModule } from './database/database.module';
import { FEATURE_MODULES } from './feature-modules';
import { GraphqlApiModule } from './graphql/graphql-api.module';
import { HealthModule } from './health/health.module';
import type { JsonLogger } from './logging/json-logger';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PlatformModule } from './platform/platform.module';
import { DrainOnShutdown } from './platform/shutdown-state';
import { SeedModule } from './seed/seed.module';
import { SipModule } from './sip/sip.module';
import { VonageModule } from './vonage/vonage.module';

/** The composition root for HTTP: platform, database, GraphQL, auth, audit, health, seed, then the features. */
@Module({})
export class AppModule {
  static register(config: GatewayConfig, logger: JsonLogger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config, logger),
        MetricsModule.forRoot(),
        DatabaseModule.forRoot(config.database),
        ClusterModule.forRoot(config),
        CarrierModule.forRoot(config),
        NotificationsModule.forRoot(config),
        ApplicationModule,
        GraphqlApiModule,
        AuditModule,
        AuthModule,
        HealthModule,
        SeedModule,
        ...FEATURE_MODULES,
        CallsModule,
        VonageModule,
        SipModule,
      ],
      providers: [DrainOnShutdown],
    };
  }
}
