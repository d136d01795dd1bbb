import path from 'node:path';
import { ConfigError, type ConfigProblem, EnvReader, type Environment } from '@dutyline/env';

export type WorkerDatabaseConfig =
  { readonly kind: 'mysql'; readonly url: string } | { readonly kind: 'sqlite'; readonly file: string };

export interface VonageWorkerConfig {
  readonly applicationId: string;
  /** The PEM text (read from the file when `VONAGE_PRIVATE_KEY` names one). */
  readonly privateKey: string;
  readonly apiKey: string | null;
  readonly apiSecret: string | null;
  readonly apiHost: string | null;
  readonly restHost: string | null;
}

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Everything the worker reads from its environment, once, validated. */
export interface WorkerConfig {
  /** `REDIS_URL` (required): where the queues live. */
  readonly redisUrl: string;
  /**
   * `REDIS_PREFIX`, the gateway's variable (`QUEUE_PREFIX` is read as another name for it): namespaces
   * every Redis key — queues, the shared Vonage rate window — so gateway and worker must agree. @defaultValue `dutyline`
   */
  readonly queuePrefix: string;
  /** `DATA_DIR`, absolute. @defaultValue `./data` */
  readonly dataDir: string;
  /** `DATABASE_URL` (`mysql://`/`mariadb://`); the SQLite file `<DATA_DIR>/dutyline.sqlite` when unset. */
  readonly database: WorkerDatabaseConfig;
  readonly mail: {
    /** `SMTP_URL` (see `smtpMailerFromUrl`); when unset, mail goes to the outbox folder. */
    readonly smtpUrl: string | null;
    /** `OUTBOX_DIR`, absolute: one `.eml` file per message. @defaultValue `<DATA_DIR>/outbox`, as the gateway's */
    readonly outboxDir: string;
    /** `MAIL_FROM`: the sender of outbox messages (SMTP takes it from its URL). @defaultValue `dutyline@localhost.localdomain` */
    readonly from: string;
  };
  /** `VONAGE_APPLICATION_ID` + `VONAGE_PRIVATE_KEY` (+ `VONAGE_API_KEY`/`VONAGE_API_SECRET` for SMS, `VONAGE_API_HOST`, `VONAGE_REST_HOST`); null: the simulator. */
  readonly vonage: VonageWorkerConfig | null;
  /**
   * `VONAGE_CALLS_PER_SECOND`, `VONAGE_REQUESTS_PER_SECOND`: the Vonage account's limits, which bound the
   * worker's recording downloads (one per voicemail) and texts. Raise them only once Vonage has raised the
   * account's, with the same figures on every gateway and worker (they share one window). @defaultValue 3, 15
   */
  readonly vonageLimits: { readonly call: number; readonly request: number };
  /** `PUBLIC_URL`: where the gateway serves voicemail links. @defaultValue `http://localhost:3000` */
  readonly publicUrl: string;
  /** `WORKER_CONCURRENCY`: jobs of one name run at once by this process. @defaultValue 5 */
  readonly concurrency: number;
  /** `JOB_BACKOFF_MS`: the first retry's wait, doubled each time. @defaultValue 2000 */
  readonly backoffMs: number;
  /** `GAP_CHECK_INTERVAL_MINUTES`: how often each hotline's coverage is checked. @defaultValue 60 */
  readonly gapCheckIntervalMinutes: number;
  /**
   * `JOB_LOCK_SECONDS`: a running job's lock (renewed while it runs) and how often stalled jobs are looked for;
   * a worker that died leaves its jobs to the others within about twice this. @defaultValue 30
   */
  readonly jobLockSeconds: number;
  /** `SHUTDOWN_TIMEOUT_SECONDS`: how long SIGTERM waits for running jobs before leaving them to another worker. @defaultValue 25 */
  readonly shutdownTimeoutSeconds: number;
  /** `RECONCILE_INTERVAL_SECONDS`: how often what the database owes is enqueued again (besides at start and when Redis comes back). @defaultValue 30 */
  readonly reconcileIntervalSeconds: number;
  /** `LOG_LEVEL`. @defaultValue `info` */
  readonly logLevel: LogLevel;
  readonly metrics: {
    /** `WORKER_METRICS_PORT`: `GET /metrics` on every interface; 0 picks a free port (logged). @defaultValue 9464 */
    readonly port: number;
    /** `METRICS_TOKEN`, as the gateway's: required as a bearer token; none: open (keep the port behind the network). */
    readonly token: string | null;
  };
}

export interface ConfigSources {
  readonly cwd: string;
  /** Reads the private key file when `VONAGE_PRIVATE_KEY` is a path. */
  readonly readFile: (file: string) => string;
}

/**
 * Reads and validates the environment, once. Every faulty variable is reported together in a
 * ConfigError; nothing is clamped or silently replaced. Empty strings count as unset.
 */
export function readWorkerConfig(env: Environment, sources: ConfigSources): WorkerConfig {
  const problems: ConfigProblem[] = [];
  const read = new EnvReader(env, problems);
  const redisUrl = read.url('REDIS_URL', ['redis:', 'rediss:']);
  if (read.text('REDIS_URL') === undefined)
    problems.push({
      variable: 'REDIS_URL',
      message: 'is required: the worker takes its jobs from Redis (e.g. redis://127.0.0.1:6379)',
    });
  const dataDir = path.resolve(sources.cwd, read.text('DATA_DIR') ?? './data');
  const queuePrefix = prefixOf(read);
  const config = {
    queuePrefix,
    dataDir,
    database: databaseOf(read, dataDir),
    mail: {
      smtpUrl: read.url('SMTP_URL', ['smtp:', 'smtps:']),
      outboxDir: path.resolve(sources.cwd, read.text('OUTBOX_DIR') ?? path.join(dataDir, 'outbox')),
      from: read.email('MAIL_FROM') ?? 'dutyline@localhost.localdomain',
    },
    vonage: vonageOf(read, sources),
    vonageLimits: {
      call: read.integer('VONAGE_CALLS_PER_SECOND', { fallback: 3, min: 1, max: 10_000 }),
      request: read.integer('VONAGE_REQUESTS_PER_SECOND', { fallback: 15, min: 1, max: 10_000 }),
    },
    publicUrl: read.url('PUBLIC_URL', ['http:', 'https:']) ?? 'http://localhost:3000',
    concurrency: read.integer('WORKER_CONCURRENCY', { fallback: 5, min: 1, max: 1000 }),
    backoffMs: read.integer('JOB_BACKOFF_MS', { fallback: 2000, min: 1, max: 3_600_000 }),
    gapCheckIntervalMinutes: read.integer('GAP_CHECK_INTERVAL_MINUTES', { fallback: 60, min: 1, max: 24 * 60 }),
    jobLockSeconds: read.integer('JOB_LOCK_SECONDS', { fallback: 30, min: 2, max: 3600 }),
    shutdownTimeoutSeconds: read.integer('SHUTDOWN_TIMEOUT_SECONDS', { fallback: 25, min: 1, max: 3600 }),
    reconcileIntervalSeconds: read.integer('RECONCILE_INTERVAL_SECONDS', { fallback: 30, min: 1, max: 3600 }),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    metrics: {
      port: read.integer('WORKER_METRICS_PORT', { fallback: 9464, min: 0, max: 65535 }),
      token: read.bearerToken('METRICS_TOKEN'),
    },
  };
  if (problems.length > 0 || redisUrl === null || config.database === undefined) throw new ConfigError(problems);
  return { ...config, redisUrl, database: config.database };
}

/** `REDIS_PREFIX` or its other name `QUEUE_PREFIX` (both set: they must be equal); the same characters as the gateway allows. */
function prefixOf(read: EnvReader): string {
  const [shared, own] = [read.text('REDIS_PREFIX'), read.text('QUEUE_PREFIX')];
  if (shared !== undefined && own !== undefined && shared !== own) {
    read.problems.push({
      variable: 'QUEUE_PREFIX',
      message: `differs from REDIS_PREFIX ("${own}" ≠ "${shared}"): set REDIS_PREFIX alone, as the gateway reads it`,
    });
  }
  const variable = shared !== undefined ? 'REDIS_PREFIX' : 'QUEUE_PREFIX';
  const prefix = shared ?? own ?? 'dutyline';
  if (!/^[A-Za-z0-9._:{}-]{1,100}$/.test(prefix))
    read.problems.push({ variable, message: 'is 1 to 100 letters, digits or . _ : { } -' });
  return prefix;
}

/** The database `DATABASE_URL` names, else the SQLite file in the data folder; undefined when unusable (recorded). */
function databaseOf(read: EnvReader, dataDir: string): WorkerDatabaseConfig | undefined {
  const url = read.mysqlUrl('DATABASE_URL');
  if (url === null) return { kind: 'sqlite', file: path.join(dataDir, 'dutyline.sqlite') };
  return url === undefined ? undefined : { kind: 'mysql', url };
}

function vonageOf(read: EnvReader, sources: ConfigSources): VonageWorkerConfig | null {
  const applicationId = read.text('VONAGE_APPLICATION_ID');
  const keyText = read.text('VONAGE_PRIVATE_KEY');
  const apiKey = read.text('VONAGE_API_KEY') ?? null;
  const apiSecret = read.text('VONAGE_API_SECRET') ?? null;
  const apiHost = read.url('VONAGE_API_HOST', ['http:', 'https:']);
  const restHost = read.url('VONAGE_REST_HOST', ['http:', 'https:']);
  if ((apiKey === null) !== (apiSecret === null)) {
    read.problems.push({
      variable: apiKey === null ? 'VONAGE_API_KEY' : 'VONAGE_API_SECRET',
      message: 'give VONAGE_API_KEY and VONAGE_API_SECRET together, or neither',
    });
  }
  if (applicationId === undefined && keyText === undefined) return null;
  if (applicationId === undefined || keyText === undefined) {
    read.problems.push({
      variable: applicationId === undefined ? 'VONAGE_APPLICATION_ID' : 'VONAGE_PRIVATE_KEY',
      message: 'give VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY together, or neither (the simulator)',
    });
    return null;
  }
  let privateKey = keyText.replace(/\\n/g, '\n');
  if (!privateKey.includes('-----BEGIN')) {
    try {
      privateKey = sources.readFile(path.resolve(sources.cwd, keyText));
    } catch (error) {
      read.problems.push({
        variable: 'VONAGE_PRIVATE_KEY',
        message: `is neither a PEM key nor a readable file (${(error as Error).message})`,
      });
      return null;
    }
  }
  return { applicationId, privateKey, apiKey, apiSecret, apiHost, restHost };
}
