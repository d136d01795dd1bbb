import path from 'node:path';
import { MAX_PAGE_SIZE, ValidationError } from '@dutyline/domain';
import { type SipProxySettings, resolveSipProxySettings } from '@dutyline/sip';
import { ConfigError, type ConfigProblem, EnvReader, type Environment } from '@dutyline/env';
import { type CallRoutingSettings, readCallRoutingSettings } from '../calls/call-routing-settings';
import { type VonageSettings, readVonageSettings } from '../vonage/vonage-settings';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where the data lives: a MariaDB/MySQL server (`DATABASE_URL`) or the embedded SQLite file. */
export type DatabaseConfig =
  | {
      readonly kind: 'mysql';
      readonly url: string;
      /** `DATABASE_POOL_SIZE`: the connections kept open. @defaultValue 10 */
      readonly poolSize: number;
      /** `DATABASE_CONNECT_TIMEOUT_MS`: how long opening a connection may take. @defaultValue 2000 */
      readonly connectTimeoutMs: number;
      /** `DATABASE_QUERY_TIMEOUT_MS`: how long a statement may wait for its answer. @defaultValue 30000 */
      readonly queryTimeoutMs: number;
    }
  | { readonly kind: 'sqlite'; readonly file: string };

/** Everything the gateway reads from its environment, once, validated. */
export interface GatewayConfig {
  /** `PORT`. @defaultValue 3000 */
  readonly port: number;
  /** `DATA_DIR`, absolute: the SQLite file, the generated auth secret. @defaultValue `./data` */
  readonly dataDir: string;
  /** `DATABASE_URL` (`mysql://` or `mariadb://`); the SQLite file `<DATA_DIR>/dutyline.sqlite` when unset. */
  readonly database: DatabaseConfig;
  /** `REDIS_URL`; none: single-instance mode (in-memory rate limits and invalidation). */
  readonly redisUrl: string | null;
  /** `REDIS_PREFIX`: namespaces the Redis keys and channels the instances share. @defaultValue `dutyline` */
  readonly redisPrefix: string;
  /** `CHANGE_CHECK_MS`: with `REDIS_URL`, how often the database's change log is read for changes pub/sub may have missed. @defaultValue 2000 */
  readonly changeCheckMs: number;
  /**
   * `HOTLINE_CACHE_SIZE`: how many hotlines the answer path keeps warm in each of its caches (the hotline by
   * number and id, its entry, plan, last known plan and callback settings; accounts' state as many), the
   * least recently used dropped first. @defaultValue 10000
   */
  readonly hotlineCacheSize: number;
  /**
   * `VONAGE_CALLS_PER_SECOND`, `VONAGE_REQUESTS_PER_SECOND`: the Vonage account's limits, the same figures on
   * every gateway and worker (they share one window in Redis). Raise them only once Vonage has. @defaultValue 3, 15
   */
  readonly vonageLimits: { readonly call: number; readonly request: number };
  /** `PUBLIC_URL`: the gateway's address as the carrier reaches it (webhook URLs of outbound calls); none: outbound calls cannot be placed. */
  readonly publicUrl: string | null;
  /** `AUTH_SECRET`, at least 32 characters; generated once into `<DATA_DIR>/auth-secret` when unset. */
  readonly authSecret: AuthSecret;
  /** `LOG_LEVEL`. @defaultValue `info` */
  readonly logLevel: LogLevel;
  /** `TRUST_PROXY`: how many reverse proxies stand in front; their `X-Forwarded-For` gives the client address (login limits). @defaultValue 0 */
  readonly trustProxyHops: number;
  /** `METRICS_TOKEN`: required as a bearer token by `GET /metrics`; none: the endpoint is open (keep it behind the network). */
  readonly metricsToken: string | null;
  readonly auth: {
    /** `AUTH_TOKEN_TTL_SECONDS`: how long a login token is valid. @defaultValue 43200 (12 h) */
    readonly tokenTtlSeconds: number;
    /** `LOGIN_MAX_FAILURES` per e-mail and address in the window. @defaultValue 5 */
    readonly loginMaxFailures: number;
    /** `LOGIN_FAILURE_WINDOW_SECONDS`. @defaultValue 900 (15 min) */
    readonly loginFailureWindowSeconds: number;
  };
  /** Sign-up, invitations and password resets. */
  readonly onboarding: {
    /** `SIGNUP`: `open` lets anyone create an account (`signUp`). @defaultValue `closed` */
    readonly signup: 'open' | 'closed';
    /** `INVITATION_TTL_HOURS`: how long an invitation link works. @defaultValue 72 */
    readonly invitationTtlHours: number;
    /** `PASSWORD_RESET_TTL_MINUTES`: how long a password reset link works. @defaultValue 60 */
    readonly passwordResetTtlMinutes: number;
  };
  readonly graphql: {
    /** `GRAPHQL_MAX_DEPTH`. @defaultValue 12 */
    readonly maxDepth: number;
    /** `GRAPHQL_MAX_COMPLEXITY` (see ComplexityLimitRule). @defaultValue 20000 */
    readonly maxComplexity: number;
    /** `GRAPHQL_MAX_PAGE_SIZE`: the largest `first`, at most half the repositories' page limit. @defaultValue 100 */
    readonly maxPageSize: number;
    /** `GRAPHQL_MAX_TOKENS`: the parser stops past this many tokens (the largest operation we send has 211). @defaultValue 4000 */
    readonly maxTokens: number;
    /** `GRAPHQL_MAX_ALIASES` per operation, fragments counted per spread. @defaultValue 30 */
    readonly maxAliases: number;
    /** `GRAPHQL_MAX_FIELDS` per operation (`__typename` included), fragments counted per spread. @defaultValue 500 */
    readonly maxFields: number;
    /** `GRAPHQL_INTROSPECTION`: answer `__schema` and `__type`; clients build on the committed schema.graphql. @defaultValue false */
    readonly introspection: boolean;
  };
  /** `DEMO_SEED`: seed a demo account into an empty database. @defaultValue true on SQLite, false on MySQL */
  readonly demoSeed: boolean;
  /** `CONSOLE_DIR`: the built web console served at `/`; `false` serves none. @defaultValue `apps/console/dist` of this checkout */
  readonly consoleDir: string | null;
  /** Mail delivery (voicemails, alerts, gap notices), as the worker reads it. */
  readonly mail: {
    /** `SMTP_URL` (see `smtpSettingsFromUrl`); none: the outbox folder. */
    readonly smtpUrl: string | null;
    /** `OUTBOX_DIR`, absolute: without SMTP, one `.eml` file per message. @defaultValue `<DATA_DIR>/outbox` */
    readonly outboxDir: string;
    /** `MAIL_FROM`: the sender of outbox messages (SMTP takes it from its URL). @defaultValue `dutyline@localhost.localdomain` */
    readonly from: string;
  };
  /** The notification jobs (voicemail e-mails, unanswered-call and gap alerts); with `REDIS_URL` the worker runs them. */
  readonly notifications: {
    /** `EMBEDDED_JOBS`: without `REDIS_URL`, run them in this process; false: they stay owed in the database until a process runs them. @defaultValue true */
    readonly embeddedJobs: boolean;
    /** `GAP_CHECK_INTERVAL_MINUTES`: how often each hotline's coverage is checked, as the worker's. @defaultValue 60 */
    readonly gapCheckIntervalMinutes: number;
    /** `JOB_BACKOFF_MS`: the first retry's wait, doubled each time, as the worker's. @defaultValue 2000 */
    readonly backoffMs: number;
    /** `NOTIFICATION_BUDGET_MS`: how long a webhook waits for the database, then for the queue, to take an alert owed. @defaultValue 500 */
    readonly budgetMs: number;
    /** `<DATA_DIR>/owed-notifications.jsonl`: alerts owed while the database did not take them. */
    readonly owedJournal: string;
    /** `OWED_NOTIFICATIONS_RETRY_SECONDS`: how often that journal is written back to the database. @defaultValue 5 */
    readonly owedRetrySeconds: number;
    /** `RECONCILE_INTERVAL_SECONDS`: embedded, how often what the database owes is queued again, as the worker's. @defaultValue 30 */
    readonly reconcileIntervalSeconds: number;
  };
  /** Carrier settings, read here and validated by the Vonage wiring. */
  readonly vonage: {
    readonly applicationId: string | null;
    /** `VONAGE_PRIVATE_KEY`: a PEM text or the path of a PEM file. */
    readonly privateKey: string | null;
    readonly apiKey: string | null;
    readonly apiSecret: string | null;
    /** `VONAGE_SIGNATURE_SECRET`: verifies signed webhooks. */
    readonly signatureSecret: string | null;
    /** `VONAGE_API_HOST`: another Voice API host (a local fake in tests). */
    readonly apiHost: string | null;
    /** `VONAGE_REST_HOST`: another SMS API host (a local fake in tests). */
    readonly restHost: string | null;
  };
  /** How the Vonage webhooks are served and checked (`VONAGE_VERIFY_SIGNATURES`, `VONAGE_RINGBACK_TONE_URL`, …). */
  readonly vonageWebhooks: VonageSettings;
  /** How inbound calls are routed, whatever the carrier (`CALL_*`). */
  readonly callRouting: CallRoutingSettings;
  /** The SIP proxy for PBXs and trunks (`SIP_*`, on when `SIP_TARGET_URI` is set); null: no SIP. */
  readonly sip: SipProxySettings | null;
}

/** The token-signing secret and where it came from (a generated one is worth a warning with several instances). */
export interface AuthSecret {
  readonly value: string;
  readonly source: 'environment' | 'generated';
}

export type { Environment };

/** The secret generated once into the data folder; injected so reading the config stays testable. */
export type GeneratedSecretSource = (dataDir: string) => string;

export const MIN_AUTH_SECRET_LENGTH = 32;

/**
 * Reads and validates the environment. Every faulty variable is reported at once in a ConfigError;
 * nothing is clamped or silently replaced. Empty strings count as unset.
 */
export function readGatewayConfig(
  env: Environment,
  options: { cwd: string; generatedSecret: GeneratedSecretSource },
): GatewayConfig {
  const problems: ConfigProblem[] = [];
  const read = new EnvReader(env, problems);

  const port = read.integer('PORT', { fallback: 3000, min: 0, max: 65535 });
  const dataDir = path.resolve(options.cwd, read.text('DATA_DIR') ?? './data');
  const database = databaseOf(read, dataDir, {
    poolSize: read.integer('DATABASE_POOL_SIZE', { fallback: 10, min: 1, max: 500 }),
    connectTimeoutMs: read.integer('DATABASE_CONNECT_TIMEOUT_MS', { fallback: 2000, min: 100, max: 60_000 }),
    queryTimeoutMs: read.integer('DATABASE_QUERY_TIMEOUT_MS', { fallback: 30_000, min: 100, max: 3_600_000 }),
  });
  const redisUrl = read.url('REDIS_URL', ['redis:', 'rediss:']);
  const logLevel = read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info');
  const secretText = read.text('AUTH_SECRET');
  if (secretText !== undefined && secretText.length < MIN_AUTH_SECRET_LENGTH) {
    problems.push({
      variable: 'AUTH_SECRET',
      message: `must be at least ${MIN_AUTH_SECRET_LENGTH} characters (e.g. \`openssl rand -base64 48\`)`,
    });
  }
  const config = {
    port,
    dataDir,
    database,
    redisUrl,
    redisPrefix:
      read.matching('REDIS_PREFIX', /^[A-Za-z0-9._:{}-]{1,100}$/, 'letters, digits or . _ : { } -, at most 100') ??
      'dutyline',
    changeCheckMs: read.integer('CHANGE_CHECK_MS', { fallback: 2000, min: 100, max: 60_000 }),
    hotlineCacheSize: read.integer('HOTLINE_CACHE_SIZE', { fallback: 10_000, min: 100, max: 1_000_000 }),
    vonageLimits: {
      call: read.integer('VONAGE_CALLS_PER_SECOND', { fallback: 3, min: 1, max: 10_000 }),
      request: read.integer('VONAGE_REQUESTS_PER_SECOND', { fallback: 15, min: 1, max: 10_000 }),
    },
    publicUrl: read.url('PUBLIC_URL', ['http:', 'https:']),
    logLevel,
    trustProxyHops: read.integer('TRUST_PROXY', { fallback: 0, min: 0, max: 10 }),
    metricsToken: read.bearerToken('METRICS_TOKEN'),
    auth: {
      tokenTtlSeconds: read.integer('AUTH_TOKEN_TTL_SECONDS', { fallback: 12 * 3600, min: 60, max: 30 * 24 * 3600 }),
      loginMaxFailures: read.integer('LOGIN_MAX_FAILURES', { fallback: 5, min: 1, max: 1000 }),
      loginFailureWindowSeconds: read.integer('LOGIN_FAILURE_WINDOW_SECONDS', {
        fallback: 15 * 60,
        min: 1,
        max: 24 * 3600,
      }),
    },
    onboarding: {
      signup: read.oneOf('SIGNUP', ['open', 'closed'] as const, 'closed'),
      invitationTtlHours: read.integer('INVITATION_TTL_HOURS', { fallback: 72, min: 1, max: 90 * 24 }),
      passwordResetTtlMinutes: read.integer('PASSWORD_RESET_TTL_MINUTES', { fallback: 60, min: 5, max: 24 * 60 }),
    },
    graphql: {
      maxDepth: read.integer('GRAPHQL_MAX_DEPTH', { fallback: 12, min: 2, max: 100 }),
      maxComplexity: read.integer('GRAPHQL_MAX_COMPLEXITY', { fallback: 20000, min: 10, max: 10_000_000 }),
      maxPageSize: read.integer('GRAPHQL_MAX_PAGE_SIZE', { fallback: 100, min: 1, max: Math.floor(MAX_PAGE_SIZE / 2) }),
      maxTokens: read.integer('GRAPHQL_MAX_TOKENS', { fallback: 4000, min: 100, max: 100_000 }),
      maxAliases: read.integer('GRAPHQL_MAX_ALIASES', { fallback: 30, min: 0, max: 10_000 }),
      maxFields: read.integer('GRAPHQL_MAX_FIELDS', { fallback: 500, min: 10, max: 100_000 }),
      introspection: read.boolean('GRAPHQL_INTROSPECTION', false),
    },
    demoSeed: read.boolean('DEMO_SEED', database?.kind !== 'mysql'),
    consoleDir: consoleDirOf(read.text('CONSOLE_DIR'), options.cwd),
    mail: {
      smtpUrl: read.url('SMTP_URL', ['smtp:', 'smtps:']),
      outboxDir: path.resolve(options.cwd, read.text('OUTBOX_DIR') ?? path.join(dataDir, 'outbox')),
      from: read.email('MAIL_FROM') ?? 'dutyline@localhost.localdomain',
    },
    notifications: {
      embeddedJobs: read.boolean('EMBEDDED_JOBS', true),
      gapCheckIntervalMinutes: read.integer('GAP_CHECK_INTERVAL_MINUTES', { fallback: 60, min: 1, max: 24 * 60 }),
      backoffMs: read.integer('JOB_BACKOFF_MS', { fallback: 2000, min: 1, max: 3_600_000 }),
      budgetMs: read.integer('NOTIFICATION_BUDGET_MS', { fallback: 500, min: 10, max: 60_000 }),
      owedJournal: path.join(dataDir, 'owed-notifications.jsonl'),
      owedRetrySeconds: read.integer('OWED_NOTIFICATIONS_RETRY_SECONDS', { fallback: 5, min: 1, max: 3600 }),
      reconcileIntervalSeconds: read.integer('RECONCILE_INTERVAL_SECONDS', { fallback: 30, min: 1, max: 3600 }),
    },
    vonage: {
      applicationId: read.text('VONAGE_APPLICATION_ID') ?? null,
      privateKey: read.text('VONAGE_PRIVATE_KEY') ?? null,
      apiKey: read.text('VONAGE_API_KEY') ?? null,
      apiSecret: read.text('VONAGE_API_SECRET') ?? null,
      signatureSecret: read.text('VONAGE_SIGNATURE_SECRET') ?? null,
      apiHost: read.url('VONAGE_API_HOST', ['http:', 'https:']),
      restHost: read.url('VONAGE_REST_HOST', ['http:', 'https:']),
    },
    sip: readSipSettings(read, problems),
  };
  const vonageWebhooks = problemsInto(problems, () => readVonageSettings(env, config));
  const callRouting = problemsInto(problems, () => readCallRoutingSettings(env));
  if (problems.length > 0 || database === undefined || vonageWebhooks === undefined || callRouting === undefined)
    throw new ConfigError(problems);
  const authSecret: AuthSecret =
    secretText !== undefined
      ? { value: secretText, source: 'environment' }
      : { value: options.generatedSecret(dataDir), source: 'generated' };
  return { ...config, database, authSecret, vonageWebhooks, callRouting };
}

/** What `read` returns; undefined when it threw a ConfigError, whose problems join `problems`. */
function problemsInto<T>(problems: ConfigProblem[], read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
    return undefined;
  }
}

/**
 * The SIP proxy's settings (libs/sip/README.md), on when `SIP_TARGET_URI` is set. Checked here, so a
 * bad one stops the start naming its variable: the library's field `sip.targetUriByPrefix.+331` is
 * the variable `SIP_TARGET_URI_BY_PREFIX`.
 */
function readSipSettings(read: EnvReader, problems: ConfigProblem[]): SipProxySettings | null {
  const targetUri = read.text('SIP_TARGET_URI');
  if (targetUri === undefined) return null;
  const byPrefixText = read.text('SIP_TARGET_URI_BY_PREFIX');
  let targetUriByPrefix: Record<string, string> = {};
  if (byPrefixText !== undefined) {
    try {
      const parsed: unknown = JSON.parse(byPrefixText);
      if (
        typeof parsed !== 'object' ||
        parsed === null ||
        Array.isArray(parsed) ||
        Object.values(parsed).some((v) => typeof v !== 'string')
      )
        throw new Error();
      targetUriByPrefix = parsed as Record<string, string>;
    } catch {
      problems.push({
        variable: 'SIP_TARGET_URI_BY_PREFIX',
        message:
          'must be a JSON object of number prefix to URI template, e.g. {"+3314000":"sip:{digits}@pbx.example.net"}',
      });
    }
  }
  const unknownNumberStatus = read.oneOf('SIP_UNKNOWN_NUMBER_STATUS', ['404', '604'] as const, '404');
  const settings: SipProxySettings = {
    targetUri,
    targetUriByPrefix,
    bindAddress: read.text('SIP_BIND_ADDRESS') ?? '127.0.0.1',
    port: read.integer('SIP_PORT', { fallback: 5060, min: 0, max: 65535 }),
    advertisedHost: read.text('SIP_ADVERTISED_HOST'),
    voicemailUri: read.text('SIP_VOICEMAIL_URI') ?? null,
    announcementUri: read.text('SIP_ANNOUNCEMENT_URI') ?? null,
    allowFrom:
      read
        .text('SIP_ALLOW_FROM')
        ?.split(',')
        .map((address) => address.trim())
        .filter((address) => address !== '') ?? null,
    recordRoute: read.boolean('SIP_RECORD_ROUTE', true),
    unknownNumberStatus: Number(unknownNumberStatus) as 404 | 604,
  };
  try {
    resolveSipProxySettings(settings);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const name = /^sip\.([A-Za-z]+)/.exec(error.field ?? '')?.[1] ?? 'targetUri';
    problems.push({
      variable: `SIP_${name.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}`,
      message: error.message,
    });
  }
  return settings;
}

/** The console's build next to this checkout's gateway (`src/config` and `dist/config` alike), unless told otherwise. */
function consoleDirOf(value: string | undefined, cwd: string): string | null {
  if (value === 'false') return null;
  return value !== undefined ? path.resolve(cwd, value) : path.resolve(__dirname, '..', '..', '..', 'console', 'dist');
}

/** The database `DATABASE_URL` names, else the SQLite file in the data folder; undefined when unusable (recorded). */
function databaseOf(
  read: EnvReader,
  dataDir: string,
  pool: { poolSize: number; connectTimeoutMs: number; queryTimeoutMs: number },
): DatabaseConfig | undefined {
  const url = read.mysqlUrl('DATABASE_URL');
  if (url === null) return { kind: 'sqlite', file: path.join(dataDir, 'dutyline.sqlite') };
  return url === undefined ? undefined : { kind: 'mysql', url, ...pool };
}
