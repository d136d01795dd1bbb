import { type ChangeLog, type LoggedChange, TimeBudget, systemTimer } from '@dutyline/application';
import type { Clock } from '@dutyline/domain';
import { InvalidationBus } from './invalidation-bus';

export interface ChangeLogBusOptions {
  /** How often the log is read for changes the bus may have missed. */
  readonly checkEveryMs: number;
  /** How long one read or write of the log may take. @defaultValue the smaller of checkEveryMs and 1000 */
  readonly timeoutMs?: number;
  /** How long a change stays in the log. @defaultValue 10 minutes */
  readonly keepMs?: number;
  readonly onError: (error: unknown) => void;
}

/** The bus doubled, the log doubling it, and when and how the log is read. */
export interface ChangeLogBusParts extends ChangeLogBusOptions {
  readonly bus: InvalidationBus;
  readonly log: ChangeLog;
  readonly clock: Clock;
}

/**
 * A bus (Redis pub/sub) doubled by the database's change log: every topic published is also written
 * to the log, and the log is read every `checkEveryMs` for what came after the last change seen, each
 * topic then delivered to this process's handlers. A connection to Redis that went silent without
 * closing (the bus still thinks it is live) or a publisher that could not reach Redis thus delays a
 * change by one check at most, as long as this instance reads the database. A topic delivered twice
 * (bus and log) only drops a cache entry twice.
 * Failure contract: `publish` rejects only when neither the bus nor the log took the topic.
 */
export class ChangeLogBus implements InvalidationBus {
  private readonly handlers = new Set<(topic: string) => void>();
  private readonly timeoutMs: number;
  private readonly keepMs: number;
  private lastSeen: number | null = null;
  private checking: Promise<void> | undefined;
  private lastPurge = 0;
  private readonly timer: NodeJS.Timeout;

  private readonly bus: InvalidationBus;
  private readonly log: ChangeLog;
  private readonly clock: Clock;
  private readonly options: ChangeLogBusOptions;

  constructor(parts: ChangeLogBusParts) {
    const { bus, log, clock, ...options } = parts;
    this.bus = bus;
    this.log = log;
    this.clock = clock;
    this.options = options;
    this.timeoutMs = options.timeoutMs ?? Math.min(options.checkEveryMs, 1000);
    this.keepMs = options.keepMs ?? 10 * 60_000;
    this.timer = setInterval(() => void this.check(), options.checkEveryMs);
    this.timer.unref();
  }

  get live(): boolean {
    return this.bus.live;
  }

  /** Reads where the log stands, so only later changes are delivered. */
  async start(): Promise<void> {
    await this.check();
  }

  async publish(topic: string): Promise<void> {
    const [bus, log] = await Promise.allSettled([
      this.bus.publish(topic),
      this.within(this.log.append([topic], this.clock.now())),
    ]);
    if (bus.status === 'rejected' && log.status === 'rejected') throw bus.reason;
    if (log.status === 'rejected') this.options.onError(log.reason);
  }

  subscribe(handler: (topic: string) => void): () => void {
    const off = this.bus.subscribe(handler);
    this.handlers.add(handler);
    return () => {
      off();
      this.handlers.delete(handler);
    };
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
    this.handlers.clear();
    await this.bus.close();
  }

  /** One read of the log (a check already running is shared). */
  check(): Promise<void> {
    this.checking ??= this.readLog()
      .catch(this.options.onError)
      .finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async readLog(): Promise<void> {
    if (this.lastSeen === null) {
      this.lastSeen = await this.within(this.log.latest());
      return;
    }
    for (let after: number = this.lastSeen; ;) {
      const changes: LoggedChange[] = await this.within(this.log.since(after, 500));
      for (const { seq, topic } of changes) {
        after = this.lastSeen = seq;
        for (const handler of [...this.handlers]) handler(topic);
      }
      if (changes.length < 500) break;
    }
    const now = this.clock.now();
    if (now - this.lastPurge > this.keepMs / 10) {
      this.lastPurge = now;
      await this.within(this.log.purge(now - this.keepMs));
    }
  }

  private within<T>(work: Promise<T>): Promise<T> {
    const budget = new TimeBudget(systemTimer, this.timeoutMs);
    return budget.run('the change log', () => work).finally(() => budget.close());
  }
}
