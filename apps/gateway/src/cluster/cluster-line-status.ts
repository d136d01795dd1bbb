import type { LineStatus } from '@dutyline/application';
import type { AccountRepository, Clock, Id } from '@dutyline/domain';
import type { CacheShedding } from './heap-pressure';
import { InvalidatedCache } from './invalidated-cache';
import { InvalidationBus, accountTopic } from './invalidation-bus';

/**
 * How long an account's state is trusted without Redis. The `account` command runs in a process of its
 * own: with Redis it announces `account:<id>` like any change; without Redis nothing reaches this
 * gateway, so the state is read again this often (one primary-key read per account, not per call).
 */
export const EMBEDDED_LINE_STATUS_MAX_AGE_MS = 2000;

/**
 * Whether an account is disabled, read once and kept until `account:<id>` is announced on any
 * instance (60 s at most; `maxAgeMs` when this process cannot hear other processes). When the
 * store fails, the last answer is served however old; with none, the call is routed.
 */
export class ClusterLineStatus implements LineStatus {
  private readonly cache: InvalidatedCache<boolean>;

  private readonly accounts: Pick<AccountRepository, 'account'>;

  constructor(parts: {
    readonly accounts: Pick<AccountRepository, 'account'>;
    readonly bus: InvalidationBus;
    readonly clock: Clock;
    /** How long an answer is trusted while the bus is live. @defaultValue 60000 */
    readonly maxAgeMs?: number;
    /** Accounts kept. @defaultValue 10000 */
    readonly capacity?: number;
    readonly shedding?: CacheShedding;
  }) {
    this.accounts = parts.accounts;
    const { maxAgeMs, capacity, shedding } = parts;
    this.cache = new InvalidatedCache(parts.bus, parts.clock, { maxAgeMs, capacity, shedding });
  }

  outOfService(accountId: Id): Promise<boolean> {
    return this.cache.getOrRead(accountId, async () => {
      const account = await this.accounts.account(accountId);
      return { value: account?.disabledAt != null, topics: [accountTopic(accountId)] };
    });
  }

  close(): void {
    this.cache.close();
  }
}
