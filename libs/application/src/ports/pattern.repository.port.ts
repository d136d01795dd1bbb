import { Id, NotFound, OnCallPattern, Page, PageRequest, Result } from '@dutyline/domain';

/** A predefined on-call period an account saved (F5), e.g. "Winter weeknights". */
export interface StoredPattern extends OnCallPattern {
  readonly id: Id;
  readonly accountId: Id;
}

/**
 * An account's predefined periods. Failure contract as for the domain repositories: every call is
 * scoped to `accountId` (another account's ids behave as absent); any rejection means the store
 * failed and nothing was written.
 */
export interface PatternRepository {
  pattern(accountId: Id, id: Id): Promise<StoredPattern | undefined>;
  /** Ordered by name (case- and accent-insensitive), then id; page rules as `PageRequest` says. */
  listPatterns(accountId: Id, page?: PageRequest): Promise<Page<StoredPattern>>;
  /** Creates or replaces the pattern with its windows. */
  savePattern(pattern: StoredPattern): Promise<void>;
  deletePattern(accountId: Id, id: Id): Promise<Result<void, NotFound>>;
}
