/**
 * For the TypeORM CLI, which wants a file exporting exactly one DataSource:
 * `DATABASE_URL=mysql://… npx typeorm migration:show -d libs/persistence/src/data-source.ts`.
 * Without `DATABASE_URL` it is the embedded SQLite file (`SQLITE_PATH`, default data/dutyline.sqlite).
 */
import { createDataSource } from './database/create-data-source';

export default createDataSource({ url: process.env.DATABASE_URL, sqlitePath: process.env.SQLITE_PATH });
