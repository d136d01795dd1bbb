// The answer webhook at the size of a hosted service (issue #14), on the shared fleet
// (BENCH_DATABASE_URL, default mysql://root@127.0.0.1:3306/fleet, loaded by `npm run fleet`) and Redis
// (REDIS_URL, a prefix of its own), signed webhooks verified. Three phases:
// (a) every fleet hotline called once in a seeded random order (BENCH_SEED), 16 at a time, the
//     gateway's RSS sampled: its peak (goal ≤ 250 MB) and the answers' latency;
// (b) the same gateway, warm: /health, then the answer against one fleet hotline (autocannon, 64
//     connections, BENCH_ANSWER_SECONDS each): throughput ratio ≥ 0.8 and answer p99 ≤ 1.1× /health's;
// (c) a second gateway whose database connections pass through a statement counter: a few hotlines
//     warmed, then WARM_ANSWERS answers to them: statements per answer by kind (goal: no SELECT; the
//     call's own INSERT is printed). The change log's periodic check is counted apart (not the answers').
// Every call the bench opens (carrier ids `aas-<run>-…`) is deleted at the end, and its Redis keys.
import { randomBytes } from 'node:crypto';
import { createDataSource } from '@dutyline/persistence';
import { signVonageWebhook } from '@dutyline/vonage/testing';
import { Redis } from 'ioredis';
import {
  BENCH_SIGNATURE_SECRET,
  GatewayProcess,
  LoadResult,
  answerQuery,
  fleetDatabaseUrl,
  fleetHotlines,
  load,
  startGatewayProcess,
} from './support/gateway-process';
import { sample, seededRandom } from './support/domain-fixtures';
import { goal, percentile, report, reportLoadAverage } from './support/measure';
import { StatementCounts, startStatementCounter } from './support/mysql-statement-counter';

const NAME = 'answer-at-size';
const DATABASE_URL = fleetDatabaseUrl();
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SEED = Number(process.env.BENCH_SEED ?? 1);
const DURATION = Number(process.env.BENCH_ANSWER_SECONDS ?? 10);
const CONNECTIONS = 64;
const SWEEP_IN_FLIGHT = 16;
const WARM_HOTLINES = 20;
const WARM_ANSWERS = 400;
const SECRET = BENCH_SIGNATURE_SECRET;
const RUN = `aas-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
const REDIS_PREFIX = `bench-${RUN}`;
const GOALS = { rssMb: 250, ratio: 0.8, p99Factor: 1.1 };

const loadAverage = () => reportLoadAverage(NAME);

let sequence = 0;

/** A signed GET answer webhook for a new call to `hotlineNumber`: its carrier id carries the run's tag. */
function answerRequest(hotlineNumber: string): { path: string; headers: Record<string, string> } {
  const n = sequence++;
  const query = answerQuery(hotlineNumber, `+3361${String(n % 100_000_000).padStart(8, '0')}`, `${RUN}-${n}`);
  return {
    path: `/vonage/answer?${query}`,
    headers: { authorization: signVonageWebhook({ secret: SECRET, issuedAt: Date.now(), rawQuery: query }) },
  };
}

/** One answer webhook: its HTTP status and how long it took (ms). */
async function answerOnce(gateway: GatewayProcess, hotlineNumber: string): Promise<{ status: number; ms: number }> {
  const request = answerRequest(hotlineNumber);
  const started = performance.now();
  const response = await fetch(`${gateway.url}${request.path}`, { headers: request.headers });
  await response.text();
  return { status: response.status, ms: performance.now() - started };
}

type Database = ReturnType<typeof createDataSource>;

async function onDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = createDataSource({ url: DATABASE_URL });
  await database.initialize();
  try {
    return await work(database);
  } finally {
    await database.destroy();
  }
}

/** The fleet's hotline numbers; fails naming the fleet command when there are none. */
async function fleetNumbers(): Promise<string[]> {
  return (await onDatabase(fleetHotlines)).map((hotline) => hotline.number);
}

/** Deletes the calls this run opened (by their carrier ids), in batches; how many. */
function deleteRunCalls(): Promise<number> {
  return onDatabase(async (database) => {
    let deleted = 0;
    for (;;) {
      const result = (await database.query(
        "DELETE FROM calls WHERE carrier = 'vonage' AND carrier_call_id LIKE ? LIMIT 5000",
        [`${RUN}-%`],
      )) as { affectedRows: number };
      deleted += result.affectedRows;
      if (result.affectedRows < 5000) return deleted;
    }
  });
}

async function deleteRunRedisKeys(): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${REDIS_PREFIX}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

const gatewayEnv = (databaseUrl: string) => ({
  DATABASE_URL: databaseUrl,
  REDIS_URL,
  REDIS_PREFIX,
  AUTH_SECRET: 'bench-auth-secret-0123456789abcdefghij',
  VONAGE_SIGNATURE_SECRET: SECRET,
});

/** (a) Every hotline once, in the seeded order, `SWEEP_IN_FLIGHT` at a time, RSS sampled every 100 ms. */
async function sweep(gateway: GatewayProcess, numbers: readonly string[]) {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  let peakMb = gateway.rssMegabytes();
  const timer = setInterval(() => (peakMb = Math.max(peakMb, gateway.rssMegabytes())), 100);
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: SWEEP_IN_FLIGHT }, async () => {
        while (next < numbers.length) {
          const { status, ms } = await answerOnce(gateway, numbers[next++]);
          latencies.push(ms);
          if (status !== 200) failures++;
        }
      }),
    );
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    latencies: latencies.sort((a, b) => a - b),
    failures,
    seconds,
    peakMb: Math.max(peakMb, gateway.rssMegabytes()),
  };
}

/** The gateway's Prometheus text. */
const metricsOf = async (gateway: GatewayProcess) => (await fetch(`${gateway.url}/metrics`)).text();

/** Calls opened so far by where their plan came from (`schedule`, `last-known`, `emergency`), from /metrics. */
async function callsStarted(gateway: GatewayProcess): Promise<Record<string, number>> {
  const started: Record<string, number> = {};
  const text = await metricsOf(gateway);
  for (const [, source, n] of text.matchAll(/^dutyline_calls_started_total\{plan_source="([a-z-]+)"\} (\d+)/gm))
    started[source] = Number(n);
  return started;
}

/** The heap in use (MB) and the seconds spent in garbage collection so far, from /metrics. */
async function heapAndGc(gateway: GatewayProcess): Promise<{ heapMb: number; gcSeconds: number }> {
  const text = await metricsOf(gateway);
  const heapMb = Number(/^nodejs_heap_size_used_bytes (\S+)/m.exec(text)?.[1] ?? NaN) / 1e6;
  const gcSeconds = [...text.matchAll(/^nodejs_gc_duration_seconds_sum\{[^}]*\} (\S+)/gm)].reduce(
    (sum, [, seconds]) => sum + Number(seconds),
    0,
  );
  return { heapMb, gcSeconds };
}

const failuresOf = (result: LoadResult) => result.non2xx + result.errors + result.timeouts;

/** (b) /health, then the answer to one hotline, on the warm gateway. */
async function warmLoad(gateway: GatewayProcess, hotlineNumber: string) {
  for (let i = 0; i < 300; i++)
    await Promise.all([answerOnce(gateway, hotlineNumber), fetch(`${gateway.url}/health`).then((r) => r.text())]);
  const before = await heapAndGc(gateway);
  const health = await load({ url: `${gateway.url}/health`, connections: CONNECTIONS, duration: DURATION });
  const between = await heapAndGc(gateway);
  const answer = await load({
    url: gateway.url,
    connections: CONNECTIONS,
    duration: DURATION,
    setupRequest: (request) => ({ ...request, method: 'GET', ...answerRequest(hotlineNumber) }),
  });
  const after = await heapAndGc(gateway);
  const gcSeconds = { health: between.gcSeconds - before.gcSeconds, answer: after.gcSeconds - between.gcSeconds };
  return { health, answer, heapMb: before.heapMb, gcSeconds };
}

/** (c) A gateway on the statement counter: `WARM_HOTLINES` warmed, then `WARM_ANSWERS` answers to them, 8 at a time. */
async function statementsPerWarmAnswer(numbers: readonly string[]) {
  const database = new URL(DATABASE_URL);
  const counter = await startStatementCounter({ host: database.hostname, port: Number(database.port || 3306) });
  const counted = new URL(DATABASE_URL);
  counted.host = counter.address;
  const gateway = await startGatewayProcess('answer-at-size-counted', gatewayEnv(counted.toString()));
  try {
    const hotlines = numbers.slice(0, WARM_HOTLINES);
    for (let round = 0; round < 2; round++) for (const number of hotlines) await answerOnce(gateway, number);
    counter.reset();
    let next = 0;
    let failures = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < WARM_ANSWERS) {
          const { status } = await answerOnce(gateway, hotlines[next++ % hotlines.length]);
          if (status !== 200) failures++;
        }
      }),
    );
    // The last group commit may still be on its way.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { counts: counter.counts(), failures };
  } finally {
    await gateway.stop();
    await counter.close();
  }
}

/** The change log's periodic check (ChangeLogBus) reads on its own clock, answers or not. */
const isBackground = (text: string) => /\bchange_log\b/.test(text);

function perKind(counts: StatementCounts) {
  const answer = new Map<string, number>();
  let background = 0;
  for (const [text, n] of counts.byText) {
    if (isBackground(text)) {
      background += n;
      continue;
    }
    const kind = /^[(\s]*([A-Za-z]+)/.exec(text)?.[1].toUpperCase() ?? '?';
    answer.set(kind, (answer.get(kind) ?? 0) + n);
  }
  return { answer, background };
}

async function main(): Promise<void> {
  const random = seededRandom(SEED);
  const all = await fleetNumbers();
  const numbers = sample(random, all, all.length);
  report(NAME, { metric: 'fleet-hotlines', value: numbers.length, unit: 'count' });
  loadAverage();
  try {
    const gateway = await startGatewayProcess('answer-at-size', gatewayEnv(DATABASE_URL));
    try {
      const idleMb = gateway.rssMegabytes();
      const swept = await sweep(gateway, numbers);
      const started = await callsStarted(gateway);
      report(NAME, { metric: 'sweep-answers-per-second', value: numbers.length / swept.seconds, unit: 'req/s' });
      report(NAME, { metric: 'sweep-p50', value: percentile(swept.latencies, 50), unit: 'ms' });
      report(NAME, { metric: 'sweep-p99', value: percentile(swept.latencies, 99), unit: 'ms' });
      report(NAME, { metric: 'sweep-max', value: swept.latencies.at(-1) ?? NaN, unit: 'ms' });
      report(NAME, { metric: 'sweep-failures', value: swept.failures, unit: 'count' });
      // Not planned from the schedule within CALL_ANSWER_BUDGET_MS: the last plan known, else the emergency plan.
      for (const source of ['schedule', 'last-known', 'emergency'])
        report(NAME, { metric: `sweep-plans-${source}`, value: started[source] ?? 0, unit: 'count' });
      report(NAME, { metric: 'gateway-rss-idle', value: idleMb, unit: 'MB' });
      report(NAME, { metric: 'gateway-rss-peak-sweep', value: swept.peakMb, unit: 'MB' });
      report(NAME, { metric: 'gateway-rss-after-sweep', value: gateway.rssMegabytes(), unit: 'MB' });
      // Dropped by the heap guard (HeapPressure) after a full collection found the heap above its share.
      const shed = /^dutyline_cache_entries_shed_total (\S+)/m.exec(await metricsOf(gateway))?.[1];
      report(NAME, { metric: 'cache-entries-shed-sweep', value: Number(shed ?? NaN), unit: 'count' });
      loadAverage();
      goal(NAME, 'every fleet hotline answered 200', swept.failures === 0);
      goal(NAME, `gateway RSS over the fleet <= ${GOALS.rssMb} MB`, swept.peakMb <= GOALS.rssMb);

      const { health, answer, heapMb, gcSeconds } = await warmLoad(gateway, numbers[0]);
      report(NAME, { metric: 'gateway-heap-used-warm', value: heapMb, unit: 'MB' });
      report(NAME, { metric: 'gc-seconds-during-health', value: gcSeconds.health, unit: 's' });
      report(NAME, { metric: 'gc-seconds-during-answer', value: gcSeconds.answer, unit: 's' });
      const ratio = answer.requests.average / health.requests.average;
      report(NAME, { metric: 'health-throughput', value: health.requests.average, unit: 'req/s' });
      report(NAME, { metric: 'answer-throughput', value: answer.requests.average, unit: 'req/s' });
      report(NAME, { metric: 'ratio', value: ratio, unit: 'x' });
      report(NAME, { metric: 'health-p99', value: health.latency.p99, unit: 'ms' });
      report(NAME, { metric: 'answer-p50', value: answer.latency.p50, unit: 'ms' });
      report(NAME, { metric: 'answer-p99', value: answer.latency.p99, unit: 'ms' });
      report(NAME, { metric: 'answer-failures', value: failuresOf(answer) + failuresOf(health), unit: 'count' });
      report(NAME, { metric: 'gateway-rss-after-load', value: gateway.rssMegabytes(), unit: 'MB' });
      loadAverage();
      goal(NAME, 'every warm request answered 2xx', failuresOf(answer) + failuresOf(health) === 0);
      goal(NAME, `answer/health throughput >= ${GOALS.ratio}`, ratio >= GOALS.ratio);
      goal(
        NAME,
        `answer p99 <= ${GOALS.p99Factor}x /health's`,
        answer.latency.p99 <= GOALS.p99Factor * health.latency.p99,
      );
    } finally {
      await gateway.stop();
    }

    const { counts, failures } = await statementsPerWarmAnswer(numbers);
    const { answer, background } = perKind(counts);
    const per = (kind: string) => (answer.get(kind) ?? 0) / WARM_ANSWERS;
    report(NAME, { metric: 'warm-selects-per-answer', value: per('SELECT'), unit: 'count' });
    report(NAME, { metric: 'warm-inserts-per-answer', value: per('INSERT'), unit: 'count' });
    report(NAME, { metric: 'warm-updates-per-answer', value: per('UPDATE'), unit: 'count' });
    const others = [...answer].filter(([kind]) => !['SELECT', 'INSERT', 'UPDATE'].includes(kind));
    report(NAME, {
      metric: 'warm-other-statements-per-answer',
      value: others.reduce((sum, [, n]) => sum + n, 0) / WARM_ANSWERS,
      unit: 'count',
    });
    report(NAME, { metric: 'background-change-log-reads', value: background, unit: 'count' });
    report(NAME, { metric: 'warm-failures', value: failures, unit: 'count' });
    for (const [text, n] of counts.byText) if (!isBackground(text)) console.log(`#   ${n}× ${text}`);
    goal(NAME, 'every warm answer answered 200', failures === 0);
    goal(NAME, 'a warm answer reads nothing from the database (0 SELECT)', (answer.get('SELECT') ?? 0) === 0);
  } finally {
    const deleted = await deleteRunCalls();
    await deleteRunRedisKeys();
    console.log(
      `# ${NAME}: ${deleted} calls of this run deleted (carrier ids ${RUN}-*), Redis keys ${REDIS_PREFIX}* too`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
