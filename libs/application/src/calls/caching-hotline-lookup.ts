import { Clock, Hotline, Instant } from '@dutyline/domain';
import { BoundedMap } from './bounded-map';
import { HotlineLookup } from './ports';

export interface CachingHotlineLookupOptions {
  /** How long an answer (a hotline, or none) is reused. @defaultValue 1000 */
  readonly ttlMs?: number;
  /** How many numbers are remembered. @defaultValue 10000 */
  readonly capacity?: number;
}

/**
 * A `HotlineLookup` over any source (the hotline repository's `byNumber`): answers are reused for
 * `ttlMs`, so a hotline edited on any instance is followed by the next call within that time;
 * concurrent lookups of one number share one read; when the source fails, the last answer is
 * served however old it is (stale beats silence), and the failure is passed on only when none is known.
 */
export class CachingHotlineLookup implements HotlineLookup {
  private readonly answers: BoundedMap<string, { hotline: Hotline | undefined; at: Instant }>;
  private readonly reading = new Map<string, Promise<Hotline | undefined>>();
  private readonly ttlMs: number;

  constructor(
    private readonly source: (e164: string) => Promise<Hotline | undefined>,
    private readonly clock: Clock,
    options: CachingHotlineLookupOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 1000;
    this.answers = new BoundedMap(options.capacity ?? 10_000);
  }

  byNumber(e164: string): Promise<Hotline | undefined> {
    const cached = this.answers.get(e164);
    if (cached && this.clock.now() - cached.at < this.ttlMs) return Promise.resolve(cached.hotline);
    const pending = this.reading.get(e164);
    if (pending) return pending;
    const read = this.read(e164).finally(() => this.reading.delete(e164));
    this.reading.set(e164, read);
    return read;
  }

  /** Forgets one number (or all): the next call reads the source. */
  invalidate(e164?: string): void {
    if (e164 === undefined) this.answers.clear();
    else this.answers.delete(e164);
  }

  private async read(e164: string): Promise<Hotline | undefined> {
    try {
      const hotline = await this.source(e164);
      this.answers.set(e164, { hotline, at: this.clock.now() });
      return hotline;
    } catch (error) {
      const stale = this.answers.get(e164);
      if (stale) return stale.hotline;
      throw error;
    }
  }
}
