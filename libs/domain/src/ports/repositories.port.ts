import { Hotline } from '../directory/hotline';
import { Person } from '../directory/person';
import { Team } from '../directory/team';
import { Override, Slot } from '../schedule/slot';
import { Id, Instant, LocalRange } from '../shared';

/** The stored version moved on since it was read: reload, re-apply, retry. */
export class VersionConflictError extends Error {
  override name = 'VersionConflictError';
  readonly code = 'VERSION_CONFLICT';
}

/**
 * Repositories. Failure contract for all: a rejected promise other than `VersionConflictError` means
 * the store is unreachable or failed; nothing was written; try again later. Every read and write is
 * scoped to `accountId`: another account's ids behave as if they did not exist.
 */
export interface DirectoryRepository {
  people(accountId: Id): Promise<Person[]>;
  teams(accountId: Id): Promise<Team[]>;
  savePerson(person: Person): Promise<void>;
  saveTeam(team: Team): Promise<void>;
}

export interface HotlineRepository {
  byId(accountId: Id, id: Id): Promise<Hotline | undefined>;
  /** The hotline answering calls to this E.164 number, whatever its account. */
  byNumber(e164: string): Promise<Hotline | undefined>;
  save(hotline: Hotline): Promise<void>;
}

export interface ScheduleRepository {
  /** Slots overlapping `range`, and the schedule's version. */
  slots(accountId: Id, hotlineId: Id, range: LocalRange): Promise<{ slots: Slot[]; version: number }>;
  overrides(accountId: Id, hotlineId: Id, from: Instant, to: Instant): Promise<Override[]>;
  /** Applies a change if the schedule is still at `expectedVersion`; rejects with VersionConflictError otherwise. */
  applyChange(
    accountId: Id,
    hotlineId: Id,
    expectedVersion: number,
    change: { added: readonly Slot[]; updated: readonly Slot[]; removedIds: readonly Id[] },
  ): Promise<{ version: number }>;
  saveOverride(accountId: Id, override: Override): Promise<void>;
  deleteOverride(accountId: Id, hotlineId: Id, id: Id): Promise<void>;
}
