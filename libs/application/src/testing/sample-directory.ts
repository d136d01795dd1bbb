import { Hotline, Person, Team } from '@dutyline/domain';
import { Application } from '../application';
import { Caller } from '../shared';

export interface SampleDirectory {
  readonly hotline: Hotline;
  readonly alice: Person;
  readonly bob: Person;
  readonly carol: Person;
  /** Bob then Carol. */
  readonly crew: Team;
}

/**
 * Three people with one mobile each, a team of two and a hotline whose supervisor is Alice, for
 * the account of `caller`. Numbers differ per account (`variant`) so two accounts can be seeded.
 */
export async function seedSampleDirectory(
  app: Application,
  caller: Caller,
  options: { timeZone?: string; variant?: number } = {},
): Promise<SampleDirectory> {
  const v = options.variant ?? 0;
  const mobile = (n: number) => `+336123456${String(10 * v + n).padStart(2, '0')}`;
  const alice = await app.directory.createPerson(caller, {
    name: 'Alice',
    email: 'alice@example.com',
    contactNumbers: [{ number: mobile(1), label: 'mobile' }],
  });
  const bob = await app.directory.createPerson(caller, {
    name: 'Bob',
    contactNumbers: [{ number: mobile(2), label: 'mobile' }],
  });
  const carol = await app.directory.createPerson(caller, {
    name: 'Carol',
    contactNumbers: [{ number: mobile(3), label: 'mobile' }],
  });
  const crew = await app.directory.createTeam(caller, { name: 'Maintenance crew', memberIds: [bob.id, carol.id] });
  const created = await app.hotlines.createHotline(caller, {
    name: 'Maintenance on-call',
    number: `+3314000000${v}`,
    timeZone: options.timeZone ?? 'Europe/Paris',
    supervisorIds: [alice.id],
  });
  if (!created.ok) throw new Error(created.error.message);
  return { hotline: created.value, alice, bob, carol, crew };
}
