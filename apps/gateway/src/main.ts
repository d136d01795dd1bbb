import 'reflect-metadata';
import { ConfigError } from '@dutyline/env';
import { loadGatewayConfig } from './config/generated-auth-secret';
import type { GatewayConfig } from './config/gateway-config';
import { createGatewayApp } from './gateway-app';
import { JsonLogger } from './logging/json-logger';
import { type DemoFacts, DemoSeeder, demoLines } from './seed/demo-seeder.service';

/** Reads the environment once; a bad variable ends the process with its name, never a stack trace. */
function configOrExit(): GatewayConfig {
  try {
    return loadGatewayConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(
      `Dutyline gateway cannot start, fix the environment:\n${error.problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}\n`,
    );
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  const logger = new JsonLogger(config.logLevel);
  if (config.authSecret.source === 'generated' && config.database.kind === 'mysql') {
    logger.entry(
      'warn',
      'AUTH_SECRET is unset: a secret generated in DATA_DIR signs the tokens; several instances need one shared AUTH_SECRET',
    );
  }
  let app: Awaited<ReturnType<typeof createGatewayApp>> | undefined;
  let demo: DemoFacts | null;
  try {
    app = await createGatewayApp(config, logger);
    demo = config.demoSeed ? await app.get(DemoSeeder).run() : null;
    await app.listen(config.port);
  } catch (error) {
    logger.entry('error', 'the gateway could not start', { error });
    process.stderr.write(`Dutyline gateway cannot start: ${(error as Error).message}\n`);
    await app?.close().catch(() => undefined);
    process.exit(1);
  }
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.entry('info', 'gateway listening', {
    port,
    graphql: `http://localhost:${port}/graphql`,
    database: config.database.kind,
  });
  const consoleLine = config.consoleDir ? [`Console: http://localhost:${port}/`] : [];
  const lines = [...consoleLine, ...(demo ? demoLines(demo) : [])];
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
}

void main();
