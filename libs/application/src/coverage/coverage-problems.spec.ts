import { directoryOf, hotline, person, team } from '@dutyline/domain';
import { ManualClock } from '@dutyline/domain/testing';
import { InMemoryNotificationSettings } from '../notifications/testing';
import { InMemoryDutyline, aCaller, valueOf } from '../testing';
import { CoverageQueries } from './coverage.queries';
import { voicemailProblems } from './coverage-problems';
import { notificationSettings } from '../shared';

const ACCOUNT = 'acct-a';
const withEmail = person({
  id: 'ann',
  accountId: ACCOUNT,
  name: 'Ann',
  colour: '#1f77b4',
  email: 'ann@example.org',
  contactNumbers: [{ number: '+33612345678', label: 'mobile' }],
});
const noEmail = person({
  id: 'bob',
  accountId: ACCOUNT,
  name: 'Bob',
  colour: '#ff7f0e',
  email: null,
  contactNumbers: [{ number: '+33687654321', label: 'mobile' }],
});
const boss = person({
  id: 'boss',
  accountId: ACCOUNT,
  name: 'Boss',
  colour: '#2ca02c',
  email: null,
  contactNumbers: [{ number: '+33611112222', label: 'mobile' }],
});
const crew = team({ id: 'crew', accountId: ACCOUNT, name: 'Crew', colour: '#9467bd', memberIds: ['ann'] });
const line = (scenario: { kind: string }[] = [{ kind: 'supervisors' }, { kind: 'voicemail' }]) =>
  hotline({
    id: 'hl',
    accountId: ACCOUNT,
    name: 'Boiler room',
    number: '+33140000000',
    timeZone: 'Europe/Paris',
    supervisorIds: ['boss'],
    scenario,
  });
const directory = directoryOf([withEmail, noEmail, boss], [crew]);
const mailTo = (email: { onDuty?: boolean; supervisors?: boolean; emails?: string[] } = {}) =>
  notificationSettings({ voicemail: { email } }).voicemail.email;

describe('coverage problems: a voicemail nobody would get', () => {
  it('reports a voicemail whose people on duty and supervisors have no e-mail, with what to do', () => {
    const [problem, ...others] = voicemailProblems(line(), {
      email: mailTo(),
      onDuty: [{ kind: 'person', id: 'bob' }],
      directory,
    });
    expect(others).toEqual([]);
    expect(problem.kind).toBe('voicemail-unaddressed');
    expect(problem.message).toContain('Boiler room');
    expect(problem.message).toContain('the people on duty and the supervisors');
    expect(problem.message).toContain('admins');
  });

  it.each<[string, Parameters<typeof voicemailProblems>]>([
    [
      'someone on duty has an e-mail (through a team)',
      [line(), { email: mailTo(), onDuty: [{ kind: 'team', id: 'crew' }], directory }],
    ],
    ['an extra address is set', [line(), { email: mailTo({ emails: ['desk@example.org'] }), onDuty: [], directory }]],
    [
      'the scenario ends with a message, not a voicemail',
      [
        line([{ kind: 'message', message: { text: 'Closed.' } } as { kind: string }]),
        { email: mailTo(), onDuty: [], directory },
      ],
    ],
  ])('reports nothing when %s', (_, args) => {
    expect(voicemailProblems(...args)).toEqual([]);
  });

  it('counts only the people the settings choose: supervisors only, with nobody on duty chosen', () => {
    expect(
      voicemailProblems(line(), {
        email: mailTo({ onDuty: false, supervisors: true }),
        onDuty: [{ kind: 'person', id: 'ann' }],
        directory,
      }),
    ).toHaveLength(1);
  });

  it('is part of the coverage report when the notification settings are given', async () => {
    const clock = new ManualClock('2027-03-01T09:00:00Z');
    const db = new InMemoryDutyline(clock);
    for (const each of [withEmail, noEmail, boss]) await db.people.savePerson(each);
    valueOf(await db.hotlines.save(line()));
    const settings = new InMemoryNotificationSettings();
    const queries = (withSettings: boolean) =>
      new CoverageQueries({
        hotlines: db.hotlines,
        schedules: db.schedules,
        people: db.people,
        teams: db.teams,
        ...(withSettings ? { notificationSettings: settings } : {}),
      });
    const report = async (withSettings = true) =>
      valueOf(
        await queries(withSettings).coverage(aCaller(ACCOUNT), 'hl', {
          from: '2027-03-01T00:00:00Z',
          to: '2027-03-08T00:00:00Z',
        }),
      );
    expect((await report()).problems.map((p) => p.kind)).toEqual(['voicemail-unaddressed']);
    expect((await report(false)).problems).toEqual([]);
    await settings.saveNotificationSettings(
      ACCOUNT,
      'hl',
      notificationSettings({ voicemail: { email: { emails: ['desk@example.org'] } } }),
    );
    expect((await report()).problems).toEqual([]);
  });
});
