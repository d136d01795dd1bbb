import { Id, InUse, NotFound, Page, PageRequest, Result } from '../shared';
import { Person } from './person';

/**
 * People of an account. Lists are ordered by name (case- and accent-insensitive), then id.
 * Failure contract: the repositories' one (shared/repository-refusals.ts).
 */
export interface PersonRepository {
  person(accountId: Id, id: Id): Promise<Person | undefined>;
  /** One batch for many ids (a week view): in the order asked, absent ids left out, duplicates once. */
  peopleByIds(accountId: Id, ids: readonly Id[]): Promise<Person[]>;
  listPeople(accountId: Id, page?: PageRequest): Promise<Page<Person>>;
  /** Creates or replaces the person and their numbers, in order. */
  savePerson(person: Person): Promise<void>;
  /** Refused while a team, a hotline (as supervisor), a slot or an override names the person. */
  deletePerson(accountId: Id, id: Id): Promise<Result<void, NotFound | InUse>>;
}
