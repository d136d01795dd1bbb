import { Hotline, HotlineInput, hotline } from '../directory/hotline';
import { ContactNumberInput, Person, person } from '../directory/person';
import { Team, team } from '../directory/team';
import { Override, Slot } from '../schedule/slot';
import { AssigneeRef } from '../directory/assignee';
import { LocalDateTime, parseInstant } from '../shared';

export const TEST_ACCOUNT = 'acct-test';

let seq = 0;
const nextId = (prefix: string) => `${prefix}-${++seq}`;

/** A person with one mobile by default; pass `numbers: []` for someone unreachable. */
export function aPerson(
  overrides: Partial<{
    id: string;
    name: string;
    colour: string;
    email: string | null;
    numbers: ContactNumberInput[];
  }> = {},
): Person {
  const id = overrides.id ?? nextId('person');
  return person({
    id,
    accountId: TEST_ACCOUNT,
    name: overrides.name ?? `Person ${id}`,
    colour: overrides.colour ?? '#1f77b4',
    email: overrides.email === undefined ? `${id}@example.com` : overrides.email,
    contactNumbers: overrides.numbers ?? [{ number: '+33612345678', label: 'mobile' }],
  });
}

export function aTeam(members: readonly Person[], overrides: Partial<{ id: string; name: string }> = {}): Team {
  const id = overrides.id ?? nextId('team');
  return team({
    id,
    accountId: TEST_ACCOUNT,
    name: overrides.name ?? `Team ${id}`,
    colour: '#2ca02c',
    memberIds: members.map((m) => m.id),
  });
}

export function aHotline(overrides: Partial<HotlineInput> = {}): Hotline {
  return hotline({
    id: overrides.id ?? nextId('hotline'),
    accountId: TEST_ACCOUNT,
    name: 'Maintenance on-call',
    number: '+33140000000',
    timeZone: 'Europe/Paris',
    ...overrides,
  });
}

export const personRef = (p: { id: string }): AssigneeRef => ({ kind: 'person', id: p.id });
export const teamRef = (t: { id: string }): AssigneeRef => ({ kind: 'team', id: t.id });

/** `aSlot(h, { start: '2027-03-27T22:00', end: '2027-03-28T06:00', assignees: [personRef(alice)] })` */
export function aSlot(
  hotlineId: string,
  {
    start,
    end,
    assignees,
    id = nextId('slot'),
  }: { start: string; end: string; assignees: readonly AssigneeRef[]; id?: string },
): Slot {
  return { id, hotlineId, start: LocalDateTime.parse(start), end: LocalDateTime.parse(end), assignees };
}

/** Times are ISO instants with an offset. */
export function anOverride(
  hotlineId: string,
  options: {
    start: string;
    end: string;
    assignees: readonly AssigneeRef[];
  } & Partial<{ id: string; level: number | null; createdAt: string; reason: string }>,
): Override {
  const { start, end, assignees } = options;
  return {
    id: options.id ?? nextId('override'),
    hotlineId,
    start: parseInstant(start),
    end: parseInstant(end),
    assignees,
    level: options.level ?? null,
    createdAt: parseInstant(options.createdAt ?? start),
    reason: options.reason ?? null,
  };
}
