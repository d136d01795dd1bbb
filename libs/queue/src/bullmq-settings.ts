import { Clock, JobMap, invalid } from '@dutyline/domain';
import {
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_CONCURRENCY,
  DEFAULT_KEEP_FAILED,
  checkJobNames,
  integerIn,
} from './job-rules';
import { RedisConnection } from './redis-client';

/** The settings producer and workers must agree on. */
interface BullMqCommonSettings {
  /** A `redis://` URL (connections opened and closed here) or an ioredis client you own and close. */
  readonly connection: RedisConnection;
  /** Namespaces every Redis key; one queue per job name lives under it. @defaultValue `'dutyline'` */
  readonly prefix?: string;
  /** Told about Redis connection errors and other background failures. @defaultValue writes to `console.error` */
  readonly onError?: (error: Error) => void;
}

export interface BullMqJobQueueSettings<Jobs extends JobMap> extends BullMqCommonSettings {
  /** Reads "now" to turn `runAt` into a delay. */
  readonly clock: Clock;
  /** The job names this queue serves: `enqueue` refuses others, the inspector reports these. */
  readonly jobNames: readonly (keyof Jobs & string)[];
  /** The first retry waits this long, each next one twice as long. @defaultValue 2000 */
  readonly backoffBaseMs?: number;
  /** Failed jobs kept per name for inspection, the oldest dropped first. @defaultValue 1000 */
  readonly keepFailed?: number;
}

export interface BullMqWorkerHostSettings extends BullMqCommonSettings {
  /** Jobs of one name this host runs at once. @defaultValue 5 */
  readonly concurrency?: number;
  /**
   * How long a running job's lock lasts unless renewed (every half of it), and how often stalled jobs are
   * looked for: a host that died leaves its jobs to the others within about twice this. @defaultValue 30
   */
  readonly lockSeconds?: number;
}

export const DEFAULT_PREFIX = 'dutyline';

export function resolveJobQueueSettings<Jobs extends JobMap>(settings: BullMqJobQueueSettings<Jobs>) {
  return {
    ...resolveCommon(settings),
    clock: settings.clock,
    jobNames: checkJobNames(settings.jobNames),
    backoffBaseMs: integerIn(settings.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS, 'backoffBaseMs', {
      min: 1,
      max: 3_600_000,
    }),
    keepFailed: integerIn(settings.keepFailed ?? DEFAULT_KEEP_FAILED, 'keepFailed', { min: 1, max: 100_000 }),
  };
}

export function resolveWorkerHostSettings(settings: BullMqWorkerHostSettings) {
  return {
    ...resolveCommon(settings),
    concurrency: integerIn(settings.concurrency ?? DEFAULT_CONCURRENCY, 'concurrency', { min: 1, max: 1_000 }),
    lockMs: integerIn(settings.lockSeconds ?? 30, 'lockSeconds', { min: 2, max: 3_600 }) * 1000,
  };
}

function resolveCommon(settings: BullMqCommonSettings) {
  const prefix = settings.prefix ?? DEFAULT_PREFIX;
  if (typeof prefix !== 'string' || !/^[A-Za-z0-9._:{}-]{1,100}$/.test(prefix)) {
    invalid('INVALID_PREFIX', 'prefix', 'a key prefix is 1 to 100 letters, digits or . _ : { } -');
  }
  const onError = settings.onError ?? ((error: Error) => console.error('[queue]', error));
  return { prefix, onError };
}
