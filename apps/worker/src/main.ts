import { jsonLogger } from './adapters/json-logger';
import { readTextFile } from './adapters/adapter-factories';
import { ConfigError } from '@dutyline/env';
import { readWorkerConfig } from './config/worker-config';
import { startWorker } from './worker';

/** `node dist/main.js` (or `npm start -w @dutyline/worker`): the environment is read once, then the worker runs until SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = readWorkerConfig(process.env, { cwd: process.cwd(), readFile: readTextFile });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) console.error(`Configuration error: ${problem.variable} ${problem.message}`);
    process.exit(78); // EX_CONFIG
  }
  const logger = jsonLogger(config.logLevel);
  const runtime = await startWorker(config, logger);
  logger.info('taking jobs', { pid: process.pid });
  const shutdown = (signal: string) => {
    logger.info('shutting down', { signal });
    void runtime.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(
    JSON.stringify({
      level: 'error',
      component: 'worker',
      msg: 'failed to start',
      error: error instanceof Error ? error.stack : String(error),
    }),
  );
  process.exit(1);
});
