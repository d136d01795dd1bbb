// `coverage` of one hotline over 400 days and `callStatistics` of one account over a year, over GraphQL
// (API key) on a gateway on a fleet (tools/fleet) in MariaDB (BENCH_DATABASE_URL, default the local test
// database): p50/p99 on a fleet of BENCH_FLEET_ACCOUNTS accounts (default 20, 10 hotlines, 20 people,
// 8 weeks of slots, a year of calls each), then on the fleet doubled, same gateway restarted cold on
// each, once its start-up work is over. A query about one hotline or account must not feel the others:
// goal p50 growth ≤ 1.1×.
// The bench loads its own fleet (ids fleet-bench-…) and deletes it at the end.
import { randomBytes } from 'node:crypto';
import { LocalDate, LocalTime } from '@dutyline/domain';
import { createDataSource, runMigrations, sqlRepositories } from '@dutyline/persistence';
import { FleetShape, fleetAccount } from '../fleet/fleet-accounts';
import { deleteFleet, loadFleet } from '../fleet/fleet-load';
import {
  BENCH_SIGNATURE_SECRET,
  GatewayProcess,
  benchDatabaseUrl,
  graphql,
  issueBenchApiKey,
  startGatewayProcess,
} from './support/gateway-process';
import { goal, percentile, report, reportLoadAverage } from './support/measure';

const NAME = 'coverage-at-size';
const ACCOUNTS = Number(process.env.BENCH_FLEET_ACCOUNTS ?? 20);
const SAMPLES = Number(process.env.BENCH_COVERAGE_SAMPLES ?? 30);
const GROWTH_GOAL = 1.1;
const DATABASE_URL = benchDatabaseUrl();
const DAY = 86_400_000;

const COVERAGE = `query ($hotlineId: ID!, $from: Instant!, $to: Instant!) {
  coverage(hotlineId: $hotlineId, from: $from, to: $to) { coveredFraction gaps { start end } }
}`;
const STATISTICS = `query ($from: Instant, $to: Instant) {
  callStatistics(from: $from, to: $to) { calls answeredRate complete }
}`;

const loadAverage = () => reportLoadAverage(NAME);

interface Timing {
  /** Wall time of each query, sorted, in ms. */
  readonly durations: number[];
  /** The gateway's CPU time per query, in ms: hardly moved by other processes loading the machine. */
  readonly gatewayCpu: number;
}

type Measured = Record<'coverage' | 'statistics', Timing>;

/**
 * Waits until the gateway's start-up work is over (it plans shift alerts and checks the gaps of every
 * hotline in the database, so the more accounts the longer): under 5% of a core for 2 s, at most
 * 3 min. Measured before, that work was counted in the first query's CPU. Returns the wait in seconds.
 */
async function settled(gateway: GatewayProcess): Promise<number> {
  const started = Date.now();
  let before = gateway.cpuMillis();
  for (let calm = 0; calm < 2 && Date.now() - started < 180_000;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = gateway.cpuMillis();
    calm = now - before < 50 ? calm + 1 : 0;
    before = now;
  }
  return (Date.now() - started) / 1000;
}

async function timed(gateway: GatewayProcess, run: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 3; i++) await run(); // warm: plans, statements, the gateway's caches
  const durations: number[] = [];
  const cpuBefore = gateway.cpuMillis();
  for (let i = 0; i < SAMPLES; i++) {
    const start = process.hrtime.bigint();
    await run();
    durations.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { durations: durations.sort((a, b) => a - b), gatewayCpu: (gateway.cpuMillis() - cpuBefore) / SAMPLES };
}

async function measure(
  gateway: GatewayProcess,
  { apiKey, hotlineId, from }: { apiKey: string; hotlineId: string; from: number },
): Promise<Measured> {
  const coverage = await timed(gateway, async () => {
    const data = await graphql<{ coverage: { coveredFraction: number } }>(gateway, {
      apiKey,
      query: COVERAGE,
      variables: {
        hotlineId,
        from: new Date(from - 30 * DAY).toISOString(),
        to: new Date(from + 370 * DAY).toISOString(),
      },
    });
    if (!(data.coverage.coveredFraction > 0)) throw new Error('coverage found nothing covered');
  });
  const statistics = await timed(gateway, async () => {
    const data = await graphql<{ callStatistics: { calls: number; complete: boolean } }>(gateway, {
      apiKey,
      query: STATISTICS,
      variables: { from: new Date(from - 365 * DAY).toISOString(), to: new Date(from).toISOString() },
    });
    if (data.callStatistics.calls === 0 || !data.callStatistics.complete)
      throw new Error(
        `callStatistics counted ${data.callStatistics.calls} calls (complete: ${data.callStatistics.complete})`,
      );
  });
  return { coverage, statistics };
}

function print(size: string, measured: Measured): void {
  for (const [query, { durations, gatewayCpu }] of Object.entries(measured)) {
    report(NAME, { metric: `${query}-${size}-p50`, value: percentile(durations, 50), unit: 'ms' });
    report(NAME, { metric: `${query}-${size}-p99`, value: percentile(durations, 99), unit: 'ms' });
    report(NAME, { metric: `${query}-${size}-gateway-cpu`, value: gatewayCpu, unit: 'ms' });
  }
  loadAverage();
}

async function main(): Promise<void> {
  const tag = randomBytes(3).toString('hex');
  const shape: FleetShape = {
    accounts: ACCOUNTS,
    hotlines: 10,
    people: 20,
    weeks: 8,
    from: LocalDate.parse(new Date().toISOString().slice(0, 10)).startOfWeek(),
    seed: 1,
    prefix: `fleet-bench-${tag}-`,
    // Numbers past a full-size fleet's (10,000 hotlines) and the fleet spec's.
    firstNumber: 100_000 + (parseInt(tag, 16) % 1000) * 500,
  };
  const history = { days: 365, callsPerDay: 3 };
  const dataSource = createDataSource({ url: DATABASE_URL, poolSize: 8, queryTimeoutMs: 600_000 });
  await dataSource.initialize();
  const env = {
    DATABASE_URL,
    AUTH_SECRET: 'bench-auth-secret-0123456789abcdefghij',
    VONAGE_SIGNATURE_SECRET: BENCH_SIGNATURE_SECRET,
  };
  try {
    await runMigrations(dataSource);
    let started = Date.now();
    await loadFleet(dataSource, { shape, history, createdAt: Date.now() });
    report(NAME, { metric: 'fleet-load', value: (Date.now() - started) / 1000, unit: 's' });
    // The measured account (the first): an admin API key, as the gateway issues them.
    const first = fleetAccount(shape, 0, 0);
    const apiKey = await issueBenchApiKey(sqlRepositories(dataSource).apiKeys, {
      id: `${first.account.id}-bench-key`,
      accountId: first.account.id,
    });
    const target = {
      apiKey,
      hotlineId: first.hotlines[0].id,
      from: first.hotlines[0].timeZone.toInstant(shape.from.at(LocalTime.MIDNIGHT)),
    };
    const runOn = async (size: string): Promise<Measured> => {
      const gateway = await startGatewayProcess(`${NAME}-${size}`, env);
      try {
        report(NAME, { metric: `start-up-work-${size}`, value: await settled(gateway), unit: 's' });
        return await measure(gateway, target);
      } finally {
        await gateway.stop();
      }
    };
    const single = await runOn(`${ACCOUNTS}-accounts`);
    print(`${ACCOUNTS}-accounts`, single);

    started = Date.now();
    const doubled: FleetShape = { ...shape, accounts: 2 * ACCOUNTS };
    await loadFleet(dataSource, { shape: doubled, history, createdAt: Date.now(), first: ACCOUNTS });
    report(NAME, { metric: 'fleet-double-load', value: (Date.now() - started) / 1000, unit: 's' });
    const double = await runOn(`${2 * ACCOUNTS}-accounts`);
    print(`${2 * ACCOUNTS}-accounts`, double);

    for (const query of ['coverage', 'statistics'] as const) {
      const growth = percentile(double[query].durations, 50) / percentile(single[query].durations, 50);
      report(NAME, { metric: `${query}-growth-p50`, value: growth, unit: 'x' });
      const cpuGrowth = double[query].gatewayCpu / single[query].gatewayCpu;
      report(NAME, { metric: `${query}-growth-gateway-cpu`, value: cpuGrowth, unit: 'x' });
      goal(
        NAME,
        `${query} p50 with the fleet doubled ≤ ${GROWTH_GOAL}× (${growth.toFixed(2)}×)`,
        growth <= GROWTH_GOAL,
      );
    }
  } finally {
    await deleteFleet(dataSource, { prefix: shape.prefix });
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
