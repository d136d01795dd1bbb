import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { protectDataDir } from './config/data-dir';
import type { GatewayConfig } from './config/gateway-config';
import type { JsonLogger } from './logging/json-logger';
import { requestLogging } from './logging/request-logging.middleware';
import { securityHeaders } from './security-headers';
import {
  MAX_GRAPHQL_BODY_BYTES,
  MAX_OTHER_JSON_BODY_BYTES,
  bodyParserRefusal,
  isGraphqlJson,
  isOtherJson,
} from './graphql/graphql-body';
import { consoleStatic } from './console/console-static';
import { METRICS } from './metrics/metrics.tokens';

/** The gateway, built and wired but not listening yet: the database is open and migrated. */
export async function createGatewayApp(config: GatewayConfig, logger: JsonLogger): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, logger), {
    logger,
    abortOnError: false,
  });
  return configureGatewayApp(app, config, logger);
}

/**
 * What every gateway gets around its modules (also applied by the test harness): request ids, request
 * logs and latencies first of all middleware (so even unparsable bodies are logged), security headers on
 * every response, the JSON body limits, the proxy setting, shutdown on SIGTERM/SIGINT; and DATA_DIR
 * for its owner only.
 */
export function configureGatewayApp<T extends INestApplication>(app: T, config: GatewayConfig, logger: JsonLogger): T {
  app.useLogger(logger);
  const tightened = protectDataDir(config);
  if (tightened.length > 0)
    logger.entry('warn', 'data files were readable by others: now for the owner only', { paths: tightened });
  const metrics = app.get(METRICS);
  app.use(requestLogging(logger, (request) => metrics.httpRequest(request)));
  app.use(securityHeaders(config));
  const express = app as unknown as NestExpressApplication;
  // JSON bodies: /graphql's up to its largest operation, the others' smaller; over the limit, 413 PAYLOAD_TOO_LARGE.
  express.useBodyParser('json', { limit: MAX_GRAPHQL_BODY_BYTES, type: isGraphqlJson });
  express.useBodyParser('json', { limit: MAX_OTHER_JSON_BODY_BYTES, type: isOtherJson });
  app.use(bodyParserRefusal);
  express.disable('x-powered-by');
  if (config.consoleDir) app.use(consoleStatic(config.consoleDir, logger));
  if (config.trustProxyHops > 0) express.set('trust proxy', config.trustProxyHops);
  app.enableShutdownHooks();
  return app;
}
