// The answer webhook while another client floods /graphql with the operations that used to take the
// gateway down (issue 15): one gateway process on MariaDB and Redis as in the answer bench, signed
// webhooks verified. The answer webhook is driven alone, then again while a second autocannon
// sends the refused operations (aliases past the token limit, a fragment spread 1,500 times, a body
// over the limit) in turn. DURATION seconds each, 16 connections for the calls, 8 for the flood.
import {
  BENCH_SIGNATURE_SECRET,
  benchDatabaseUrl,
  load,
  removeBenchAccount,
  seedBenchAccount,
  signedAnswerRequest,
  startGatewayProcess,
  type LoadResult,
} from './support/gateway-process';
import { goal, report } from './support/measure';

const NAME = 'flood';
const DURATION = Number(process.env.BENCH_FLOOD_SECONDS ?? 6);
const SECRET = BENCH_SIGNATURE_SECRET;
const DATABASE_URL = benchDatabaseUrl();
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// Vonage gives the answer URL 5 s (socket timeout) before its fallback: the goal keeps well inside it.
const GOALS = { p99Ms: 1000, rssMb: 250 };

const aliases = (count: number, selection: string) =>
  `{${Array.from({ length: count }, (_, i) => `a${i.toString(36)}:${selection}`).join(' ')}}`;
/** The refused operations, in turn: the three, a fragment spread many times, a body over the limit. */
const FLOOD_BODIES = [
  aliases(400, '__schema { types { name fields { name args { name } type { name ofType { name } } } } }'),
  aliases(100_000, '__typename'),
  aliases(60_000, 'me{role}'),
  `{ me { ${'...F '.repeat(1500)}} } fragment F on Me { role }`,
].map((query) => JSON.stringify({ query }));

const answerRequest = (hotlineNumber: string, n: number) => signedAnswerRequest(SECRET, hotlineNumber, n);
const failures = (result: LoadResult) => result.non2xx + result.errors + result.timeouts;

async function main(): Promise<void> {
  const account = await seedBenchAccount(DATABASE_URL);
  const hotlineNumber = account.hotline.number.e164;
  const gateway = await startGatewayProcess(NAME, {
    DATABASE_URL,
    REDIS_URL,
    REDIS_PREFIX: `bench-flood-${Date.now().toString(36)}`,
    AUTH_SECRET: 'bench-auth-secret-0123456789abcdefghij',
    VONAGE_SIGNATURE_SECRET: SECRET,
  });
  try {
    let n = 0;
    const calls = () =>
      load({
        url: gateway.url,
        connections: 16,
        duration: DURATION,
        setupRequest: (request) => ({ ...request, method: 'GET', ...answerRequest(hotlineNumber, n++) }),
      });
    for (let i = 0; i < 200; i++) {
      const warm = answerRequest(hotlineNumber, n++);
      await fetch(`${gateway.url}${warm.path}`, { headers: warm.headers }).then((r) => r.text());
    }
    const quiet = await calls();

    let f = 0;
    let peakMb = gateway.rssMegabytes();
    const sampler = setInterval(() => (peakMb = Math.max(peakMb, gateway.rssMegabytes())), 250);
    const [flooded, flood] = await Promise.all([
      calls(),
      load({
        url: gateway.url,
        connections: 8,
        duration: DURATION,
        setupRequest: (request) => ({
          ...request,
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json' },
          body: FLOOD_BODIES[f++ % FLOOD_BODIES.length],
        }),
      }),
    ]).finally(() => clearInterval(sampler));
    const alive = (await fetch(`${gateway.url}/health`)).ok;

    report(NAME, { metric: 'answer-p50-quiet', value: quiet.latency.p50, unit: 'ms' });
    report(NAME, { metric: 'answer-p99-quiet', value: quiet.latency.p99, unit: 'ms' });
    report(NAME, { metric: 'answer-throughput-quiet', value: quiet.requests.average, unit: 'req/s' });
    report(NAME, { metric: 'answer-p50-flooded', value: flooded.latency.p50, unit: 'ms' });
    report(NAME, { metric: 'answer-p99-flooded', value: flooded.latency.p99, unit: 'ms' });
    report(NAME, { metric: 'answer-throughput-flooded', value: flooded.requests.average, unit: 'req/s' });
    report(NAME, { metric: 'flood-throughput', value: flood.requests.average, unit: 'req/s' });
    report(NAME, { metric: 'flood-p99', value: flood.latency.p99, unit: 'ms' });
    // Every flood request is refused (400/413): a 2xx would mean one got through.
    const accepted = (flood as LoadResult & { '2xx': number })['2xx'];
    report(NAME, { metric: 'flood-accepted', value: accepted, unit: 'count' });
    report(NAME, { metric: 'answer-failures', value: failures(quiet) + failures(flooded), unit: 'count' });
    report(NAME, { metric: 'gateway-rss-peak', value: peakMb, unit: 'MB' });
    goal(
      NAME,
      'every call answered 2xx, every flood request refused, the gateway alive after it',
      failures(quiet) + failures(flooded) === 0 && accepted === 0 && alive,
    );
    goal(NAME, `answer p99 under the flood <= ${GOALS.p99Ms} ms`, flooded.latency.p99 <= GOALS.p99Ms);
    goal(NAME, `gateway RSS <= ${GOALS.rssMb} MB`, peakMb <= GOALS.rssMb);
  } finally {
    await gateway.stop();
    await removeBenchAccount(DATABASE_URL, account.accountId);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
