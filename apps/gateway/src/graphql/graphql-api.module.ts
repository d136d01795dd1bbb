import { Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import type { GatewayConfig } from '../config/gateway-config';
import type { JsonLogger } from '../logging/json-logger';
import { GATEWAY_CONFIG, LOGGER } from '../platform/platform.tokens';
import { graphqlOptions } from './graphql-options';
import { HttpErrorFilter } from './http-error.filter';
import { Paginator } from './paginator.service';

/** Apollo at `/graphql` (see `graphqlOptions`), the HTTP error filter and the Paginator for every feature. */
@Global()
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [GATEWAY_CONFIG, LOGGER],
      useFactory: (config: GatewayConfig, logger: JsonLogger) => graphqlOptions(config, logger),
    }),
  ],
  providers: [Paginator, { provide: APP_FILTER, useClass: HttpErrorFilter }],
  exports: [Paginator],
})
export class GraphqlApiModule {}
