import { FailedJobsQuery, Instant, JobOptions, assertInstant, invalid } from '@dutyline/domain';

// The rules both implementations share, so they behave alike: names, ids, attempts, delays, backoff.

export const DEFAULT_ATTEMPTS = 5;
export const DEFAULT_BACKOFF_BASE_MS = 2_000;
export const DEFAULT_CONCURRENCY = 5;
export const DEFAULT_KEEP_FAILED = 1_000;
export const DEFAULT_FAILED_LIMIT = 50;
export const MAX_ATTEMPTS = 100;
export const MAX_JOB_ID_LENGTH = 512;

/** Also a BullMQ queue name, so never a ':'. */
const JOB_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export function checkJobName(name: unknown, field: string): string {
  if (typeof name !== 'string' || !JOB_NAME.test(name)) {
    invalid(
      'INVALID_JOB_NAME',
      field,
      'a job name is 1 to 100 letters, digits, ".", "_" or "-", starting with a letter or digit',
    );
  }
  return name;
}

export function checkJobNames(names: readonly unknown[] | undefined, field = 'jobNames'): readonly string[] {
  if (!Array.isArray(names) || names.length === 0) invalid('REQUIRED', field, 'name at least one job');
  const seen = new Set<string>();
  names.forEach((name, i) => {
    const checked = checkJobName(name, `${field}[${i}]`);
    if (seen.has(checked)) invalid('DUPLICATE_JOB_NAME', `${field}[${i}]`, `"${checked}" is named twice`);
    seen.add(checked);
  });
  return [...seen];
}

/** A job as the implementations store it: options checked, payload as JSON. */
export interface PlannedJob {
  readonly jobId: string;
  readonly attempts: number;
  /** 0 when due now or in the past. */
  readonly delayMs: number;
  readonly payloadJson: string;
}

/** Checks one `enqueue` call against the names the queue serves. */
export function planJob(
  knownNames: readonly string[],
  { name, payload, options }: { readonly name: string; readonly payload: unknown; readonly options: JobOptions },
  now: Instant,
): PlannedJob {
  if (!knownNames.includes(name))
    invalid('UNKNOWN_JOB_NAME', 'name', `this queue serves ${knownNames.join(', ')}, not "${name}"`);
  const { jobId, runAt, attempts = DEFAULT_ATTEMPTS } = options ?? ({} as JobOptions);
  if (typeof jobId !== 'string' || jobId.length === 0 || jobId.length > MAX_JOB_ID_LENGTH) {
    invalid('INVALID_JOB_ID', 'jobId', `a job id is a non-empty string of at most ${MAX_JOB_ID_LENGTH} characters`);
  }
  integerIn(attempts, 'attempts', { min: 1, max: MAX_ATTEMPTS });
  if (runAt !== undefined) assertInstant(runAt, 'runAt');
  return { jobId, attempts, delayMs: runAt === undefined ? 0 : Math.max(0, runAt - now), payloadJson: toJson(payload) };
}

function toJson(payload: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(payload);
  } catch {
    json = undefined;
  }
  if (json === undefined)
    invalid('INVALID_PAYLOAD', 'payload', 'a job payload must be JSON (no undefined, functions, BigInt or cycles)');
  return json;
}

/** The wait before retry number `attemptsMade` (1 after the first failure): base, 2 × base, 4 × base… */
export function backoffDelay(baseMs: number, attemptsMade: number): number {
  return Math.round(baseMs * 2 ** (attemptsMade - 1));
}

/** The names to look at and how many failures to return. */
export function checkFailedJobsQuery(
  knownNames: readonly string[],
  query: FailedJobsQuery = {},
): { names: readonly string[]; limit: number } {
  const limit = integerIn(query.limit ?? DEFAULT_FAILED_LIMIT, 'limit', { min: 1, max: DEFAULT_KEEP_FAILED });
  if (query.name === undefined) return { names: knownNames, limit };
  return { names: knownNames.includes(query.name) ? [query.name] : [], limit };
}

export function integerIn(value: unknown, field: string, { min, max }: { min: number; max: number }): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    invalid('OUT_OF_RANGE', field, `${field} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/** What a failed job shows as its reason. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
