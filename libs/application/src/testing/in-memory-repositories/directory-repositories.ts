import {
  CallbackSettings,
  Hotline,
  HotlineRepository,
  Id,
  InUse,
  NotFound,
  NumberTaken,
  Page,
  PageRequest,
  Person,
  PersonRepository,
  Result,
  Team,
  TeamRepository,
  err,
  ok,
} from '@dutyline/domain';
import { pageOf, rowKey, rowsOf } from '../in-memory-database';
import { NOT_FOUND, byName, InMemoryRepository, byIdsInOrder } from './in-memory-repository';

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
    return pageOf(rowsOf(this.people, accountId), page, { keyOf: byName });
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
    return pageOf(rowsOf(this.teams, accountId), page, { keyOf: byName });
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
    return pageOf(rowsOf(this.hotlines, accountId), page, { keyOf: byName });
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
