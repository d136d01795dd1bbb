import { Id, InUse, NotFound, Page, PageRequest, Result } from '../shared';
import { Team } from './team';

/**
 * Teams of an account. Lists are ordered by name (case- and accent-insensitive), then id.
 * Failure contract: the repositories' one (shared/repository-refusals.ts).
 */
export interface TeamRepository {
  team(accountId: Id, id: Id): Promise<Team | undefined>;
  /** One batch for many ids: in the order asked, absent ids left out, duplicates once. */
  teamsByIds(accountId: Id, ids: readonly Id[]): Promise<Team[]>;
  listTeams(accountId: Id, page?: PageRequest): Promise<Page<Team>>;
  /** Creates or replaces the team and its members, in order. A member absent from the account: `UNKNOWN_PERSON` at `memberIds[i]`. */
  saveTeam(team: Team): Promise<void>;
  /** Refused while a slot or an override names the team. */
  deleteTeam(accountId: Id, id: Id): Promise<Result<void, NotFound | InUse>>;
}
