import { Id, NotFound, NumberTaken, Page, PageRequest, Result } from '../shared';
import { Hotline } from './hotline';

/** Hotlines of an account. Failure contract: the repositories' one (shared/repository-refusals.ts). */
export interface HotlineRepository {
  byId(accountId: Id, id: Id): Promise<Hotline | undefined>;
  /** The hotline answering calls to this E.164 number, whatever its account. */
  byNumber(e164: string): Promise<Hotline | undefined>;
  /** Ordered by name (case- and accent-insensitive), then id. */
  list(accountId: Id, page?: PageRequest): Promise<Page<Hotline>>;
  /**
   * Creates or replaces the hotline (a new one starts with an empty schedule at version 0).
   * Refused when another hotline, of any account, answers the same number. A supervisor absent
   * from the account: `UNKNOWN_PERSON` at `supervisorIds[i]`.
   */
  save(hotline: Hotline): Promise<Result<void, NumberTaken>>;
  /** Deletes the hotline with its schedule and overrides. */
  delete(accountId: Id, id: Id): Promise<Result<void, NotFound>>;
}
