// `npm run fleet -- --accounts 1000 --hotlines 10 --people 20 --weeks 8` fills the database with a
// fleet to measure on; `npm run fleet -- --delete` removes it (`--help`: every option).
import 'reflect-metadata';
import { LocalDate } from '@dutyline/domain';
import { RowCounts, createDataSource, runMigrations } from '@dutyline/persistence';
import { createConnection } from 'mysql2/promise';
import { fleetDatabaseUrl } from '../bench/support/gateway-process';
import { deleteFleet, loadFleet } from './fleet-load';
import { FleetUsageError, USAGE, parseFleetCommand } from './fleet-options';

const print = (line: string) => process.stdout.write(`${line}\n`);

function printCounts(counts: RowCounts): void {
  const width = Math.max(...Object.keys(counts).map((t) => t.length));
  for (const [table, count] of Object.entries(counts))
    print(`  ${table.padEnd(width)} ${count.toLocaleString('en-GB').padStart(12)}`);
  print(
    `  ${'total'.padEnd(width)} ${Object.values(counts)
      .reduce((a, b) => a + b, 0)
      .toLocaleString('en-GB')
      .padStart(12)}`,
  );
}

/** The fleet gets a database of its own (tests and the fleet benchmarks must not meet each other's rows). */
async function createDatabaseIfMissing(url: string): Promise<void> {
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(database)) return;
  target.pathname = '/';
  const server = await createConnection(target.toString());
  try {
    await server.query(`CREATE DATABASE IF NOT EXISTS \`${database}\``);
  } finally {
    await server.end();
  }
}

async function main(): Promise<number> {
  const today = LocalDate.parse(new Date().toISOString().slice(0, 10));
  const command = parseFleetCommand(process.argv.slice(2), today);
  if (command.kind === 'help') {
    print(USAGE);
    return 0;
  }
  const url = process.env.DATABASE_URL || fleetDatabaseUrl();
  await createDatabaseIfMissing(url);
  const dataSource = createDataSource({ url, poolSize: 8, queryTimeoutMs: 600_000 });
  await dataSource.initialize();
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  try {
    await runMigrations(dataSource);
    if (command.kind === 'delete') {
      const deleted = await deleteFleet(dataSource, {
        onAccount: (done) => {
          if (done % 50 === 0) print(`deleted ${done} accounts (${seconds()} s)`);
        },
      });
      print(`Deleted the fleet: ${deleted} accounts in ${seconds()} s`);
      return 0;
    }
    const { shape, history } = command;
    print(
      `Fleet: ${shape.accounts} accounts × ${shape.hotlines} hotlines × ${shape.people} people, ${shape.weeks} weeks of slots from ${shape.from}, ` +
        `${history.days} days of calls (${history.callsPerDay} a hotline a day on average), seed ${shape.seed}`,
    );
    const counts = await loadFleet(dataSource, {
      shape,
      history,
      createdAt: Date.now(),
      onAccount: (done) => {
        if (done % 10 === 0 || done === shape.accounts) print(`${done}/${shape.accounts} accounts (${seconds()} s)`);
      },
    });
    print(`Loaded the fleet in ${seconds()} s; rows by table:`);
    printCounts(counts);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof FleetUsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(
      `The fleet command failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
