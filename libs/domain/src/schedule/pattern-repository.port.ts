import { Id, NotFound, Page, PageRequest, Result } from '../shared';
import { OnCallPattern } from './on-call-pattern';

/** A predefined on-call period (F5) an account saved, e.g. "Winter weeknights". */
export interface StoredPattern extends OnCallPattern {
  readonly id: Id;
  readonly accountId: Id;
}

/** Failure contract: the repositories' one (shared/repository-refusals.ts). */
export interface PatternRepository {
  pattern(accountId: Id, id: Id): Promise<StoredPattern | undefined>;
  /** Ordered by name (case- and accent-insensitive), then id. */
  listPatterns(accountId: Id, page?: PageRequest): Promise<Page<StoredPattern>>;
  /** Creates or replaces the pattern with its windows. */
  savePattern(pattern: StoredPattern): Promise<void>;
  deletePattern(accountId: Id, id: Id): Promise<Result<void, NotFound>>;
}
