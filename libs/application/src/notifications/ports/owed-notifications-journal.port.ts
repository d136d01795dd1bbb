import { NewDelivery } from './delivery-ledger.port';

/**
 * A durable journal local to one process (a file in `DATA_DIR`) of deliveries owed while the database
 * could not take them. The producer appends; its `flushOwed` writes them to the ledger in order, then
 * settles them. Failure contract: `append` rejects only when the local disk refused the write.
 */
export interface OwedNotificationsJournal {
  /** Kept once it resolves (a restart finds it). */
  append(delivery: NewDelivery): Promise<void>;
  /** What is owed, oldest first. */
  owed(): Promise<NewDelivery[]>;
  /** Forgets these ids (written to the ledger). */
  settle(ids: readonly string[]): Promise<void>;
}
