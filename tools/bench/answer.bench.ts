// The answer webhook against the same gateway's /health: one gateway process on MariaDB
// (BENCH_DATABASE_URL, default the local test database) and Redis (REDIS_URL, default
// redis://127.0.0.1:6379), with signed webhooks verified (a known VONAGE_SIGNATURE_SECRET; every
// request carries its own HS256 JWT with the query's payload_hash). A bench account and hotline are
// seeded first. autocannon drives /health, then GET /vonage/answer (a new call each request: its own
// uuid and caller), 64 connections, DURATION seconds each, one run each, after a short warm-up of both.
// Then the `menu` case (F25): the same hotline given a menu over GraphQL, the answer webhook now
// replying with the menu's `input` (no call opened; the entry cached, so no database read once warm).
import {
  BENCH_SIGNATURE_SECRET,
  BenchAccount,
  GatewayProcess,
  LoadResult,
  benchDatabaseUrl,
  graphql,
  load,
  removeBenchAccount,
  seedBenchAccount,
  signedAnswerRequest,
  startGatewayProcess,
} from './support/gateway-process';
import { goal, report } from './support/measure';

const NAME = 'answer';
const DURATION = Number(process.env.BENCH_ANSWER_SECONDS ?? 10);
const CONNECTIONS = 64;
const WARM_UP_REQUESTS = 300;
const SECRET = BENCH_SIGNATURE_SECRET;
const DATABASE_URL = benchDatabaseUrl();
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const GOALS = { ratio: 0.8, p99Ms: 20, rssMb: 250 };

const answerRequest = (hotlineNumber: string, n: number) => signedAnswerRequest(SECRET, hotlineNumber, n);

/**
 * Runs `work` (a load run), sampling the gateway's RSS every 250 ms: the result, the peak RSS and the
 * gateway's CPU time per request (robust to other processes competing for the machine).
 */
async function measured(
  gateway: GatewayProcess,
  work: () => Promise<LoadResult>,
): Promise<{ result: LoadResult; peakMb: number; cpuMicrosPerRequest: number }> {
  let peakMb = gateway.rssMegabytes();
  const cpuBefore = gateway.cpuMillis();
  const timer = setInterval(() => (peakMb = Math.max(peakMb, gateway.rssMegabytes())), 250);
  try {
    const result = await work();
    const cpuMicrosPerRequest = ((gateway.cpuMillis() - cpuBefore) * 1000) / Math.max(1, result.requests.total);
    return { result, peakMb: Math.max(peakMb, gateway.rssMegabytes()), cpuMicrosPerRequest };
  } finally {
    clearInterval(timer);
  }
}

function failures(result: LoadResult): number {
  return result.non2xx + result.errors + result.timeouts;
}

/** The bench hotline given a menu (F25); its answers checked to be the menu, warmed, then measured. */
async function menuCase(gateway: GatewayProcess, { account, n }: { account: BenchAccount; n: () => number }) {
  const hotlineNumber = account.hotline.number.e164;
  await graphql(gateway, {
    apiKey: account.apiKey,
    query: 'mutation($input: UpdateCallEntryInput!) { updateCallEntry(input: $input) { isDefault } }',
    variables: {
      input: {
        hotlineId: account.hotline.id,
        front: {
          kind: 'MENU',
          prompt: { text: 'Press 1 for heating, 2 for lifts.' },
          choices: [
            { key: '1', label: 'Heating', target: { kind: 'LINE' } },
            { key: '2', label: 'Lifts', target: { kind: 'LINE' } },
          ],
          defaultTarget: { kind: 'LINE' },
        },
      },
    },
  });
  const first = answerRequest(hotlineNumber, n());
  const response = await fetch(`${gateway.url}${first.path}`, { headers: first.headers });
  const ncco = await response.text();
  if (response.status !== 200 || !ncco.includes('/vonage/calls/keys?stage='))
    throw new Error(`the answer webhook does not play the menu (HTTP ${response.status}): ${ncco}\n${gateway.tail()}`);
  for (let i = 0; i < WARM_UP_REQUESTS; i++) {
    const warm = answerRequest(hotlineNumber, n());
    await fetch(`${gateway.url}${warm.path}`, { headers: warm.headers }).then((r) => r.text());
  }
  return measured(gateway, () =>
    load({
      url: gateway.url,
      connections: CONNECTIONS,
      duration: DURATION,
      setupRequest: (request) => ({ ...request, method: 'GET', ...answerRequest(hotlineNumber, n()) }),
    }),
  );
}

async function main(): Promise<void> {
  const account = await seedBenchAccount(DATABASE_URL);
  const hotlineNumber = account.hotline.number.e164;
  const aliceDigits = account.alice.contactNumbers[0].number.e164.slice(1);
  const gateway = await startGatewayProcess('answer', {
    DATABASE_URL,
    REDIS_URL,
    REDIS_PREFIX: `bench-answer-${Date.now().toString(36)}`,
    AUTH_SECRET: 'bench-auth-secret-0123456789abcdefghij',
    VONAGE_SIGNATURE_SECRET: SECRET,
  });
  try {
    const idleMb = gateway.rssMegabytes();
    let n = 0;
    const first = answerRequest(hotlineNumber, n++);
    const response = await fetch(`${gateway.url}${first.path}`, { headers: first.headers });
    const ncco = await response.text();
    if (response.status !== 200 || !ncco.includes(aliceDigits))
      throw new Error(
        `the answer webhook does not route to the on-duty person (HTTP ${response.status}): ${ncco}\n${gateway.tail()}`,
      );
    for (let i = 0; i < WARM_UP_REQUESTS; i++) {
      const warm = answerRequest(hotlineNumber, n++);
      await Promise.all([
        fetch(`${gateway.url}${warm.path}`, { headers: warm.headers }).then((r) => r.text()),
        fetch(`${gateway.url}/health`).then((r) => r.text()),
      ]);
    }

    const health = await measured(gateway, () =>
      load({ url: `${gateway.url}/health`, connections: CONNECTIONS, duration: DURATION }),
    );
    const answer = await measured(gateway, () =>
      load({
        url: gateway.url,
        connections: CONNECTIONS,
        duration: DURATION,
        setupRequest: (request) => ({ ...request, method: 'GET', ...answerRequest(hotlineNumber, n++) }),
      }),
    );
    const ratio = answer.result.requests.average / health.result.requests.average;
    const peakMb = Math.max(health.peakMb, answer.peakMb);

    report(NAME, { metric: 'health-throughput', value: health.result.requests.average, unit: 'req/s' });
    report(NAME, { metric: 'answer-throughput', value: answer.result.requests.average, unit: 'req/s' });
    report(NAME, { metric: 'ratio', value: ratio, unit: 'x' });
    report(NAME, { metric: 'answer-p50', value: answer.result.latency.p50, unit: 'ms' });
    report(NAME, { metric: 'answer-p99', value: answer.result.latency.p99, unit: 'ms' });
    report(NAME, { metric: 'health-p50', value: health.result.latency.p50, unit: 'ms' });
    report(NAME, { metric: 'health-p99', value: health.result.latency.p99, unit: 'ms' });
    report(NAME, { metric: 'health-cpu-per-request', value: health.cpuMicrosPerRequest, unit: 'us' });
    report(NAME, { metric: 'answer-cpu-per-request', value: answer.cpuMicrosPerRequest, unit: 'us' });
    report(NAME, { metric: 'answer-failures', value: failures(answer.result), unit: 'count' });
    report(NAME, { metric: 'health-failures', value: failures(health.result), unit: 'count' });
    report(NAME, { metric: 'gateway-rss-idle', value: idleMb, unit: 'MB' });
    report(NAME, { metric: 'gateway-rss-peak-health', value: health.peakMb, unit: 'MB' });
    report(NAME, { metric: 'gateway-rss-peak', value: peakMb, unit: 'MB' });
    goal(NAME, 'every request answered 2xx', failures(answer.result) + failures(health.result) === 0);
    goal(NAME, `answer/health throughput >= ${GOALS.ratio}`, ratio >= GOALS.ratio);
    goal(NAME, `answer p99 <= ${GOALS.p99Ms} ms`, answer.result.latency.p99 <= GOALS.p99Ms);
    goal(NAME, `gateway RSS <= ${GOALS.rssMb} MB`, peakMb <= GOALS.rssMb);

    const menu = await menuCase(gateway, { account, n: () => n++ });
    const menuRatio = menu.result.requests.average / health.result.requests.average;
    report(NAME, { metric: 'menu-throughput', value: menu.result.requests.average, unit: 'req/s' });
    report(NAME, { metric: 'menu-ratio', value: menuRatio, unit: 'x' });
    report(NAME, { metric: 'menu-p50', value: menu.result.latency.p50, unit: 'ms' });
    report(NAME, { metric: 'menu-p99', value: menu.result.latency.p99, unit: 'ms' });
    report(NAME, { metric: 'menu-cpu-per-request', value: menu.cpuMicrosPerRequest, unit: 'us' });
    report(NAME, { metric: 'menu-failures', value: failures(menu.result), unit: 'count' });
    goal(NAME, 'every menu answered 2xx', failures(menu.result) === 0);
    goal(NAME, `menu/health throughput >= ${GOALS.ratio}`, menuRatio >= GOALS.ratio);
    goal(NAME, `menu p99 <= ${GOALS.p99Ms} ms`, menu.result.latency.p99 <= GOALS.p99Ms);
  } finally {
    await gateway.stop();
    await removeBenchAccount(DATABASE_URL, account.accountId);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
