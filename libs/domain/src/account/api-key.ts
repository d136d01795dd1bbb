import { Id, Instant } from '../shared';
import { Role } from './user';

/** A key for integrations. Only a hash is stored; `prefix` (shown in clear) finds it. */
export interface ApiKey {
  readonly id: Id;
  readonly accountId: Id;
  readonly name: string;
  /** Unique across accounts; the public first characters of the key. */
  readonly prefix: string;
  readonly hash: string;
  readonly role: Role;
  readonly createdAt: Instant;
  readonly revokedAt: Instant | null;
  readonly lastUsedAt: Instant | null;
}
