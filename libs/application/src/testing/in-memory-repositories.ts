import {
  Account,
  AccountRepository,
  AccountSummary,
  ApiKey,
  ApiKeyRepository,
  AssigneeRef,
  AuditEntry,
  AuditFilter,
  AuditLog,
  CallbackServiceRef,
  CallbackSettings,
  CallbackSettingsRepository,
  EmailAddress,
  EmailTaken,
  Hotline,
  HotlineRepository,
  Id,
  InUse,
  Instant,
  LocalRange,
  LoginSession,
  NotFound,
  NumberTaken,
  Override,
  Page,
  PageRequest,
  PatternRepository,
  Person,
  PersonRepository,
  Result,
  RevokedLoginToken,
  ScheduleChange,
  ScheduleRepository,
  ScheduleVersionReader,
  ScheduleView,
  Slot,
  StoredPattern,
  Team,
  TeamRepository,
  User,
  VersionConflictError,
  err,
  invalid,
  ok,
} from '@dutyline/domain';
import { InMemoryDatabase, pageOf, rowKey, rowsOf, sortName } from './in-memory-database';

interface ScheduleRows {
  version: number;
  readonly slots: Map<Id, Slot>;
  readonly overrides: Map<Id, Override>;
}

const NOT_FOUND: NotFound = { code: 'NOT_FOUND' };
const byName = (x: { name: string; id: string }) => ({ sort: sortName(x.name), id: x.id });

/** Table access shared by the fakes. */
abstract class InMemoryRepository {
  constructor(protected readonly db: InMemoryDatabase) {}

  protected called(name: string): void {
    this.db.calls.push(`${this.constructor.name.replace(/^InMemory|Repository$/g, '')}.${name}`);
  }

  protected get people() {
    return this.db.table<Person>('people');
  }
  protected get teams() {
    return this.db.table<Team>('teams');
  }
  protected get hotlines() {
    return this.db.table<Hotline>('hotlines');
  }
  protected get schedules() {
    return this.db.table<ScheduleRows>('schedules');
  }

  /** What still names a person or a team. */
  protected usesOf(accountId: Id, ref: AssigneeRef): InUse['usedBy'] {
    const named = (list: readonly AssigneeRef[]) => list.some((a) => a.kind === ref.kind && a.id === ref.id);
    const usedBy: { kind: 'team' | 'hotline' | 'slot' | 'override'; id: Id }[] = [];
    if (ref.kind === 'person') {
      for (const t of rowsOf(this.teams, accountId))
        if (t.memberIds.includes(ref.id)) usedBy.push({ kind: 'team', id: t.id });
      for (const h of rowsOf(this.hotlines, accountId))
        if (h.supervisorIds.includes(ref.id)) usedBy.push({ kind: 'hotline', id: h.id });
    }
    for (const schedule of rowsOf(this.schedules, accountId)) {
      for (const s of schedule.slots.values()) if (named(s.assignees)) usedBy.push({ kind: 'slot', id: s.id });
      for (const o of schedule.overrides.values()) if (named(o.assignees)) usedBy.push({ kind: 'override', id: o.id });
    }
    return usedBy;
  }

  protected assertAssigneesKnown(accountId: Id, assignees: readonly AssigneeRef[], field: string): void {
    assignees.forEach((a, i) => {
      const table = a.kind === 'person' ? this.people : this.teams;
      if (!table.has(rowKey(accountId, a.id)))
        invalid('UNKNOWN_ASSIGNEE', `${field}[${i}].id`, `no ${a.kind} ${a.id} in this account`);
    });
  }

  protected assertPeopleKnown(accountId: Id, ids: readonly Id[], field: string): void {
    ids.forEach((id, i) => {
      if (!this.people.has(rowKey(accountId, id)))
        invalid('UNKNOWN_PERSON', `${field}[${i}]`, `no person ${id} in this account`);
    });
  }
}

const byIdsInOrder = <T>(table: Map<string, T>, accountId: Id, ids: readonly Id[]): T[] =>
  [...new Set(ids)].map((id) => table.get(rowKey(accountId, id))).filter((x): x is T => x !== undefined);

export class InMemoryPersonRepository extends InMemoryRepository implements PersonRepository {
  async person(accountId: Id, id: Id): Promise<Person | undefined> {
    this.called('person');
    return this.people.get(rowKey(accountId, id));
  }

  async peopleByIds(accountId: Id, ids: readonly Id[]): Promise<Person[]> {
    this.called('peopleByIds');
    return byIdsInOrder(this.people, accountId, ids);
  }

  async listPeople(accountId: Id, page?: PageRequest): Promise<Page<Person>> {
    this.called('listPeople');
    return pageOf(rowsOf(this.people, accountId), page, byName);
  }

  async savePerson(person: Person): Promise<void> {
    this.called('savePerson');
    this.people.set(rowKey(person.accountId, person.id), person);
  }

  async deletePerson(accountId: Id, id: Id): Promise<Result<void, NotFound | InUse>> {
    this.called('deletePerson');
    if (!this.people.has(rowKey(accountId, id))) return err(NOT_FOUND);
    const usedBy = this.usesOf(accountId, { kind: 'person', id });
    if (usedBy.length > 0) return err({ code: 'IN_USE', usedBy });
    this.people.delete(rowKey(accountId, id));
    return ok(undefined);
  }
}

export class InMemoryTeamRepository extends InMemoryRepository implements TeamRepository {
  async team(accountId: Id, id: Id): Promise<Team | undefined> {
    this.called('team');
    return this.teams.get(rowKey(accountId, id));
  }

  async teamsByIds(accountId: Id, ids: readonly Id[]): Promise<Team[]> {
    this.called('teamsByIds');
    return byIdsInOrder(this.teams, accountId, ids);
  }

  async listTeams(accountId: Id, page?: PageRequest): Promise<Page<Team>> {
    this.called('listTeams');
    return pageOf(rowsOf(this.teams, accountId), page, byName);
  }

  async saveTeam(team: Team): Promise<void> {
    this.called('saveTeam');
    this.assertPeopleKnown(team.accountId, team.memberIds, 'memberIds');
    this.teams.set(rowKey(team.accountId, team.id), team);
  }

  async deleteTeam(accountId: Id, id: Id): Promise<Result<void, NotFound | InUse>> {
    this.called('deleteTeam');
    if (!this.teams.has(rowKey(accountId, id))) return err(NOT_FOUND);
    const usedBy = this.usesOf(accountId, { kind: 'team', id });
    if (usedBy.length > 0) return err({ code: 'IN_USE', usedBy });
    this.teams.delete(rowKey(accountId, id));
    this.db.table<CallbackSettings>('callbackSettings').delete(rowKey(accountId, `team:${id}`));
    return ok(undefined);
  }
}

export class InMemoryHotlineRepository extends InMemoryRepository implements HotlineRepository {
  async byId(accountId: Id, id: Id): Promise<Hotline | undefined> {
    this.called('byId');
    return this.hotlines.get(rowKey(accountId, id));
  }

  async byNumber(e164: string): Promise<Hotline | undefined> {
    this.called('byNumber');
    return [...this.hotlines.values()].find((h) => h.number.e164 === e164);
  }

  async list(accountId: Id, page?: PageRequest): Promise<Page<Hotline>> {
    this.called('list');
    return pageOf(rowsOf(this.hotlines, accountId), page, byName);
  }

  async save(hotline: Hotline): Promise<Result<void, NumberTaken>> {
    this.called('save');
    this.assertPeopleKnown(hotline.accountId, hotline.supervisorIds, 'supervisorIds');
    const taken = [...this.hotlines.values()].some(
      (h) => h.number.equals(hotline.number) && !(h.accountId === hotline.accountId && h.id === hotline.id),
    );
    if (taken) return err({ code: 'NUMBER_TAKEN' });
    const key = rowKey(hotline.accountId, hotline.id);
    this.hotlines.set(key, hotline);
    if (!this.schedules.has(key)) this.schedules.set(key, { version: 0, slots: new Map(), overrides: new Map() });
    return ok(undefined);
  }

  async delete(accountId: Id, id: Id): Promise<Result<void, NotFound>> {
    this.called('delete');
    const key = rowKey(accountId, id);
    if (!this.hotlines.delete(key)) return err(NOT_FOUND);
    this.schedules.delete(key);
    this.db.table<CallbackSettings>('callbackSettings').delete(rowKey(accountId, `hotline:${id}`));
    return ok(undefined);
  }
}

const overlapsLocal = (s: Slot, range: LocalRange) => s.start.wall < range.end.wall && range.start.wall < s.end.wall;
const byStart = (a: Slot, b: Slot) => a.start.wall - b.start.wall || a.end.wall - b.end.wall;

/** Slots, overrides and the schedule's version; the optional version reader of routing too. */
export class InMemoryScheduleRepository
  extends InMemoryRepository
  implements ScheduleRepository, ScheduleVersionReader
{
  private interleaved: (() => Promise<void> | void)[] = [];

  /**
   * Runs `write` inside the next `applyChange`, after the caller read its version and before the
   * version is checked: another writer getting there first, as under real contention.
   */
  interleave(write: () => Promise<void> | void): void {
    this.interleaved.push(write);
  }

  async slots(accountId: Id, hotlineId: Id, range: LocalRange): Promise<ScheduleView | undefined> {
    this.called('slots');
    const rows = this.schedules.get(rowKey(accountId, hotlineId));
    return (
      rows && {
        slots: [...rows.slots.values()].filter((s) => overlapsLocal(s, range)).sort(byStart),
        version: rows.version,
      }
    );
  }

  async slotsByIds(accountId: Id, hotlineId: Id, ids: readonly Id[]): Promise<ScheduleView | undefined> {
    this.called('slotsByIds');
    const rows = this.schedules.get(rowKey(accountId, hotlineId));
    return (
      rows && {
        slots: ids.map((id) => rows.slots.get(id)).filter((s): s is Slot => s !== undefined),
        version: rows.version,
      }
    );
  }

  async scheduleVersion(accountId: Id, hotlineId: Id): Promise<number | undefined> {
    this.called('scheduleVersion');
    return this.schedules.get(rowKey(accountId, hotlineId))?.version;
  }

  async applyChange(
    accountId: Id,
    hotlineId: Id,
    expectedVersion: number,
    change: ScheduleChange,
    options?: { readonly audit?: readonly AuditEntry[] },
  ): Promise<{ version: number }> {
    this.called('applyChange');
    const other = this.interleaved.shift();
    if (other) await other();
    const rows = this.schedules.get(rowKey(accountId, hotlineId));
    if (!rows) return invalid('UNKNOWN_HOTLINE', 'hotlineId', `no hotline ${hotlineId} in this account`);
    if (rows.version !== expectedVersion)
      throw new VersionConflictError(`schedule of ${hotlineId} is at version ${rows.version}, not ${expectedVersion}`);
    const check = (slots: readonly Slot[], field: string, mustExist: boolean) =>
      slots.forEach((s, i) => {
        if (s.hotlineId !== hotlineId)
          invalid('HOTLINE_MISMATCH', `${field}[${i}].hotlineId`, `slot ${s.id} belongs to hotline ${s.hotlineId}`);
        if (rows.slots.has(s.id) !== mustExist)
          invalid(mustExist ? 'UNKNOWN_SLOT' : 'DUPLICATE_ID', `${field}[${i}].id`, `slot ${s.id}`);
        this.assertAssigneesKnown(accountId, s.assignees, `${field}[${i}].assignees`);
      });
    check(change.added, 'added', false);
    check(change.updated, 'updated', true);
    change.removedIds.forEach((id, i) => {
      if (!rows.slots.has(id)) invalid('UNKNOWN_SLOT', `removedIds[${i}]`, `no slot ${id}`);
    });
    for (const id of change.removedIds) rows.slots.delete(id);
    for (const s of [...change.updated, ...change.added]) rows.slots.set(s.id, s);
    rows.version += 1;
    const audit = this.db.table<AuditEntry>('audit');
    for (const entry of options?.audit ?? []) audit.set(String(audit.size), entry);
    return { version: rows.version };
  }

  async overrides(accountId: Id, hotlineId: Id, from: Instant, to: Instant): Promise<Override[]> {
    this.called('overrides');
    const rows = this.schedules.get(rowKey(accountId, hotlineId));
    return rows ? [...rows.overrides.values()].filter((o) => o.start < to && from < o.end) : [];
  }

  async saveOverride(accountId: Id, override: Override): Promise<void> {
    this.called('saveOverride');
    const rows = this.schedules.get(rowKey(accountId, override.hotlineId));
    if (!rows) return invalid('UNKNOWN_HOTLINE', 'hotlineId', `no hotline ${override.hotlineId} in this account`);
    this.assertAssigneesKnown(accountId, override.assignees, 'assignees');
    rows.overrides.delete(override.id);
    rows.overrides.set(override.id, override);
  }

  async endOverride(accountId: Id, hotlineId: Id, id: Id, at: Instant): Promise<Result<void, NotFound>> {
    this.called('endOverride');
    const rows = this.schedules.get(rowKey(accountId, hotlineId));
    const current = rows?.overrides.get(id);
    if (!rows || !current) return err(NOT_FOUND);
    if (at <= current.start) rows.overrides.delete(id);
    else if (at < current.end) rows.overrides.set(id, { ...current, end: at });
    return ok(undefined);
  }

  async deleteOverride(accountId: Id, hotlineId: Id, id: Id): Promise<Result<void, NotFound>> {
    this.called('deleteOverride');
    const rows = this.schedules.get(rowKey(accountId, hotlineId));
    return rows?.overrides.delete(id) ? ok(undefined) : err(NOT_FOUND);
  }
}

export class InMemoryAuditLog extends InMemoryRepository implements AuditLog {
  async append(entries: readonly AuditEntry[]): Promise<void> {
    this.called('append');
    const table = this.db.table<AuditEntry>('audit');
    for (const entry of entries) table.set(String(table.size), entry);
  }

  async list(accountId: Id, filter: AuditFilter = {}, page?: PageRequest): Promise<Page<AuditEntry>> {
    this.called('list');
    const matches = this.entries(accountId).filter(
      (e) =>
        (filter.entityType === undefined || e.entityType === filter.entityType) &&
        (filter.entityId === undefined || e.entityId === filter.entityId) &&
        (filter.actorId === undefined || e.actor.id === filter.actorId) &&
        (filter.action === undefined || e.action === filter.action) &&
        (filter.from === undefined || e.at >= filter.from) &&
        (filter.to === undefined || e.at < filter.to),
    );
    return pageOf(matches, page, (e) => ({ sort: e.at, id: e.id }), true);
  }

  /** Every entry of the account, oldest first: what tests read. */
  entries(accountId: Id): AuditEntry[] {
    return [...this.db.table<AuditEntry>('audit').values()].filter((e) => e.accountId === accountId);
  }
}

export class InMemoryAccountRepository extends InMemoryRepository implements AccountRepository {
  private get accounts() {
    return this.db.table<Account>('accounts');
  }
  private get users() {
    return this.db.table<User>('users');
  }

  async createAccount(account: Account): Promise<void> {
    this.called('createAccount');
    if (this.accounts.has(account.id)) throw new Error(`account ${account.id} exists`);
    this.accounts.set(account.id, account);
  }

  async account(id: Id): Promise<Account | undefined> {
    this.called('account');
    const account = this.accounts.get(id);
    return account && { ...account, disabledAt: account.disabledAt ?? null };
  }

  async openAccount(account: Account, admin: User): Promise<Result<void, EmailTaken>> {
    this.called('openAccount');
    if ([...this.users.values()].some((u) => u.email.value.toLowerCase() === admin.email.value.toLowerCase()))
      return err({ code: 'EMAIL_TAKEN' });
    if (this.accounts.has(account.id)) throw new Error(`account ${account.id} exists`);
    this.accounts.set(account.id, account);
    this.users.set(rowKey(admin.accountId, admin.id), admin);
    return ok(undefined);
  }

  async listAccounts(): Promise<AccountSummary[]> {
    this.called('listAccounts');
    return [...this.accounts.values()]
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
      .map((a) => ({
        account: { ...a, disabledAt: a.disabledAt ?? null },
        users: rowsOf(this.users, a.id).length,
        hotlines: rowsOf(this.hotlines, a.id).length,
      }));
  }

  async setAccountDisabled(id: Id, at: Instant | null): Promise<Result<void, NotFound>> {
    this.called('setAccountDisabled');
    const account = this.accounts.get(id);
    if (!account) return err(NOT_FOUND);
    this.accounts.set(id, { ...account, disabledAt: at === null ? null : (account.disabledAt ?? at) });
    return ok(undefined);
  }

  async deleteAccount(id: Id): Promise<Result<void, NotFound>> {
    this.called('deleteAccount');
    if (!this.accounts.delete(id)) return err(NOT_FOUND);
    for (const table of this.db.rows.values())
      for (const key of [...table.keys()]) if (key.startsWith(`${id}\u0000`)) table.delete(key);
    return ok(undefined);
  }

  async saveUser(user: User): Promise<Result<void, EmailTaken>> {
    this.called('saveUser');
    const clash = rowsOf(this.users, user.accountId).some(
      (u) => u.id !== user.id && u.email.value.toLowerCase() === user.email.value.toLowerCase(),
    );
    if (clash) return err({ code: 'EMAIL_TAKEN' });
    this.users.set(rowKey(user.accountId, user.id), user);
    return ok(undefined);
  }

  async user(accountId: Id, id: Id): Promise<User | undefined> {
    this.called('user');
    return this.users.get(rowKey(accountId, id));
  }

  async userByEmail(accountId: Id, email: EmailAddress): Promise<User | undefined> {
    this.called('userByEmail');
    return rowsOf(this.users, accountId).find((u) => u.email.value.toLowerCase() === email.value.toLowerCase());
  }

  async usersByEmail(email: EmailAddress): Promise<User[]> {
    this.called('usersByEmail');
    return [...this.users.values()].filter((u) => u.email.value.toLowerCase() === email.value.toLowerCase());
  }

  async listUsers(accountId: Id, page?: PageRequest): Promise<Page<User>> {
    this.called('listUsers');
    return pageOf(rowsOf(this.users, accountId), page, (u) => ({ sort: u.email.value.toLowerCase(), id: u.id }));
  }

  async endSessions(accountId: Id, userId: Id, at: Instant): Promise<void> {
    this.called('endSessions');
    const key = rowKey(accountId, userId);
    const ended = this.db.table<Instant>('sessionsValidAfter');
    if (this.users.has(key) && (ended.get(key) ?? -Infinity) < at) ended.set(key, at);
  }

  async revokeLoginToken(token: RevokedLoginToken, now: Instant): Promise<void> {
    this.called('revokeLoginToken');
    const revoked = this.db.table<RevokedLoginToken>('revokedLoginTokens');
    for (const [id, kept] of revoked) if (kept.expiresAt <= now) revoked.delete(id);
    if (!revoked.has(token.tokenId)) revoked.set(token.tokenId, token);
  }

  async loginSession(accountId: Id, userId: Id, tokenId: Id): Promise<LoginSession | undefined> {
    this.called('loginSession');
    const user = this.users.get(rowKey(accountId, userId));
    if (!user) return undefined;
    const sessionsValidAfter = this.db.table<Instant>('sessionsValidAfter').get(rowKey(accountId, userId)) ?? null;
    const accountDisabled = (this.accounts.get(accountId)?.disabledAt ?? null) !== null;
    return {
      user,
      sessionsValidAfter,
      tokenRevoked: this.db.table<RevokedLoginToken>('revokedLoginTokens').has(tokenId),
      accountDisabled,
    };
  }
}

export class InMemoryApiKeyRepository extends InMemoryRepository implements ApiKeyRepository {
  private get keys() {
    return this.db.table<ApiKey>('apiKeys');
  }

  async createApiKey(key: ApiKey): Promise<void> {
    this.called('createApiKey');
    if ([...this.keys.values()].some((k) => k.id === key.id || k.prefix === key.prefix))
      throw new Error(`api key ${key.id} or its prefix exists`);
    this.keys.set(rowKey(key.accountId, key.id), key);
  }

  async apiKeyByPrefix(prefix: string): Promise<ApiKey | undefined> {
    this.called('apiKeyByPrefix');
    return [...this.keys.values()].find((k) => k.prefix === prefix);
  }

  async apiKeyCredential(prefix: string): Promise<{ key: ApiKey; accountDisabled: boolean } | undefined> {
    this.called('apiKeyCredential');
    const key = [...this.keys.values()].find((k) => k.prefix === prefix);
    return (
      key && {
        key,
        accountDisabled: (this.db.table<Account>('accounts').get(key.accountId)?.disabledAt ?? null) !== null,
      }
    );
  }

  async apiKeys(accountId: Id): Promise<ApiKey[]> {
    this.called('apiKeys');
    return rowsOf(this.keys, accountId).sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
  }

  async revokeApiKey(accountId: Id, id: Id, at: Instant): Promise<Result<void, NotFound>> {
    this.called('revokeApiKey');
    const key = this.keys.get(rowKey(accountId, id));
    if (!key) return err(NOT_FOUND);
    if (key.revokedAt === null) this.keys.set(rowKey(accountId, id), { ...key, revokedAt: at });
    return ok(undefined);
  }

  async touchApiKey(accountId: Id, id: Id, at: Instant): Promise<void> {
    this.called('touchApiKey');
    const key = this.keys.get(rowKey(accountId, id));
    if (key && (key.lastUsedAt === null || key.lastUsedAt < at))
      this.keys.set(rowKey(accountId, id), { ...key, lastUsedAt: at });
  }
}

export class InMemoryPatternRepository extends InMemoryRepository implements PatternRepository {
  private get patterns() {
    return this.db.table<StoredPattern>('patterns');
  }

  async pattern(accountId: Id, id: Id): Promise<StoredPattern | undefined> {
    this.called('pattern');
    return this.patterns.get(rowKey(accountId, id));
  }

  async listPatterns(accountId: Id, page?: PageRequest): Promise<Page<StoredPattern>> {
    this.called('listPatterns');
    return pageOf(rowsOf(this.patterns, accountId), page, byName);
  }

  async savePattern(pattern: StoredPattern): Promise<void> {
    this.called('savePattern');
    this.patterns.set(rowKey(pattern.accountId, pattern.id), pattern);
  }

  async deletePattern(accountId: Id, id: Id): Promise<Result<void, NotFound>> {
    this.called('deletePattern');
    return this.patterns.delete(rowKey(accountId, id)) ? ok(undefined) : err(NOT_FOUND);
  }
}

const serviceKey = (accountId: Id, service: CallbackServiceRef) => rowKey(accountId, `${service.kind}:${service.id}`);

export class InMemoryCallbackSettingsRepository extends InMemoryRepository implements CallbackSettingsRepository {
  private get settings() {
    return this.db.table<CallbackSettings>('callbackSettings');
  }

  async callbackSettings(accountId: Id, service: CallbackServiceRef): Promise<CallbackSettings | undefined> {
    this.called('callbackSettings');
    return this.settings.get(serviceKey(accountId, service));
  }

  async saveCallbackSettings(settings: CallbackSettings): Promise<void> {
    this.called('saveCallbackSettings');
    const table = settings.service.kind === 'hotline' ? this.hotlines : this.teams;
    if (!table.has(rowKey(settings.accountId, settings.service.id))) {
      invalid('UNKNOWN_SERVICE', 'service.id', `no ${settings.service.kind} ${settings.service.id} in this account`);
    }
    this.settings.set(serviceKey(settings.accountId, settings.service), settings);
  }

  async deleteCallbackSettings(accountId: Id, service: CallbackServiceRef): Promise<Result<void, NotFound>> {
    this.called('deleteCallbackSettings');
    return this.settings.delete(serviceKey(accountId, service)) ? ok(undefined) : err(NOT_FOUND);
  }
}
