// `npm run migrate`: runs the pending migrations on the gateway's database (DATABASE_URL, else the
// SQLite file in DATA_DIR) and exits; the gateway also runs them at start.
import 'reflect-metadata';
import { ConfigError } from '@dutyline/env';
import { protectDataDir } from '../config/data-dir';
import { loadGatewayConfig } from '../config/generated-auth-secret';
import { JsonLogger } from '../logging/json-logger';
import { openDatabase } from './database.module';

async function main(): Promise<void> {
  let config;
  try {
    config = loadGatewayConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(
      `Cannot migrate, fix the environment:\n${error.problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}\n`,
    );
    process.exit(2);
  }
  protectDataDir(config);
  const dataSource = await openDatabase(config.database, new JsonLogger(config.logLevel));
  await dataSource.destroy();
  process.stdout.write(
    `Migrations applied to the ${config.database.kind === 'mysql' ? 'MySQL/MariaDB' : 'SQLite'} database.\n`,
  );
}

main().catch((error: Error) => {
  process.stderr.write(`Migrations failed: ${error.message}\n`);
  process.exit(1);
});
