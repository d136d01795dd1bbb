import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { SqlRepositories, createDataSource, runMigrations, sqlRepositories } from '@dutyline/persistence';
import type { DataSource } from 'typeorm';
import { DatabaseConfig } from '../config/gateway-config';
import { JsonLogger } from '../logging/json-logger';
import { type Token, provideFactory, token } from '../platform/injection-token';
import { LOGGER } from '../platform/platform.tokens';
import {
  ACCOUNT_REPOSITORY,
  API_KEY_REPOSITORY,
  AUDIT_LOG,
  CALLBACK_SETTINGS_REPOSITORY,
  DATABASE_PROBE,
  type DatabaseProbe,
  HOTLINE_REPOSITORY,
  PATTERN_REPOSITORY,
  PERSON_REPOSITORY,
  SCHEDULE_REPOSITORY,
  SCHEDULE_VERSION_READER,
  TEAM_REPOSITORY,
} from './repository.tokens';

/** The initialised, migrated DataSource. Only this module and tests touch it; features use the repository tokens. */
export const DATA_SOURCE = token<DataSource>('DataSource');
const REPOSITORIES = token<SqlRepositories>('SqlRepositories');

/** How long `/ready` waits for the database. */
const PING_TIMEOUT_MS = 2000;

/**
 * Opens the database (MariaDB/MySQL or the SQLite file), applies pending migrations before anything
 * is served, and closes it last on shutdown, after the HTTP server stopped and in-flight requests ended.
 */
export async function openDatabase(config: DatabaseConfig, logger: JsonLogger): Promise<DataSource> {
  const dataSource = createDataSource(
    config.kind === 'mysql'
      ? {
          url: config.url,
          poolSize: config.poolSize,
          connectTimeoutMs: config.connectTimeoutMs,
          queryTimeoutMs: config.queryTimeoutMs,
        }
      : { sqlitePath: config.file },
  );
  await dataSource.initialize();
  try {
    const applied = await runMigrations(dataSource);
    logger.entry('info', 'database ready', { database: config.kind, migrationsApplied: applied });
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
  return dataSource;
}

@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown, DatabaseProbe {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  async ping(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.dataSource.isInitialized) return;
    await this.dataSource.destroy();
    this.logger.entry('info', 'database closed');
  }
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: DatabaseConfig): DynamicModule {
    const repository = <T>(provide: Token<T>, pick: (all: SqlRepositories) => T) =>
      provideFactory(provide, [REPOSITORIES], pick);
    const providers = [
      provideFactory(DATA_SOURCE, [LOGGER], (logger: JsonLogger) => openDatabase(config, logger)),
      provideFactory(REPOSITORIES, [DATA_SOURCE], sqlRepositories),
      repository(PERSON_REPOSITORY, (all) => all.people),
      repository(TEAM_REPOSITORY, (all) => all.teams),
      repository(HOTLINE_REPOSITORY, (all) => all.hotlines),
      repository(SCHEDULE_REPOSITORY, (all) => all.schedule),
      repository(SCHEDULE_VERSION_READER, (all) => all.scheduleVersions),
      repository(PATTERN_REPOSITORY, (all) => all.patterns),
      repository(CALLBACK_SETTINGS_REPOSITORY, (all) => all.callbackSettings),
      repository(ACCOUNT_REPOSITORY, (all) => all.accounts),
      repository(API_KEY_REPOSITORY, (all) => all.apiKeys),
      repository(AUDIT_LOG, (all) => all.audit),
      DatabaseLifecycle,
      { provide: DATABASE_PROBE, useExisting: DatabaseLifecycle },
    ];
    return {
      module: DatabaseModule,
      providers,
      exports: providers
        .filter((p) => 'provide' in p && p.provide !== REPOSITORIES)
        .map((p) => (p as { provide: symbol }).provide),
    };
  }
}
