/** What a fake does when asked while its backing service is out. */
export type OutageMode = 'up' | 'down' | 'hanging';

/** The backing service could not be reached (a fake's simulated failure). */
export class ServiceUnavailableError extends Error {
  override name = 'ServiceUnavailableError';
}

/**
 * A switch a test flips to make a fake fail (`down`: rejects at once) or never answer (`hanging`:
 * the promise stays pending, as a database behind a dropped connection does).
 */
export class Outage {
  mode: OutageMode = 'up';
  /** Operations asked while not up, in order, for assertions. */
  readonly refused: string[] = [];

  /** Resolves when up; otherwise fails or hangs as the mode says. */
  pass(operation: string): Promise<void> {
    if (this.mode === 'up') return Promise.resolve();
    this.refused.push(operation);
    if (this.mode === 'down') return Promise.reject(new ServiceUnavailableError(`${operation}: service unavailable`));
    return new Promise<void>(() => undefined);
  }
}
