import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

type ServiceName = 'MARIADB' | 'REDIS';

const isUp = (service: ServiceName) => process.env[`DUTYLINE_TEST_${service}_UP`] !== '0';

function describeWith(service: ServiceName) {
  return (name: string, body: () => void) => {
    if (isUp(service)) return describe(name, body);
    // Loud on purpose: the global setup already refused to run under CI.
    return describe.skip(`${name} [SKIPPED: ${service} not reachable]`, body);
  };
}

/** A describe block that talks to the real MariaDB on 127.0.0.1:3306. */
export const describeWithMariaDb = describeWith('MARIADB');
/** A describe block that talks to the real Redis on 127.0.0.1:6379. */
export const describeWithRedis = describeWith('REDIS');

/** Whether the `sipp` binary runs here (`sipp -v` exits 99 once it printed its version). */
export function sippInstalled(): boolean {
  try {
    execFileSync('sipp', ['-v'], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch (error) {
    return (error as { code?: string }).code !== 'ENOENT' && (error as { status?: number }).status !== undefined;
  }
}

/**
 * A describe block that runs sipp (Debian package `sip-tester`): it fails under CI when sipp is
 * missing (`.ci/run` installs it), and on a developer machine it is skipped loudly.
 */
export function describeWithSipp(name: string, body: () => void): void {
  if (sippInstalled()) return describe(name, body);
  if (process.env['CI']) throw new Error('sipp is required under CI: apt-get install -y sip-tester');
  return describe.skip(`${name} [SKIPPED: sipp not installed — apt-get install -y sip-tester]`, body);
}

export const mariadbOptions = () => ({
  host: process.env.TEST_MARIADB_HOST || '127.0.0.1',
  port: Number(process.env.TEST_MARIADB_PORT || 3306),
  username: process.env.TEST_MARIADB_USER || 'root',
  password: process.env.TEST_MARIADB_PASSWORD || '',
  database: process.env.TEST_MARIADB_DATABASE || 'test',
});

export const mariadbUrl = () => {
  const o = mariadbOptions();
  return `mysql://${o.username}${o.password ? `:${o.password}` : ''}@${o.host}:${o.port}/${o.database}`;
};

export const redisUrl = () =>
  `redis://${process.env.TEST_REDIS_HOST || '127.0.0.1'}:${process.env.TEST_REDIS_PORT || 6379}`;

/** A name no other test (or earlier run) uses: tenants, queue prefixes, schemas. */
export const uniqueName = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
