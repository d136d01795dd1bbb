import { Id, Instant, Page, PageRequest } from '../shared';

/** Plain JSON: what `before`/`after` of an audit entry may hold. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export interface AuditActor {
  readonly kind: 'user' | 'api-key' | 'system';
  /** The user or key id; null for the system. */
  readonly id: Id | null;
}

/** Who changed what, when, from what to what. */
export interface AuditEntry {
  readonly id: Id;
  readonly accountId: Id;
  readonly actor: AuditActor;
  /** e.g. `slot.moved`, `person.deleted` */
  readonly action: string;
  /** e.g. `slot`, `person`, `hotline` */
  readonly entityType: string;
  readonly entityId: Id;
  readonly before: JsonValue;
  readonly after: JsonValue;
  readonly at: Instant;
}

export interface AuditFilter {
  readonly entityType?: string;
  readonly entityId?: Id;
  readonly actorId?: Id;
  readonly action?: string;
  /** Entries at or after this instant. */
  readonly from?: Instant;
  /** Entries before this instant. */
  readonly to?: Instant;
}

/** Failure contract: the repositories' one (shared/repository-refusals.ts). */
export interface AuditLog {
  append(entries: readonly AuditEntry[]): Promise<void>;
  /** Newest first (then by id, descending). */
  list(accountId: Id, filter?: AuditFilter, page?: PageRequest): Promise<Page<AuditEntry>>;
}
