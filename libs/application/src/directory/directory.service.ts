import {
  assertId,
  Colour,
  ContactNumber,
  ContactNumberInput,
  Id,
  InUse,
  MAX_CONTACT_NUMBERS,
  NotFound,
  Page,
  PageRequest,
  Person,
  PhoneNumber,
  Result,
  Team,
  contactNumber,
  err,
  invalid,
  nextDistinctColour,
  ok,
  person,
  reorderContactNumbers,
  setContactNumberEnabled,
  team,
  validatingUnder,
} from '@dutyline/domain';
import { AuditRecorder, Caller, InUseRefusal, NotFoundRefusal, allItems, inUse, notFound } from '../shared';
import { DirectoryServiceDeps } from './ports';

export interface NewPerson {
  readonly name: string;
  /** `#rrggbb`. @defaultValue the first colour no person or team of the account uses (`nextDistinctColour`) */
  readonly colour?: string | null;
  readonly email?: string | null;
  /** In ringing order. @defaultValue none */
  readonly contactNumbers?: readonly ContactNumberInput[];
  /** How many Dutyline calls the person takes at once (1 to 20). @defaultValue 1 */
  readonly maxSimultaneousCalls?: number;
}

/** What to change; an absent field keeps its value, `email: null` removes the address. */
export interface PersonChanges {
  readonly name?: string;
  readonly colour?: string;
  readonly email?: string | null;
  /** The whole list, in ringing order. */
  readonly contactNumbers?: readonly ContactNumberInput[];
  readonly maxSimultaneousCalls?: number;
}

export interface NewContactNumber extends ContactNumberInput {
  /** Where it goes in the ringing order (0 = first). @defaultValue last */
  readonly position?: number | null;
}

export interface NewTeam {
  readonly name: string;
  /** @defaultValue a distinct colour, as for people */
  readonly colour?: string | null;
  /** Members in ringing order. */
  readonly memberIds: readonly string[];
}

export interface TeamChanges {
  readonly name?: string;
  readonly colour?: string;
  /** The whole list, in ringing order. */
  readonly memberIds?: readonly string[];
}

type PersonResult = Promise<Result<Person, NotFoundRefusal>>;

/** How the service reaches one kind of directory entry. */
interface EntityStore<T> {
  readonly kind: 'person' | 'team';
  load(accountId: Id, id: Id): Promise<T | undefined>;
  save(entity: T): Promise<void>;
  remove(accountId: Id, id: Id): Promise<Result<void, NotFound | InUse>>;
}
type TeamResult = Promise<Result<Team, NotFoundRefusal>>;

/** One change to a stored person or team, audited as `action`. */
interface Edit<T> {
  readonly id: Id;
  readonly action: string;
  readonly change: (current: T) => T;
  /** The input field naming the id (`id`, or `personId` for the number operations). @defaultValue 'id' */
  readonly field?: string;
}

/**
 * People and their numbers (F1), teams and their members (F2). Inputs are validated by the domain
 * (`ValidationError` with the field path, e.g. `contactNumbers[1].number`); ids the account does not
 * hold are `NOT_FOUND` refusals. Each write appends an audit entry with the state before and after.
 * Writes replace the whole person or team: two editors changing the same person at once keep the
 * last write (the directory ports carry no version).
 */
export class DirectoryService {
  private readonly audit: AuditRecorder;

  private readonly personStore: EntityStore<Person>;
  private readonly teamStore: EntityStore<Team>;

  constructor(private readonly deps: DirectoryServiceDeps) {
    this.audit = new AuditRecorder(deps);
    const { people, teams } = deps;
    this.personStore = {
      kind: 'person',
      load: (a, id) => people.person(a, id),
      save: (p) => people.savePerson(p),
      remove: (a, id) => people.deletePerson(a, id),
    };
    this.teamStore = {
      kind: 'team',
      load: (a, id) => teams.team(a, id),
      save: (t) => teams.saveTeam(t),
      remove: (a, id) => teams.deleteTeam(a, id),
    };
  }

  // -- people ---------------------------------------------------------------------------------

  person(caller: Caller, id: Id): Promise<Person | undefined> {
    return this.deps.people.person(caller.accountId, assertId(id, 'id'));
  }

  /** In the order asked, absent ids left out: one read for a whole week view. */
  peopleByIds(caller: Caller, ids: readonly Id[]): Promise<Person[]> {
    return this.deps.people.peopleByIds(caller.accountId, ids);
  }

  people(caller: Caller, page?: PageRequest): Promise<Page<Person>> {
    return this.deps.people.listPeople(caller.accountId, page);
  }

  /**
   * The account's person with this e-mail, compared case-insensitively (a signed-in user's own
   * person); undefined when none has it, the first by name when several do. Reads the directory
   * page by page: the person port has no e-mail lookup, and an account holds a few hundred people.
   */
  async personByEmail(caller: Caller, email: string): Promise<Person | undefined> {
    const wanted = email.trim().toLowerCase();
    if (wanted === '') return undefined;
    const everyone = await allItems((page) => this.deps.people.listPeople(caller.accountId, page));
    return everyone.find((p) => p.email !== null && p.email.value.toLowerCase() === wanted);
  }

  async createPerson(caller: Caller, input: NewPerson): Promise<Person> {
    const colour = input.colour ?? (await this.distinctColour(caller));
    const created = person({ ...input, id: this.deps.ids.next(), accountId: caller.accountId, colour });
    await this.deps.people.savePerson(created);
    await this.audit.record(caller, {
      action: 'person.created',
      entityType: 'person',
      entityId: created.id,
      before: null,
      after: created,
    });
    return created;
  }

  updatePerson(caller: Caller, id: Id, changes: PersonChanges): PersonResult {
    return this.changePerson(caller, {
      id,
      action: 'person.updated',
      change: (current) =>
        person({
          id: current.id,
          accountId: current.accountId,
          name: changes.name ?? current.name,
          colour: changes.colour ?? current.colour,
          email: changes.email === undefined ? current.email?.value : changes.email,
          contactNumbers: changes.contactNumbers ?? current.contactNumbers.map(contactNumberInput),
          maxSimultaneousCalls: changes.maxSimultaneousCalls ?? current.maxSimultaneousCalls,
        }),
    });
  }

  deletePerson(caller: Caller, id: Id): Promise<Result<Person, NotFoundRefusal | InUseRefusal>> {
    return this.remove(caller, this.personStore, id);
  }

  /**
   * Adds a number at `position` (last by default); errors name `number`, `label`, `ringTimeoutSeconds`,
   * `position`. The number operations name the person `personId` (`NOT_FOUND`, `INVALID_ID`).
   */
  addContactNumber(caller: Caller, personId: Id, input: NewContactNumber): PersonResult {
    return this.changePerson(caller, {
      id: personId,
      field: 'personId',
      action: 'person.number-added',
      change: (current) => {
        const added = validatingUnder('', () => contactNumber(input, ''));
        if (current.contactNumbers.some((n) => n.number.equals(added.number))) {
          invalid('DUPLICATE_NUMBER', 'number', `${added.number.e164} is already one of ${current.name}'s numbers`);
        }
        if (current.contactNumbers.length >= MAX_CONTACT_NUMBERS)
          invalid('TOO_MANY', 'number', `at most ${MAX_CONTACT_NUMBERS} numbers per person`);
        const position = input.position ?? current.contactNumbers.length;
        if (!Number.isInteger(position) || position < 0 || position > current.contactNumbers.length) {
          invalid('INVALID_POSITION', 'position', `a position from 0 to ${current.contactNumbers.length}`);
        }
        const numbers = [...current.contactNumbers];
        numbers.splice(position, 0, added);
        return { ...current, contactNumbers: numbers };
      },
    });
  }

  removeContactNumber(caller: Caller, personId: Id, number: string): PersonResult {
    return this.changePerson(caller, {
      id: personId,
      field: 'personId',
      action: 'person.number-removed',
      change: (current) => {
        const e164 = knownNumber(current, number, 'number');
        return { ...current, contactNumbers: current.contactNumbers.filter((n) => n.number.e164 !== e164) };
      },
    });
  }

  /** `order` lists each of the person's numbers exactly once, in any notation the number parser reads. */
  reorderContactNumbers(caller: Caller, personId: Id, order: readonly string[]): PersonResult {
    return this.changePerson(caller, {
      id: personId,
      field: 'personId',
      action: 'person.numbers-reordered',
      change: (current) => {
        if (!Array.isArray(order)) invalid('INVALID_ORDER', 'order', 'give the numbers as a list');
        return reorderContactNumbers(
          current,
          order.map((n, i) => normalised(n, `order[${i}]`)),
        );
      },
    });
  }

  /** A disabled number stays on file and is never dialled. */
  setContactNumberEnabled(
    caller: Caller,
    personId: Id,
    { number, enabled }: { number: string; enabled: boolean },
  ): PersonResult {
    const action = enabled ? 'person.number-enabled' : 'person.number-disabled';
    return this.changePerson(caller, {
      id: personId,
      field: 'personId',
      action,
      change: (current) => setContactNumberEnabled(current, knownNumber(current, number, 'number'), enabled),
    });
  }

  // -- teams ----------------------------------------------------------------------------------

  team(caller: Caller, id: Id): Promise<Team | undefined> {
    return this.deps.teams.team(caller.accountId, assertId(id, 'id'));
  }

  teamsByIds(caller: Caller, ids: readonly Id[]): Promise<Team[]> {
    return this.deps.teams.teamsByIds(caller.accountId, ids);
  }

  teams(caller: Caller, page?: PageRequest): Promise<Page<Team>> {
    return this.deps.teams.listTeams(caller.accountId, page);
  }

  /** A member absent from the account is refused by the store: `UNKNOWN_PERSON` at `memberIds[i]`. */
  async createTeam(caller: Caller, input: NewTeam): Promise<Team> {
    const colour = input.colour ?? (await this.distinctColour(caller));
    const created = team({ ...input, id: this.deps.ids.next(), accountId: caller.accountId, colour });
    await this.deps.teams.saveTeam(created);
    await this.audit.record(caller, {
      action: 'team.created',
      entityType: 'team',
      entityId: created.id,
      before: null,
      after: created,
    });
    return created;
  }

  updateTeam(caller: Caller, id: Id, changes: TeamChanges): TeamResult {
    return this.changeTeam(caller, {
      id,
      action: 'team.updated',
      change: (current) =>
        team({
          id: current.id,
          accountId: current.accountId,
          name: changes.name ?? current.name,
          colour: changes.colour ?? current.colour,
          memberIds: changes.memberIds ?? current.memberIds,
        }),
    });
  }

  /** Sets the members and their ringing order. */
  setTeamMembers(caller: Caller, id: Id, memberIds: readonly string[]): TeamResult {
    return this.changeTeam(caller, {
      id,
      action: 'team.members-changed',
      change: (current) => team({ ...current, memberIds }),
    });
  }

  deleteTeam(caller: Caller, id: Id): Promise<Result<Team, NotFoundRefusal | InUseRefusal>> {
    return this.remove(caller, this.teamStore, id);
  }

  // -- helpers --------------------------------------------------------------------------------

  private changePerson(caller: Caller, edit: Edit<Person>): PersonResult {
    return this.change(caller, this.personStore, edit);
  }

  private changeTeam(caller: Caller, edit: Edit<Team>): TeamResult {
    return this.change(caller, this.teamStore, edit);
  }

  private async change<T>(
    caller: Caller,
    store: EntityStore<T>,
    { id, action, change, field = 'id' }: Edit<T>,
  ): Promise<Result<T, NotFoundRefusal>> {
    const current = await store.load(caller.accountId, assertId(id, field));
    if (!current) return err(notFound(store.kind, id, field));
    const updated = change(current);
    await store.save(updated);
    await this.audit.record(caller, { action, entityType: store.kind, entityId: id, before: current, after: updated });
    return ok(updated);
  }

  private async remove<T>(
    caller: Caller,
    store: EntityStore<T>,
    id: Id,
  ): Promise<Result<T, NotFoundRefusal | InUseRefusal>> {
    const current = await store.load(caller.accountId, assertId(id, 'id'));
    if (!current) return err(notFound(store.kind, id, 'id'));
    const deleted = await store.remove(caller.accountId, id);
    if (!deleted.ok)
      return err(
        deleted.error.code === 'IN_USE' ? inUse(store.kind, id, deleted.error.usedBy) : notFound(store.kind, id, 'id'),
      );
    await this.audit.record(caller, {
      action: `${store.kind}.deleted`,
      entityType: store.kind,
      entityId: id,
      before: current,
      after: null,
    });
    return ok(current);
  }

  /** People and teams share the schedule grid, so a new colour differs from both. */
  private async distinctColour(caller: Caller): Promise<Colour> {
    const [people, teams] = await Promise.all([
      allItems((page) => this.deps.people.listPeople(caller.accountId, page)),
      allItems((page) => this.deps.teams.listTeams(caller.accountId, page)),
    ]);
    return nextDistinctColour([...people, ...teams].map((x) => x.colour));
  }
}

/** A stored number back in the form the domain builds it from. */
export const contactNumberInput = (n: ContactNumber): ContactNumberInput => ({
  number: n.number.e164,
  label: n.label,
  ringTimeoutSeconds: n.ringTimeout.seconds,
  enabled: n.enabled,
});

function normalised(number: string, field: string): string {
  return PhoneNumber.parse(number, { field }).e164;
}

/** The E.164 form of one of the person's numbers; `UNKNOWN_NUMBER` when it is not theirs. */
function knownNumber(p: Person, number: string, field: string): string {
  const e164 = normalised(number, field);
  if (!p.contactNumbers.some((n) => n.number.e164 === e164))
    invalid('UNKNOWN_NUMBER', field, `${e164} is not one of ${p.name}'s numbers`);
  return e164;
}
