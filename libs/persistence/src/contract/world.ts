import { randomInt } from 'node:crypto';
import {
  AssigneeRef,
  Hotline,
  HotlineInput,
  LocalDateTime,
  Override,
  Person,
  PersonInput,
  Slot,
  Team,
  ValidationError,
  hotline,
  parseInstant,
  person,
  team,
} from '@dutyline/domain';
import { uniqueName } from '@dutyline/test-support';
import { DataSource } from 'typeorm';
import { deleteAccount } from '../database/account-deletion';
import { SqlRepositories, sqlRepositories } from '../repositories';

export const CREATED_AT = parseInstant('2027-01-04T09:00:00Z');

/** A French mobile number nobody else uses in this run (hotline numbers are unique across accounts). */
export const uniqueE164 = (): string => `+3361${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;

/** A connection to the backend with the repositories on it, and the accounts the current test made. */
export class World {
  readonly repos: SqlRepositories;
  private readonly accounts: string[] = [];

  constructor(readonly dataSource: DataSource) {
    this.repos = sqlRepositories(dataSource);
  }

  /** A fresh account of this test's own; its rows go in `cleanUp`. */
  async newAccount(): Promise<string> {
    const id = uniqueName('acct');
    this.accounts.push(id);
    await this.repos.accounts.createAccount({ id, name: `Account ${id}`, createdAt: CREATED_AT });
    return id;
  }

  async cleanUp(): Promise<void> {
    for (const accountId of this.accounts.splice(0)) await deleteAccount(this.dataSource, accountId);
  }

  /** Saves and returns a person with one mobile unless told otherwise. */
  async person(accountId: string, id: string, overrides: Partial<PersonInput> = {}): Promise<Person> {
    const p = person({
      id,
      accountId,
      name: `Person ${id}`,
      colour: '#1f77b4',
      contactNumbers: [{ number: '+33612345678' }],
      ...overrides,
    });
    await this.repos.people.savePerson(p);
    return p;
  }

  async team(
    accountId: string,
    id: string,
    { memberIds, name = `Team ${id}` }: { memberIds: readonly string[]; name?: string },
  ): Promise<Team> {
    const t = team({ id, accountId, name, colour: '#2ca02c', memberIds });
    await this.repos.teams.saveTeam(t);
    return t;
  }

  /** Saves and returns a hotline in Europe/Paris on a number of its own. */
  async hotline(accountId: string, id: string, overrides: Partial<HotlineInput> = {}): Promise<Hotline> {
    const h = hotline({
      id,
      accountId,
      name: `Hotline ${id}`,
      number: uniqueE164(),
      timeZone: 'Europe/Paris',
      ...overrides,
    });
    const saved = await this.repos.hotlines.save(h);
    if (!saved.ok) throw new Error(`could not save hotline ${id}: ${saved.error.code}`);
    return h;
  }
}

export const personRef = (id: string): AssigneeRef => ({ kind: 'person', id });
export const teamRef = (id: string): AssigneeRef => ({ kind: 'team', id });

/** Where and whom a `slot` or an `override` covers: local (slot) or real (override) times as text. */
export interface Covering {
  readonly start: string;
  readonly end: string;
  readonly assignees: readonly AssigneeRef[];
}

/** `slot('s1', 'h1', { start: '2027-03-27T22:00', end: '2027-03-28T06:00', assignees: [personRef('alice')] })` */
export const slot = (id: string, hotlineId: string, { start, end, assignees }: Covering): Slot => ({
  id,
  hotlineId,
  start: LocalDateTime.parse(start),
  end: LocalDateTime.parse(end),
  assignees,
});

export const override = (
  id: string,
  hotlineId: string,
  {
    start,
    end,
    assignees,
    ...options
  }: Covering & Partial<Pick<Override, 'level' | 'reason'>> & { createdAt?: string },
): Override => ({
  id,
  hotlineId,
  start: parseInstant(start),
  end: parseInstant(end),
  assignees,
  level: options.level ?? null,
  reason: options.reason ?? null,
  createdAt: parseInstant(options.createdAt ?? start),
});

/** The ValidationError `work` fails with, as `{ code, field }`. */
export async function refusal(work: () => Promise<unknown>): Promise<{ code: string; field: string | undefined }> {
  try {
    await work();
  } catch (error) {
    if (error instanceof ValidationError) return { code: error.code, field: error.field };
    throw error;
  }
  throw new Error('expected a ValidationError, but the call succeeded');
}

/** Slots as comparable text: `s1 2027-03-27T22:00→2027-03-28T06:00 person:alice,team:night`. */
export const slotLine = (s: Slot): string =>
  `${s.id} ${s.start}→${s.end} ${s.assignees.map((a) => `${a.kind}:${a.id}`).join(',')}`;
