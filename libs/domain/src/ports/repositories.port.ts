import { CallbackPolicy } from '../callback/callback-policy';
import { Hotline } from '../directory/hotline';
import { Person } from '../directory/person';
import { Team } from '../directory/team';
import { OnCallPattern } from '../schedule/on-call-pattern';
import { ScheduleChange } from '../schedule/schedule-change';
import { Override, Slot } from '../schedule/slot';
import { EmailAddress, Id, Instant, LocalRange, Result } from '../shared';

/*
 * Repositories. Failure contract shared by all of them, unless a method says otherwise:
 * - every read and write is scoped to `accountId`: another account's ids behave exactly as if they
 *   did not exist (reads find nothing, deletes report NOT_FOUND, references are unknown);
 * - input that names something absent from the account (a person on a slot, a slot to update) is
 *   refused with a `ValidationError` carrying a stable `code` and the `field` path; nothing is written;
 * - expected refusals (a number already taken, a person still in use) are `Result` values;
 * - any other rejection means the store is unreachable or failed: nothing was written, try again later.
 */

/** The stored version moved on since it was read: reload, re-apply, retry. */
export class VersionConflictError extends Error {
  override name = 'VersionConflictError';
  readonly code = 'VERSION_CONFLICT';
}

// ---------------------------------------------------------------------------------------------
// Pagination

/** @defaultValue 50 */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/**
 * Forward cursor pagination. `first` outside 1…MAX_PAGE_SIZE is refused (`INVALID_PAGE_SIZE`,
 * field `first`); a cursor this store did not hand out is refused (`INVALID_CURSOR`, field `after`).
 */
export interface PageRequest {
  /** @defaultValue DEFAULT_PAGE_SIZE */
  readonly first?: number;
  /** The `nextCursor` of the previous page; absent for the first page. */
  readonly after?: string | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Pass as `after` to get the next page; null on the last page. */
  readonly nextCursor: string | null;
}

// ---------------------------------------------------------------------------------------------
// Refusals

export interface NotFound {
  readonly code: 'NOT_FOUND';
}

/** What still names a person or a team, so it cannot be deleted yet. */
export interface InUse {
  readonly code: 'IN_USE';
  readonly usedBy: readonly { readonly kind: 'team' | 'hotline' | 'slot' | 'override'; readonly id: Id }[];
}

// ---------------------------------------------------------------------------------------------
// Directory

/** People of an account. Lists are ordered by name (case- and accent-insensitive), then id. */
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

/** Teams of an account. Lists are ordered by name (case- and accent-insensitive), then id. */
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

// ---------------------------------------------------------------------------------------------
// Hotlines

export interface NumberTaken {
  readonly code: 'NUMBER_TAKEN';
}

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

// ---------------------------------------------------------------------------------------------
// Schedule

/** A hotline's slots in some range, with the version of the whole schedule they were read at. */
export interface ScheduleView {
  readonly slots: readonly Slot[];
  readonly version: number;
}

export interface ScheduleRepository {
  /** Slots overlapping the half-open local `range`, ordered by start; undefined for an unknown hotline. */
  slots(accountId: Id, hotlineId: Id, range: LocalRange): Promise<ScheduleView | undefined>;
  /** The slots with these ids (absent ones left out); undefined for an unknown hotline. */
  slotsByIds(accountId: Id, hotlineId: Id, ids: readonly Id[]): Promise<ScheduleView | undefined>;
  /**
   * Applies `change` (updated slots replace the stored ones with their ids) in one transaction if the schedule is still at `expectedVersion`, and returns
   * the new version (one more). Rejects with `VersionConflictError` when another writer got there
   * first: nothing was written; reload, re-apply and retry. `audit` entries are appended in the
   * same transaction. Refused with a ValidationError (nothing written) when the hotline is unknown
   * (`UNKNOWN_HOTLINE`, `hotlineId`), a slot belongs to another hotline (`HOTLINE_MISMATCH`), an added
   * id exists (`DUPLICATE_ID`), an updated or removed id does not (`UNKNOWN_SLOT`), or an assignee is
   * absent from the account (`UNKNOWN_ASSIGNEE`, e.g. `added[0].assignees[1].id`).
   */
  applyChange(
    accountId: Id,
    hotlineId: Id,
    expectedVersion: number,
    change: ScheduleChange,
    options?: { readonly audit?: readonly AuditEntry[] },
  ): Promise<{ version: number }>;

  /** Overrides overlapping the half-open real-time range `[from, to)`, ordered by creation (the last wins). */
  overrides(accountId: Id, hotlineId: Id, from: Instant, to: Instant): Promise<Override[]>;
  /**
   * Creates or replaces an override. Overrides are separate rows and do not move the schedule's
   * version. Unknown hotline or assignee: ValidationError as for `applyChange`.
   */
  saveOverride(accountId: Id, override: Override): Promise<void>;
  /** "Stop now": the override ends at `at` if it would end later; one that had not begun by `at` is removed. */
  endOverride(accountId: Id, hotlineId: Id, id: Id, at: Instant): Promise<Result<void, NotFound>>;
  deleteOverride(accountId: Id, hotlineId: Id, id: Id): Promise<Result<void, NotFound>>;
}

/**
 * Optional ability of a schedule store: the schedule's current version alone, one key lookup,
 * cheaper than reading slots (routing checks it on every call to know whether cached slots are
 * still current). Failure contract: a rejection means the store is unreachable.
 */
export interface ScheduleVersionReader {
  /** The version `applyChange` last returned (0 for a new hotline); undefined for an unknown hotline. */
  scheduleVersion(accountId: Id, hotlineId: Id): Promise<number | undefined>;
}

// ---------------------------------------------------------------------------------------------
// Predefined on-call periods (F5)

/** A predefined on-call period an account saved, e.g. "Winter weeknights". */
export interface StoredPattern extends OnCallPattern {
  readonly id: Id;
  readonly accountId: Id;
}

export interface PatternRepository {
  pattern(accountId: Id, id: Id): Promise<StoredPattern | undefined>;
  /** Ordered by name (case- and accent-insensitive), then id. */
  listPatterns(accountId: Id, page?: PageRequest): Promise<Page<StoredPattern>>;
  /** Creates or replaces the pattern with its windows. */
  savePattern(pattern: StoredPattern): Promise<void>;
  deletePattern(accountId: Id, id: Id): Promise<Result<void, NotFound>>;
}

// ---------------------------------------------------------------------------------------------
// Callback settings (F20)

/** The service whose callback requests follow a policy: a hotline, or a team acting as a service. */
export interface CallbackServiceRef {
  readonly kind: 'hotline' | 'team';
  readonly id: Id;
}

/** A service's callback policy as last saved. */
export interface CallbackSettings {
  readonly accountId: Id;
  readonly service: CallbackServiceRef;
  readonly policy: CallbackPolicy;
  readonly updatedAt: Instant;
}

/** Per-service callback settings; deleting the hotline or team deletes its settings. */
export interface CallbackSettingsRepository {
  callbackSettings(accountId: Id, service: CallbackServiceRef): Promise<CallbackSettings | undefined>;
  /** Creates or replaces the settings of one service; a service absent from the account: `UNKNOWN_SERVICE` at `service.id`. */
  saveCallbackSettings(settings: CallbackSettings): Promise<void>;
  deleteCallbackSettings(accountId: Id, service: CallbackServiceRef): Promise<Result<void, NotFound>>;
}

// ---------------------------------------------------------------------------------------------
// Accounts, users and API keys

export type Role = 'admin' | 'supervisor' | 'member';
export const ROLES: readonly Role[] = ['admin', 'supervisor', 'member'];

/** A tenant: a company running an on-call service. */
export interface Account {
  readonly id: Id;
  readonly name: string;
  readonly createdAt: Instant;
  /** Set by an operator: its users and API keys are refused, its hotlines out of service. Stores return null when in service. */
  readonly disabledAt?: Instant | null;
}

/** An account as the operator lists it. */
export interface AccountSummary {
  readonly account: Account;
  readonly users: number;
  readonly hotlines: number;
}

export interface User {
  readonly id: Id;
  readonly accountId: Id;
  /** Unique per account, compared without regard to case. */
  readonly email: EmailAddress;
  readonly name: string;
  readonly role: Role;
  /** The KDF output with its parameters and salt (e.g. `scrypt$…`); never the password. */
  readonly passwordHash: string;
  readonly createdAt: Instant;
}

export interface EmailTaken {
  readonly code: 'EMAIL_TAKEN';
}

/** A signed-out login token: refused until it would have expired anyway. */
export interface RevokedLoginToken {
  readonly tokenId: Id;
  readonly accountId: Id;
  readonly userId: Id;
  readonly expiresAt: Instant;
}

/** What a login token's user is now, and what ends its sessions. */
export interface LoginSession {
  readonly user: User;
  /** Login tokens issued before this instant are refused (password or role changed); null: none ended. */
  readonly sessionsValidAfter: Instant | null;
  /** The token itself was signed out. */
  readonly tokenRevoked: boolean;
  /** The user's account is disabled. */
  readonly accountDisabled: boolean;
}

export interface AccountRepository {
  /** Rejects (store error) when the id exists. */
  createAccount(account: Account): Promise<void>;
  account(id: Id): Promise<Account | undefined>;
  /** Creates or replaces a user; refused when another user of the account has the same e-mail. */
  saveUser(user: User): Promise<Result<void, EmailTaken>>;
  user(accountId: Id, id: Id): Promise<User | undefined>;
  userByEmail(accountId: Id, email: EmailAddress): Promise<User | undefined>;
  /** For a login that does not name the account: every account's user with this e-mail. */
  usersByEmail(email: EmailAddress): Promise<User[]>;
  /** Ordered by e-mail, then id. */
  listUsers(accountId: Id, page?: PageRequest): Promise<Page<User>>;
  /** Ends every login session of the user issued before `at` (never moves that instant back); `saveUser` leaves it alone. */
  endSessions(accountId: Id, userId: Id, at: Instant): Promise<void>;
  /** Refuses one login token from now on; tokens expired by `now` are forgotten. Revoking twice is harmless. */
  revokeLoginToken(token: RevokedLoginToken, now: Instant): Promise<void>;
  /** The user a login token names and whether the token still holds; undefined when the user is gone. */
  loginSession(accountId: Id, userId: Id, tokenId: Id): Promise<LoginSession | undefined>;
  /** Creates the account and its first user in one transaction; refused when a user of any account has that e-mail. */
  openAccount(account: Account, admin: User): Promise<Result<void, EmailTaken>>;
  /** Every account, oldest first (then by id), with its numbers of users and hotlines. */
  listAccounts(): Promise<AccountSummary[]>;
  /** Disables the account from `at` (an account disabled already keeps its instant), or enables it with null. */
  setAccountDisabled(id: Id, at: Instant | null): Promise<Result<void, NotFound>>;
  /** Deletes the account and every row of it, in one transaction. */
  deleteAccount(id: Id): Promise<Result<void, NotFound>>;
}

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

export interface ApiKeyRepository {
  /** Stores a new key; rejects (store error) when the id or the prefix exists. */
  createApiKey(key: ApiKey): Promise<void>;
  /** The key with this prefix, whatever its account, revoked or not (the caller checks `revokedAt`). */
  apiKeyByPrefix(prefix: string): Promise<ApiKey | undefined>;
  /** The same, with whether the key's account is disabled: what authenticating a request needs, in one read. */
  apiKeyCredential(prefix: string): Promise<{ readonly key: ApiKey; readonly accountDisabled: boolean } | undefined>;
  /** Newest first. */
  apiKeys(accountId: Id): Promise<ApiKey[]>;
  /** Revoking twice keeps the first instant. */
  revokeApiKey(accountId: Id, id: Id, at: Instant): Promise<Result<void, NotFound>>;
  /** Records a use; never moves `lastUsedAt` backwards. Best effort: an absent key is ignored. */
  touchApiKey(accountId: Id, id: Id, at: Instant): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Audit log

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

export interface AuditLog {
  append(entries: readonly AuditEntry[]): Promise<void>;
  /** Newest first (then by id, descending). */
  list(accountId: Id, filter?: AuditFilter, page?: PageRequest): Promise<Page<AuditEntry>>;
}
