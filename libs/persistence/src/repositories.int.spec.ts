/**
 * The repository contract, run against the embedded SQLite (a temporary file) and the real MariaDB
 * (the shared `test` database). Each test works in accounts of its own and deletes their rows.
 */
import { BACKENDS_UNDER_TEST } from './contract/backends';
import { ContractContext } from './contract/context';
import { accountsContract } from './contract/accounts.contract';
import { auditContract } from './contract/audit.contract';
import { calendarFeedsContract } from './contract/calendar-feeds.contract';
import { callEntriesContract } from './contract/call-entries.contract';
import { directoryContract } from './contract/directory.contract';
import { hotlineContract } from './contract/hotline.contract';
import { migrationsContract } from './contract/migrations.contract';
import { oneTimeTokensContract } from './contract/one-time-tokens.contract';
import { scheduleContract } from './contract/schedule.contract';
import { scopingContract } from './contract/scoping.contract';
import { settingsContract } from './contract/settings.contract';
import { World } from './contract/world';

for (const [describeOn, makeBackend] of BACKENDS_UNDER_TEST) {
  const backend = makeBackend();
  describeOn(`repositories on ${backend.name}`, () => {
    let world: World | undefined;
    const context: ContractContext = {
      backend,
      world: () => {
        if (!world) throw new Error('not connected');
        return world;
      },
    };

    beforeAll(async () => {
      world = new World(await backend.connect());
    });
    afterEach(async () => world?.cleanUp());
    afterAll(async () => {
      await world?.dataSource.destroy();
      await backend.finish();
    });

    migrationsContract(context);
    directoryContract(context);
    hotlineContract(context);
    scheduleContract(context);
    accountsContract(context);
    auditContract(context);
    settingsContract(context);
    scopingContract(context);
    calendarFeedsContract(context);
    oneTimeTokensContract(context);
    callEntriesContract(context);
  });
}
