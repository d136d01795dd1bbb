import path from 'node:path';
import { ConfigError } from '@dutyline/env';
import { Environment, readGatewayConfig } from './gateway-config';

const cwd = '/srv/dutyline';
const read = (env: Environment) =>
  readGatewayConfig(env, { cwd, generatedSecret: (dir) => `generated-in:${dir}`.padEnd(40, '!') });

function problemsOf(env: Environment): string[] {
  try {
    read(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('readGatewayConfig', () => {
  it('runs with no environment at all: port 3000, SQLite under ./data, a generated secret, demo seed on', () => {
    const config = read({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(path.join(cwd, 'data'));
    expect(config.database).toEqual({ kind: 'sqlite', file: path.join(cwd, 'data', 'dutyline.sqlite') });
    expect(config.authSecret.source).toBe('generated');
    expect(config.authSecret.value).toContain(path.join(cwd, 'data'));
    expect(config.redisUrl).toBeNull();
    expect(config.logLevel).toBe('info');
    expect(config.demoSeed).toBe(true);
    expect(config.graphql).toEqual({
      maxDepth: 12,
      maxComplexity: 20000,
      maxPageSize: 100,
      maxTokens: 4000,
      maxAliases: 30,
      maxFields: 500,
      introspection: false,
    });
    expect(config.auth).toEqual({ tokenTtlSeconds: 43200, loginMaxFailures: 5, loginFailureWindowSeconds: 900 });
    expect(config.mail).toEqual({
      smtpUrl: null,
      outboxDir: path.join(cwd, 'data', 'outbox'),
      from: 'dutyline@localhost.localdomain',
    });
    expect(config.notifications).toEqual({
      embeddedJobs: true,
      gapCheckIntervalMinutes: 60,
      backoffMs: 2000,
      budgetMs: 500,
      owedJournal: path.join(cwd, 'data', 'owed-notifications.jsonl'),
      owedRetrySeconds: 5,
      reconcileIntervalSeconds: 30,
    });
  });

  it('switches to MySQL on DATABASE_URL, without a demo seed unless asked', () => {
    const config = read({ DATABASE_URL: 'mysql://dutyline:pw@db:3306/dutyline', AUTH_SECRET: 'x'.repeat(32) });
    expect(config.database).toEqual({
      kind: 'mysql',
      url: 'mysql://dutyline:pw@db:3306/dutyline',
      poolSize: 10,
      connectTimeoutMs: 2000,
      queryTimeoutMs: 30_000,
    });
    expect(config.demoSeed).toBe(false);
    expect(config.authSecret).toEqual({ value: 'x'.repeat(32), source: 'environment' });
    expect(read({ DATABASE_URL: 'mariadb://db/dutyline', DEMO_SEED: 'true' }).demoSeed).toBe(true);
  });

  it('reads the other variables', () => {
    const config = read({
      PORT: '0',
      DATA_DIR: '/var/lib/dutyline',
      REDIS_URL: 'redis://cache:6379',
      REDIS_PREFIX: 'dl-prod',
      PUBLIC_URL: 'https://calls.example.com',
      LOG_LEVEL: 'DEBUG',
      GRAPHQL_MAX_DEPTH: '8',
      VONAGE_REST_HOST: 'http://127.0.0.1:9000',
      GRAPHQL_MAX_TOKENS: '800',
      GRAPHQL_MAX_ALIASES: '5',
      GRAPHQL_MAX_FIELDS: '60',
      GRAPHQL_INTROSPECTION: 'true',
    });
    expect(config).toMatchObject({
      port: 0,
      dataDir: '/var/lib/dutyline',
      redisUrl: 'redis://cache:6379',
      redisPrefix: 'dl-prod',
      publicUrl: 'https://calls.example.com',
      logLevel: 'debug',
    });
    expect(config.vonage.restHost).toBe('http://127.0.0.1:9000');
    expect(read({}).redisPrefix).toBe('dutyline');
    expect([read({}).changeCheckMs, read({ CHANGE_CHECK_MS: '500' }).changeCheckMs]).toEqual([2000, 500]);
    expect([
      read({}).vonageLimits,
      read({ VONAGE_CALLS_PER_SECOND: '10', VONAGE_REQUESTS_PER_SECOND: '50' }).vonageLimits,
    ]).toEqual([
      { call: 3, request: 15 },
      { call: 10, request: 50 },
    ]);
    expect(config.graphql).toMatchObject({
      maxDepth: 8,
      maxTokens: 800,
      maxAliases: 5,
      maxFields: 60,
      introspection: true,
    });
  });

  it('reads the notification settings the worker reads too', () => {
    const config = read({
      DATA_DIR: '/var/lib/dutyline',
      SMTP_URL: 'smtp://mail:25?from=alerts@example.org',
      OUTBOX_DIR: 'mails',
      MAIL_FROM: 'desk@example.org',
      EMBEDDED_JOBS: 'false',
      GAP_CHECK_INTERVAL_MINUTES: '15',
      JOB_BACKOFF_MS: '500',
      NOTIFICATION_BUDGET_MS: '200',
      OWED_NOTIFICATIONS_RETRY_SECONDS: '2',
      RECONCILE_INTERVAL_SECONDS: '10',
    });
    expect(config.mail).toEqual({
      smtpUrl: 'smtp://mail:25?from=alerts@example.org',
      outboxDir: path.join(cwd, 'mails'),
      from: 'desk@example.org',
    });
    expect(config.notifications).toEqual({
      embeddedJobs: false,
      gapCheckIntervalMinutes: 15,
      backoffMs: 500,
      budgetMs: 200,
      owedJournal: '/var/lib/dutyline/owed-notifications.jsonl',
      owedRetrySeconds: 2,
      reconcileIntervalSeconds: 10,
    });
    expect(read({ DATA_DIR: '/var/lib/dutyline' }).mail.outboxDir).toBe('/var/lib/dutyline/outbox');
  });

  it('sizes the MySQL connection pool from DATABASE_POOL_SIZE', () => {
    expect(read({ DATABASE_URL: 'mysql://db/dutyline', DATABASE_POOL_SIZE: '64' }).database).toMatchObject({
      kind: 'mysql',
      url: 'mysql://db/dutyline',
      poolSize: 64,
    });
  });

  it('bounds connecting and every statement from DATABASE_CONNECT_TIMEOUT_MS and DATABASE_QUERY_TIMEOUT_MS', () => {
    expect(
      read({
        DATABASE_URL: 'mysql://db/dutyline',
        DATABASE_CONNECT_TIMEOUT_MS: '500',
        DATABASE_QUERY_TIMEOUT_MS: '4000',
      }).database,
    ).toMatchObject({ connectTimeoutMs: 500, queryTimeoutMs: 4000 });
  });

  it('reads sign-up and link lifetimes: sign-up closed, invitations 72 h, reset links 1 h by default', () => {
    expect(read({}).onboarding).toEqual({ signup: 'closed', invitationTtlHours: 72, passwordResetTtlMinutes: 60 });
    expect(read({ SIGNUP: 'open', INVITATION_TTL_HOURS: '24', PASSWORD_RESET_TTL_MINUTES: '15' }).onboarding).toEqual({
      signup: 'open',
      invitationTtlHours: 24,
      passwordResetTtlMinutes: 15,
    });
  });

  it('reads METRICS_TOKEN (none: /metrics open), and never repeats a bad one in its message', () => {
    expect(read({}).metricsToken).toBeNull();
    expect(read({ METRICS_TOKEN: 'a1b2c3d4e5f6a7b8c9d0' }).metricsToken).toBe('a1b2c3d4e5f6a7b8c9d0');
    expect(() => read({ METRICS_TOKEN: 'secret but short' })).toThrow(/^METRICS_TOKEN: must be 16 to 256/);
    expect(() => read({ METRICS_TOKEN: 'secret but short' })).not.toThrow(/secret but short/);
  });

  it('treats empty values as unset', () => {
    expect(read({ PORT: '', DATABASE_URL: ' ' }).database.kind).toBe('sqlite');
  });

  it.each([
    [{ PORT: 'eighty' }, ['PORT']],
    [{ PORT: '70000' }, ['PORT']],
    [{ PORT: '-1' }, ['PORT']],
    [{ DATABASE_URL: 'postgres://db/x' }, ['DATABASE_URL']],
    [{ DATABASE_URL: 'mysql://db' }, ['DATABASE_URL']],
    [{ DATABASE_URL: 'not a url' }, ['DATABASE_URL']],
    [{ DATABASE_POOL_SIZE: '0' }, ['DATABASE_POOL_SIZE']],
    [{ DATABASE_POOL_SIZE: 'many' }, ['DATABASE_POOL_SIZE']],
    [
      { DATABASE_CONNECT_TIMEOUT_MS: '5', DATABASE_QUERY_TIMEOUT_MS: 'long' },
      ['DATABASE_CONNECT_TIMEOUT_MS', 'DATABASE_QUERY_TIMEOUT_MS'],
    ],
    [{ REDIS_URL: 'http://cache' }, ['REDIS_URL']],
    [{ AUTH_SECRET: 'short' }, ['AUTH_SECRET']],
    [{ LOG_LEVEL: 'loud' }, ['LOG_LEVEL']],
    [{ DEMO_SEED: 'maybe' }, ['DEMO_SEED']],
    [{ SMTP_URL: 'mail.example.org' }, ['SMTP_URL']],
    [{ MAIL_FROM: 'nobody' }, ['MAIL_FROM']],
    [{ EMBEDDED_JOBS: 'sometimes' }, ['EMBEDDED_JOBS']],
    [{ GAP_CHECK_INTERVAL_MINUTES: '0' }, ['GAP_CHECK_INTERVAL_MINUTES']],
    [{ JOB_BACKOFF_MS: 'fast' }, ['JOB_BACKOFF_MS']],
    [{ CHANGE_CHECK_MS: '50' }, ['CHANGE_CHECK_MS']],
    [
      { VONAGE_REQUESTS_PER_SECOND: '0', VONAGE_CALLS_PER_SECOND: 'fast' },
      ['VONAGE_CALLS_PER_SECOND', 'VONAGE_REQUESTS_PER_SECOND'],
    ],
    [
      { NOTIFICATION_BUDGET_MS: '5', OWED_NOTIFICATIONS_RETRY_SECONDS: '0', RECONCILE_INTERVAL_SECONDS: 'x' },
      ['NOTIFICATION_BUDGET_MS', 'OWED_NOTIFICATIONS_RETRY_SECONDS', 'RECONCILE_INTERVAL_SECONDS'],
    ],
    [{ REDIS_PREFIX: 'two words' }, ['REDIS_PREFIX']],
    [{ PUBLIC_URL: 'calls.example.com' }, ['PUBLIC_URL']],
    [{ VONAGE_REST_HOST: 'ftp://x' }, ['VONAGE_REST_HOST']],
    [{ GRAPHQL_MAX_TOKENS: '50' }, ['GRAPHQL_MAX_TOKENS']],
    [{ GRAPHQL_MAX_ALIASES: '-1' }, ['GRAPHQL_MAX_ALIASES']],
    [{ GRAPHQL_MAX_FIELDS: 'lots' }, ['GRAPHQL_MAX_FIELDS']],
    [{ GRAPHQL_INTROSPECTION: 'sometimes' }, ['GRAPHQL_INTROSPECTION']],
    [{ SIGNUP: 'yes' }, ['SIGNUP']],
    [{ INVITATION_TTL_HOURS: '0' }, ['INVITATION_TTL_HOURS']],
    [{ PASSWORD_RESET_TTL_MINUTES: 'an hour' }, ['PASSWORD_RESET_TTL_MINUTES']],
    [{ METRICS_TOKEN: 'too-short' }, ['METRICS_TOKEN']],
    [{ METRICS_TOKEN: 'has spaces in it, sixteen+' }, ['METRICS_TOKEN']],
    [{ PORT: 'x', LOG_LEVEL: 'y', AUTH_SECRET: 'z' }, ['PORT', 'LOG_LEVEL', 'AUTH_SECRET']],
  ])('refuses %j, naming %j', (env, variables) => {
    expect(problemsOf(env)).toEqual(variables);
  });

  it('never repeats a database password in its message', () => {
    try {
      read({ DATABASE_URL: 'mysql://root:s3cret@db' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as Error).message).toMatch(/^DATABASE_URL: /);
      expect((error as Error).message).not.toContain('s3cret');
    }
  });
});
