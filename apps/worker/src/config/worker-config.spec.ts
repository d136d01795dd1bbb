import path from 'node:path';
import { ConfigError } from '@dutyline/env';
import { readWorkerConfig } from './worker-config';

const sources = {
  cwd: '/srv/dutyline',
  readFile: (file: string) =>
    file === '/srv/dutyline/keys/app.pem' ? '-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n' : fail(file),
};
const fail = (file: string): never => {
  throw new Error(`ENOENT: ${file}`);
};
const problemsOf = (env: Record<string, string>) => {
  try {
    readWorkerConfig(env, sources);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
};

describe('readWorkerConfig', () => {
  it('reads a minimal environment with its defaults', () => {
    expect(readWorkerConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }, sources)).toEqual({
      redisUrl: 'redis://127.0.0.1:6379',
      queuePrefix: 'dutyline',
      dataDir: '/srv/dutyline/data',
      database: { kind: 'sqlite', file: path.join('/srv/dutyline/data', 'dutyline.sqlite') },
      mail: { smtpUrl: null, outboxDir: '/srv/dutyline/data/outbox', from: 'dutyline@localhost.localdomain' },
      vonage: null,
      vonageLimits: { call: 3, request: 15 },
      publicUrl: 'http://localhost:3000',
      concurrency: 5,
      backoffMs: 2000,
      gapCheckIntervalMinutes: 60,
      jobLockSeconds: 30,
      shutdownTimeoutSeconds: 25,
      reconcileIntervalSeconds: 30,
      logLevel: 'info',
      metrics: { port: 9464, token: null },
    });
  });

  it('reads the production settings, the Vonage key from a file', () => {
    const config = readWorkerConfig(
      {
        REDIS_URL: 'redis://redis:6379',
        DATABASE_URL: 'mysql://u:p@db:3306/dutyline',
        SMTP_URL: 'smtp://mail:25?from=a@b.org',
        VONAGE_APPLICATION_ID: 'app-1',
        VONAGE_PRIVATE_KEY: 'keys/app.pem',
        VONAGE_API_KEY: 'k',
        VONAGE_API_SECRET: 's',
        PUBLIC_URL: 'https://hotline.example.org',
        WORKER_CONCURRENCY: '20',
        REDIS_PREFIX: 'prod',
        VONAGE_REQUESTS_PER_SECOND: '50',
        VONAGE_CALLS_PER_SECOND: '10',
      },
      sources,
    );
    expect(config).toMatchObject({
      database: { kind: 'mysql', url: 'mysql://u:p@db:3306/dutyline' },
      mail: { smtpUrl: 'smtp://mail:25?from=a@b.org' },
      vonage: { applicationId: 'app-1', apiKey: 'k', apiSecret: 's', apiHost: null, restHost: null },
      concurrency: 20,
      queuePrefix: 'prod',
      vonageLimits: { call: 10, request: 50 },
    });
    expect(config.vonage?.privateKey).toContain('BEGIN PRIVATE KEY');
  });

  it('reads the metrics port and token', () => {
    const token = 'a'.repeat(32);
    expect(
      readWorkerConfig(
        { REDIS_URL: 'redis://127.0.0.1:6379', WORKER_METRICS_PORT: '9100', METRICS_TOKEN: token },
        sources,
      ).metrics,
    ).toEqual({ port: 9100, token });
  });

  it.each([
    ['REDIS_PREFIX, as the gateway', { REDIS_PREFIX: 'prod:eu' }, 'prod:eu'],
    ['QUEUE_PREFIX, its other name', { QUEUE_PREFIX: 'prod' }, 'prod'],
    ['both, when they agree', { REDIS_PREFIX: 'prod', QUEUE_PREFIX: 'prod' }, 'prod'],
    ['neither', {}, 'dutyline'],
  ])('shares the Redis prefix with the gateway: %s', (_, env, prefix) => {
    expect(readWorkerConfig({ REDIS_URL: 'redis://127.0.0.1:6379', ...env }, sources).queuePrefix).toBe(prefix);
  });

  it.each([
    [{ REDIS_URL: '' }, ['REDIS_URL']],
    [{ REDIS_URL: 'http://x' }, ['REDIS_URL']],
    [{ WORKER_CONCURRENCY: '0' }, ['WORKER_CONCURRENCY']],
    [{ GAP_CHECK_INTERVAL_MINUTES: 'hourly' }, ['GAP_CHECK_INTERVAL_MINUTES']],
    [{ DATABASE_URL: 'postgres://x/y' }, ['DATABASE_URL']],
    [{ DATABASE_URL: 'mysql://db:3306' }, ['DATABASE_URL']],
    [{ SMTP_URL: 'mail.example.org' }, ['SMTP_URL']],
    [{ MAIL_FROM: 'nobody' }, ['MAIL_FROM']],
    [{ VONAGE_APPLICATION_ID: 'app-1' }, ['VONAGE_PRIVATE_KEY']],
    [{ VONAGE_APPLICATION_ID: 'app-1', VONAGE_PRIVATE_KEY: 'missing.pem' }, ['VONAGE_PRIVATE_KEY']],
    [{ VONAGE_API_KEY: 'k' }, ['VONAGE_API_SECRET']],
    [{ QUEUE_PREFIX: 'a b' }, ['QUEUE_PREFIX']],
    [{ REDIS_PREFIX: 'a/b' }, ['REDIS_PREFIX']],
    [{ REDIS_PREFIX: 'prod', QUEUE_PREFIX: 'staging' }, ['QUEUE_PREFIX']],
    [{ LOG_LEVEL: 'loud', SHUTDOWN_TIMEOUT_SECONDS: '-1' }, ['SHUTDOWN_TIMEOUT_SECONDS', 'LOG_LEVEL']],
    [{ RECONCILE_INTERVAL_SECONDS: '0' }, ['RECONCILE_INTERVAL_SECONDS']],
    [{ RECONCILE_INTERVAL_SECONDS: 'often' }, ['RECONCILE_INTERVAL_SECONDS']],
    [{ WORKER_METRICS_PORT: '70000' }, ['WORKER_METRICS_PORT']],
    [{ WORKER_METRICS_PORT: 'metrics' }, ['WORKER_METRICS_PORT']],
    [{ METRICS_TOKEN: 'short' }, ['METRICS_TOKEN']],
    [{ VONAGE_REQUESTS_PER_SECOND: '0' }, ['VONAGE_REQUESTS_PER_SECOND']],
    [{ VONAGE_CALLS_PER_SECOND: 'fast' }, ['VONAGE_CALLS_PER_SECOND']],
    [{ JOB_LOCK_SECONDS: '1' }, ['JOB_LOCK_SECONDS']],
  ])('names the faulty variable in %j', (env, variables) => {
    expect(problemsOf({ REDIS_URL: 'redis://127.0.0.1:6379', ...env })).toEqual(variables);
  });
});
