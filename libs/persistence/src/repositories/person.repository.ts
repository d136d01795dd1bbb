import { Id, InUse, NotFound, Page, PageRequest, Person, PersonRepository, Result } from '@dutyline/domain';
import { DataSource } from 'typeorm';
import { SqlStore } from '../database/sql-store';
import { PersonNumberRow, PersonRow } from '../entities';
import { personFromRows, personToRows } from '../mappers/person.mapper';
import { NamedAggregate, loadByIds, pageByName, saveAggregate } from '../support/named-aggregates';
import { deleteUnlessUsed } from './usages';

const PEOPLE: NamedAggregate<PersonRow, PersonNumberRow, Person> = {
  table: PersonRow,
  childTable: PersonNumberRow,
  parentKey: 'personId',
  build: personFromRows,
};

export class SqlPersonRepository implements PersonRepository {
  private readonly store: SqlStore;

  constructor(dataSource: DataSource) {
    this.store = new SqlStore(dataSource);
  }

  async person(accountId: Id, id: Id): Promise<Person | undefined> {
    return (await this.peopleByIds(accountId, [id]))[0];
  }

  peopleByIds(accountId: Id, ids: readonly Id[]): Promise<Person[]> {
    return this.store.read((manager) => loadByIds(manager, PEOPLE, { accountId, ids }));
  }

  listPeople(accountId: Id, page?: PageRequest): Promise<Page<Person>> {
    return this.store.read((manager) => pageByName(manager, PEOPLE, { accountId, request: page }));
  }

  async savePerson(person: Person): Promise<void> {
    const { row, numbers } = personToRows(person);
    await this.store.write((manager) => saveAggregate(manager, PEOPLE, { row, children: numbers }));
  }

  deletePerson(accountId: Id, id: Id): Promise<Result<void, NotFound | InUse>> {
    return deleteUnlessUsed(this.store, { kind: 'person', accountId, id });
  }
}
