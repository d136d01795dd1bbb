// The answer webhook while the stores fail: one gateway process whose MariaDB and Redis connections
// pass through fault proxies (`startFaultProxy`), signed webhooks verified (each answer checks its
// token id on Redis), a bench account and hotline seeded first and planned by a first call. autocannon
// drives GET /vonage/answer (a new call each request), CONNECTIONS connections, DURATION seconds per
// phase: both up, the database blackholed (connections accepted, nothing forwarded), Redis blackholed.
// Between phases the proxies pass again; after the database phase, how long until every call answered
// is in the call log (the gateway's journal written back) is measured too.
import { createDataSource } from '@dutyline/persistence';
// The fault rig of the integration tests: this benchmark causes the faults as they do.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startFaultProxy } from '@dutyline/test-support';
import {
  BENCH_SIGNATURE_SECRET,
  benchDatabaseUrl,
  load,
  removeBenchAccount,
  seedBenchAccount,
  signedAnswerRequest,
  startGatewayProcess,
  type GatewayProcess,
  type LoadResult,
} from './support/gateway-process';
import { goal, report } from './support/measure';

const NAME = 'faults';
const DURATION = Number(process.env.BENCH_FAULTS_SECONDS ?? 5);
const CONNECTIONS = 8;
const SECRET = BENCH_SIGNATURE_SECRET;
const DATABASE_URL = benchDatabaseUrl();
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const GOALS = { faultP99Ms: 200 };

const through = (url: string, address: string) => {
  const proxied = new URL(url);
  proxied.host = address;
  return proxied.toString();
};

async function main(): Promise<void> {
  const account = await seedBenchAccount(DATABASE_URL);
  const hotlineNumber = account.hotline.number.e164;
  const aliceDigits = account.alice.contactNumbers[0].number.e164.slice(1);
  const database = new URL(DATABASE_URL);
  const redis = new URL(REDIS_URL);
  const databaseProxy = await startFaultProxy({ host: database.hostname, port: Number(database.port || 3306) });
  const redisProxy = await startFaultProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
  let gateway: GatewayProcess | null = null;
  try {
    gateway = await startGatewayProcess('faults', {
      DATABASE_URL: through(DATABASE_URL, databaseProxy.address),
      REDIS_URL: through(REDIS_URL, redisProxy.address),
      REDIS_PREFIX: `bench-faults-${Date.now().toString(36)}`,
      AUTH_SECRET: 'bench-auth-secret-0123456789abcdefghij',
      VONAGE_SIGNATURE_SECRET: SECRET,
      DATABASE_CONNECT_TIMEOUT_MS: '1000',
      DATABASE_QUERY_TIMEOUT_MS: '5000',
    });
    const url = gateway.url;
    let n = 0;
    const first = signedAnswerRequest(SECRET, hotlineNumber, n++);
    const response = await fetch(`${url}${first.path}`, { headers: first.headers });
    const ncco = await response.text();
    if (response.status !== 200 || !ncco.includes(aliceDigits))
      throw new Error(
        `the answer webhook does not route to the on-duty person (HTTP ${response.status}): ${ncco}\n${gateway.tail()}`,
      );

    const phase = async (label: string, fault: () => Promise<void>): Promise<LoadResult> => {
      await fault();
      try {
        const result = await load({
          url,
          connections: CONNECTIONS,
          duration: DURATION,
          setupRequest: (request) => ({
            ...request,
            method: 'GET',
            ...signedAnswerRequest(SECRET, hotlineNumber, n++),
          }),
        });
        report(NAME, { metric: `${label}-p50`, value: result.latency.p50, unit: 'ms' });
        report(NAME, { metric: `${label}-p99`, value: result.latency.p99, unit: 'ms' });
        report(NAME, { metric: `${label}-throughput`, value: result.requests.average, unit: 'req/s' });
        report(NAME, {
          metric: `${label}-failures`,
          value: result.non2xx + result.errors + result.timeouts,
          unit: 'count',
        });
        return result;
      } finally {
        await databaseProxy.setMode('pass');
        await redisProxy.setMode('pass');
      }
    };
    const reader = createDataSource({ url: DATABASE_URL });
    await reader.initialize();
    const counts = async () => {
      const [row] = await reader.query(
        'SELECT COUNT(*) AS n, COUNT(DISTINCT carrier_call_id) AS legs FROM calls WHERE account_id = ?',
        [account.accountId],
      );
      return { calls: Number(row.n), distinct: Number(row.legs) };
    };
    const logged = async () => (await counts()).calls;
    /** Milliseconds until the call log holds `count` calls of the bench account; NaN after 120 s. */
    const loggedWithin = async (count: number): Promise<number> => {
      const started = Date.now();
      while ((await logged()) < count) {
        if (Date.now() - started > 120_000) return NaN;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return Date.now() - started;
    };
    let answered = 1;
    const up = await phase('both-up', async () => undefined);
    answered += up.requests.total;
    await loggedWithin(answered);
    const databaseAway = await phase('database-blackholed', () => databaseProxy.setMode('blackhole'));
    answered += databaseAway.requests.total;
    const writtenBackMs = await loggedWithin(answered);
    report(NAME, { metric: 'database-blackholed-calls-answered', value: databaseAway.requests.total, unit: 'count' });
    report(NAME, { metric: 'call-log-complete-after-return', value: writtenBackMs, unit: 'ms' });
    // Answers in flight when a run ended reached the gateway uncounted: between those answered and those sent.
    const { calls: loggedCount, distinct } = await counts();
    report(NAME, { metric: 'calls-logged', value: loggedCount, unit: 'count' });
    report(NAME, { metric: 'calls-answered', value: answered, unit: 'count' });
    await reader.destroy();
    const redisAway = await phase('redis-blackholed', () => redisProxy.setMode('blackhole'));
    const failures = [up, databaseAway, redisAway].reduce(
      (sum, result) => sum + result.non2xx + result.errors + result.timeouts,
      0,
    );
    goal(NAME, 'every answer 2xx', failures === 0);
    goal(
      NAME,
      'every call answered while the database was away in the call log after its return, once',
      loggedCount >= answered && loggedCount <= n && distinct === loggedCount,
    );
    goal(
      NAME,
      `answer p99 <= ${GOALS.faultP99Ms} ms with the database blackholed`,
      databaseAway.latency.p99 <= GOALS.faultP99Ms,
    );
    goal(NAME, `answer p99 <= ${GOALS.faultP99Ms} ms with Redis blackholed`, redisAway.latency.p99 <= GOALS.faultP99Ms);
  } finally {
    await gateway?.stop();
    await databaseProxy.close();
    await redisProxy.close();
    await removeBenchAccount(DATABASE_URL, account.accountId);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
