import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeWithMariaDb, mariadbUrl, uniqueName } from '@dutyline/test-support';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { createDataSource, runMigrations } from '../database/create-data-source';

/** Where the contract runs: how to reach the shared database, and how to make a throwaway one. */
export interface Backend {
  readonly name: string;
  /** A new, initialised and migrated DataSource (its own connections) on the shared database. */
  connect(options?: { onQuery?: (sql: string) => void }): Promise<DataSource>;
  /** An empty database of its own, not migrated; `drop` removes it. */
  freshDatabase(): Promise<{ dataSource: DataSource; drop(): Promise<void> }>;
  /** Removes what the backend set up for the run. */
  finish(): Promise<void>;
}

async function opened(dataSource: DataSource): Promise<DataSource> {
  await dataSource.initialize();
  await runMigrations(dataSource);
  return dataSource;
}

/** An SQLite file in a temporary folder, removed at the end. */
export function sqliteBackend(): Backend {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dutyline-persistence-'));
  const file = path.join(folder, 'contract', 'dutyline.sqlite');
  return {
    name: 'SQLite',
    connect: (options = {}) => opened(createDataSource({ sqlitePath: file, onQuery: options.onQuery })),
    freshDatabase: async () => {
      const dataSource = createDataSource({ sqlitePath: path.join(folder, `${uniqueName('fresh')}.sqlite`) });
      await dataSource.initialize();
      return { dataSource, drop: async () => undefined };
    },
    finish: async () => fs.rmSync(folder, { recursive: true, force: true }),
  };
}

/** The shared MariaDB `test` database (migrated once, under a lock, by whoever comes first). */
export function mariaDbBackend(): Backend {
  const url = mariadbUrl();
  const serverUrl = url.replace(/\/[^/]*$/, '');
  return {
    name: 'MariaDB',
    connect: (options = {}) => opened(createDataSource({ url, onQuery: options.onQuery, poolSize: 4 })),
    freshDatabase: async () => {
      const database = uniqueName('dutyline_fresh');
      const admin = await createConnection(serverUrl);
      await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4`);
      // One connection: the migrations run on the one holding their lock.
      const dataSource = createDataSource({ url: `${serverUrl}/${database}`, poolSize: 1 });
      await dataSource.initialize();
      return {
        dataSource,
        drop: async () => {
          await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
          await admin.end();
        },
      };
    },
    finish: async () => undefined,
  };
}

/** Each backend a store is checked on, with the describe that runs it (MariaDB's skips loudly when the server is down, off CI). */
export const BACKENDS_UNDER_TEST: readonly (readonly [(name: string, body: () => void) => void, () => Backend])[] = [
  [describe, sqliteBackend],
  [describeWithMariaDb, mariaDbBackend],
];
