import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CountedCallOutcome, CountedLegOutcome, MessageChannel, Metrics } from '@dutyline/application';
import type { CallPlanSource, JobQueueInspector } from '@dutyline/domain';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Seconds: from a fast webhook (a few ms) to a slow GraphQL export. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds: a job from a gap check (ms) to a voicemail download and e-mail (tens of s). */
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
/** How long a scrape waits for the queue or Redis before reporting what it has. */
const PROBE_TIMEOUT_MS = 2000;

/** What a gauge read on scrape may ask; null when it cannot tell in time. */
async function within<T>(ms: number, work: () => Promise<T>): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([work().catch(() => null), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** One HTTP request served: method, route pattern, status code, duration. */
export interface ServedRequest {
  readonly method: string;
  readonly route: string;
  readonly status: number;
  readonly seconds: number;
}

/** The statement kinds counted by name; any other is `other`. */
const STATEMENT_KINDS = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'START', 'COMMIT', 'ROLLBACK']);

/**
 * The `Metrics` port on prom-client, plus what only the apps measure (HTTP and webhook latencies)
 * and what is read on each scrape (queue depths, the database pool, Redis). One registry per
 * instance, so tests and several apps in one process do not mix their series. Every label is a
 * fixed set: route patterns, outcomes, job names; never a path, an id or a number.
 */
export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly calls = new Counter({
    name: 'dutyline_calls_total',
    help: 'Calls by outcome, counted when it is first known (answered, voicemail, message, abandoned, unknown-number).',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  private readonly started = new Counter({
    name: 'dutyline_calls_started_total',
    help: 'Calls opened, by where their plan came from: schedule, last-known (the database was late) or emergency.',
    labelNames: ['plan_source'],
    registers: [this.registry],
  });
  private readonly legs = new Counter({
    name: 'dutyline_call_legs_total',
    help: "Numbers dialled for calls, by the leg's outcome.",
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  private readonly jobs = new Histogram({
    name: 'dutyline_job_duration_seconds',
    help: 'Background jobs run by this process, by job name and result.',
    labelNames: ['job', 'result'],
    buckets: JOB_BUCKETS,
    registers: [this.registry],
  });
  private readonly messages = new Counter({
    name: 'dutyline_messages_total',
    help: 'E-mails and text messages handed to the mail server or the carrier, by channel (email, sms) and result (sent, failed).',
    labelNames: ['channel', 'result'],
    registers: [this.registry],
  });
  private readonly http = new Histogram({
    name: 'dutyline_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status class, from the first byte to the end of the response.',
    labelNames: ['method', 'route', 'status'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly statements = new Counter({
    name: 'dutyline_db_statements_total',
    help: 'SQL statements this process sent to the database, by first keyword (SELECT, INSERT, UPDATE, DELETE, START, COMMIT, ROLLBACK, other).',
    labelNames: ['kind'],
    registers: [this.registry],
  });
  private readonly shed = new Counter({
    name: 'dutyline_cache_entries_shed_total',
    help: 'Cache entries given back because the heap was above its share of the limit after a full collection (HOTLINE_CACHE_SIZE too large for the heap).',
    registers: [this.registry],
  });
  private readonly webhooks = new Histogram({
    name: 'dutyline_webhook_duration_seconds',
    help: 'Carrier call webhooks by carrier and route pattern: the signature check and the reply.',
    labelNames: ['carrier', 'route'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  callStarted(planSource: CallPlanSource): void {
    this.started.inc({ plan_source: planSource });
  }

  callOutcome(outcome: CountedCallOutcome): void {
    this.calls.inc({ outcome });
  }

  legEnded(outcome: CountedLegOutcome): void {
    this.legs.inc({ outcome });
  }

  jobFinished(job: string, seconds: number, result: 'completed' | 'failed'): void {
    this.jobs.observe({ job, result }, seconds);
  }

  messageSent(channel: MessageChannel, result: 'sent' | 'failed'): void {
    this.messages.inc({ channel, result });
  }

  /** `route` is the pattern (`/voicemail/:token`), never the path; `status` is counted by its class (`2xx`). */
  httpRequest({ method, route, status, seconds }: ServedRequest): void {
    this.http.observe({ method, route, status: `${Math.floor(status / 100)}xx` }, seconds);
  }

  /** One statement sent (the DataSource's `onQuery`); counted by its first keyword. */
  databaseStatement(sql: string): void {
    const keyword = /^\s*([A-Za-z]+)/.exec(sql)?.[1].toUpperCase() ?? '';
    this.statements.inc({ kind: STATEMENT_KINDS.has(keyword) ? keyword : 'other' });
  }

  /** Cache entries dropped to give memory back. */
  cacheEntriesShed(count: number): void {
    this.shed.inc(count);
  }

  webhook(carrier: string, route: string, seconds: number): void {
    this.webhooks.observe({ carrier, route }, seconds);
  }

  /** Each queue's jobs by state and its failed jobs, asked of the queue on every scrape. */
  watchQueues(inspector: Pick<JobQueueInspector, 'depths'>): void {
    const depths = () => within(PROBE_TIMEOUT_MS, () => inspector.depths());
    let pending: ReturnType<typeof depths> | null = null;
    // Both gauges read one answer per scrape.
    const read = () => (pending ??= depths().finally(() => setImmediate(() => (pending = null))));
    new Gauge({
      name: 'dutyline_queue_jobs',
      help: 'Jobs in each queue by state (waiting, delayed, active), read from the queue on scrape.',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const depth of (await read()) ?? []) {
          for (const state of ['waiting', 'delayed', 'active'] as const)
            this.set({ queue: depth.name, state }, depth[state]);
        }
      },
    });
    new Gauge({
      name: 'dutyline_queue_failed_jobs',
      help: 'Failed jobs kept for inspection in each queue, read on scrape.',
      labelNames: ['queue'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const depth of (await read()) ?? []) this.set({ queue: depth.name }, depth.failed);
      },
    });
  }

  /** The database pool, read on scrape (SQLite: one connection). */
  watchDatabasePool(usage: () => { readonly size: number; readonly inUse: number }): void {
    new Gauge({
      name: 'dutyline_db_pool_connections_in_use',
      help: 'Database connections serving a request now (SQLite: 1 or 0).',
      registers: [this.registry],
      collect() {
        this.set(usage().inUse);
      },
    });
    new Gauge({
      name: 'dutyline_db_pool_size',
      help: 'Database connections the pool may open (SQLite: 1).',
      registers: [this.registry],
      collect() {
        this.set(usage().size);
      },
    });
  }

  /** 1 when `ping` answers within 2 s on scrape, else 0. */
  watchRedis(ping: () => Promise<unknown>): void {
    new Gauge({
      name: 'dutyline_redis_up',
      help: 'Redis answered a PING on scrape (1) or not (0).',
      registers: [this.registry],
      async collect() {
        this.set((await within(PROBE_TIMEOUT_MS, async () => (await ping(), true))) ? 1 : 0);
      },
    });
  }

  /** The Prometheus text exposition. */
  async exposition(): Promise<{ readonly contentType: string; readonly body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/** Whether `authorization` carries `Bearer <token>`, compared in constant time. */
export function bearerMatches(authorization: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (given === undefined) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(token)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /metrics` for a plain Node HTTP server: the exposition, or 401 without the bearer `token`
 * (null: open; put it behind the network), 405 for another method.
 */
export function metricsEndpoint(metrics: PrometheusMetrics, token: string | null) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const json = (status: number, code: string, message: string) => {
      response.statusCode = status;
      response.setHeader('content-type', 'application/json; charset=utf-8');
      response.end(JSON.stringify({ error: { code, message } }));
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      return json(405, 'METHOD_NOT_ALLOWED', 'GET /metrics');
    }
    if (token !== null && !bearerMatches(request.headers.authorization, token)) {
      response.setHeader('www-authenticate', 'Bearer realm="metrics"');
      return json(401, 'UNAUTHENTICATED', 'METRICS_TOKEN is required as a bearer token');
    }
    const { contentType, body } = await metrics.exposition();
    response.statusCode = 200;
    response.setHeader('content-type', contentType);
    response.setHeader('cache-control', 'no-store');
    response.end(request.method === 'HEAD' ? undefined : body);
  };
}
