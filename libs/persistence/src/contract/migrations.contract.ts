import { runMigrations } from '../database/create-data-source';
import { MIGRATIONS } from '../migrations';
import { ContractContext } from './context';

const APPLICATION_TABLES = [
  'accounts',
  'api_keys',
  'audit_log',
  'calendar_feed_tokens',
  'call_entries',
  'call_entry_numbers',
  'change_log',
  'hotline_callback_settings',
  'hotline_supervisors',
  'hotlines',
  'on_call_patterns',
  'one_time_tokens',
  'override_assignees',
  'overrides',
  'people',
  'person_numbers',
  'revoked_login_tokens',
  'schedule_versions',
  'shift_alert_settings',
  'shift_alerts',
  'slot_assignees',
  'slots',
  'team_callback_settings',
  'team_members',
  'teams',
  'unverified_emails',
  'users',
];

/** Migrations: on a database of their own, up, again (a no-op), down and up. */
export function migrationsContract({ backend }: ContractContext): void {
  describe('migrations', () => {
    it('apply once, do nothing the second time, and undo cleanly', async () => {
      const { dataSource, drop } = await backend.freshDatabase();
      /** Which of the application's tables exist. */
      const tables = async () => {
        const runner = dataSource.createQueryRunner();
        try {
          const present: string[] = [];
          for (const name of APPLICATION_TABLES) if (await runner.hasTable(name)) present.push(name);
          return present;
        } finally {
          await runner.release();
        }
      };
      try {
        const first = await runMigrations(dataSource);
        const tablesAfterFirst = await tables();
        const second = await runMigrations(dataSource);
        expect([first, second, await dataSource.showMigrations(), await tables()]).toEqual([
          MIGRATIONS.map((m) => m.name),
          [],
          false,
          tablesAfterFirst,
        ]);
        expect(tablesAfterFirst).toEqual(APPLICATION_TABLES);

        for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration();
        expect(await tables()).toEqual([]);
        expect(await runMigrations(dataSource)).toEqual(MIGRATIONS.map((m) => m.name));
      } finally {
        await dataSource.destroy();
        await drop();
      }
    }, 60_000); // MariaDB takes a few seconds for the DDL

    it('are already applied to the shared database (run once per test run, under a lock)', async () => {
      const dataSource = await backend.connect();
      try {
        expect([await runMigrations(dataSource), await dataSource.showMigrations()]).toEqual([[], false]);
      } finally {
        await dataSource.destroy();
      }
    });
  });
}
