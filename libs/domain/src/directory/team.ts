import { Colour, Id, assertId, invalid, requireText } from '../shared';
import { Person, isReachable } from './person';

/** A team or service (reception, a maintenance crew): its members are rung in order. */
export interface Team {
  readonly id: Id;
  readonly accountId: Id;
  readonly name: string;
  readonly colour: Colour;
  readonly memberIds: readonly Id[];
}

export interface TeamInput {
  id: Id;
  accountId: Id;
  name: string;
  colour: Colour | string;
  memberIds: readonly string[];
}

export function team(input: TeamInput): Team {
  if (!Array.isArray(input.memberIds)) invalid('INVALID_MEMBERS', 'memberIds', 'members must be a list of person ids');
  const memberIds = input.memberIds.map((id, i) => assertId(id, `memberIds[${i}]`));
  memberIds.forEach((id, i) => {
    if (memberIds.indexOf(id) !== i) invalid('DUPLICATE_MEMBER', `memberIds[${i}]`, `person ${id} is already a member`);
  });
  return {
    id: assertId(input.id, 'id'),
    accountId: assertId(input.accountId, 'accountId'),
    name: requireText(input.name, 'name', 120),
    colour: typeof input.colour === 'string' ? Colour.parse(input.colour, 'colour') : input.colour,
    memberIds,
  };
}

/** A read-only view of an account's people and teams, as routing and coverage need it. */
export interface Directory {
  person(id: Id): Person | undefined;
  team(id: Id): Team | undefined;
}

export function directoryOf(people: Iterable<Person>, teams: Iterable<Team> = []): Directory {
  const peopleById = new Map([...people].map((p) => [p.id, p]));
  const teamsById = new Map([...teams].map((t) => [t.id, t]));
  return { person: (id) => peopleById.get(id), team: (id) => teamsById.get(id) };
}

/** The people an assignee stands for, in ringing order (unknown ids are skipped). */
export function membersOf(directory: Directory, ref: { kind: 'person' | 'team'; id: Id }): Person[] {
  if (ref.kind === 'person') {
    const p = directory.person(ref.id);
    return p ? [p] : [];
  }
  const t = directory.team(ref.id);
  if (!t) return [];
  return t.memberIds.map((id) => directory.person(id)).filter((p): p is Person => p !== undefined);
}

/** Whether ringing this assignee could reach anyone at all. */
export const assigneeIsReachable = (directory: Directory, ref: { kind: 'person' | 'team'; id: Id }): boolean =>
  membersOf(directory, ref).some(isReachable);
