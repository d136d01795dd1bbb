import { ManualClock, SequentialIds } from '@dutyline/domain/testing';
import { InMemoryDutyline, aCaller, refusalOf, valueOf } from '../testing';

const caller = aCaller('acct-a', 'user-a');
const stranger = aCaller('acct-b', 'user-b');

async function world() {
  const store = new InMemoryDutyline(new ManualClock('2027-03-20T09:00:00Z'), new SequentialIds('id'));
  const app = store.application();
  const alice = await app.directory.createPerson(caller, {
    name: 'Alice',
    contactNumbers: [{ number: '+33612345601' }],
  });
  const bob = await app.directory.createPerson(caller, { name: 'Bob', contactNumbers: [{ number: '+33612345602' }] });
  const created = valueOf(
    await app.hotlines.createHotline(caller, {
      name: 'Maintenance',
      number: '+33140000000',
      timeZone: 'Europe/Paris',
      supervisorIds: [alice.id],
    }),
  );
  return { store, app, hotlines: app.hotlines, alice, bob, created };
}

const refused = (promise: Promise<unknown>, code: string, field: string) =>
  expect(promise).rejects.toMatchObject({ name: 'ValidationError', code, field });

describe('HotlineService (F3)', () => {
  it('creates a hotline with the documented defaults', async () => {
    const { created } = await world();
    expect(created).toMatchObject({
      name: 'Maintenance',
      language: 'en-GB',
      serviceHours: { kind: 'always' },
      scenario: [{ kind: 'supervisors' }, { kind: 'voicemail', greeting: null }],
      greeting: null,
      requireAnswerConfirmation: true,
      callerIdMode: 'hotline',
    });
    expect(created.timeZone.name).toBe('Europe/Paris');
  });

  it('changes the scenario, service hours, greeting, supervisors and caller-id mode, keeping what is not named', async () => {
    const { store, hotlines, alice, bob, created } = await world();
    const updated = valueOf(
      await hotlines.updateHotline(caller, created.id, {
        supervisorIds: [bob.id, alice.id],
        serviceHours: { windows: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '18:00', end: '08:00' }] },
        scenario: [
          { kind: 'supervisors' },
          { kind: 'message', message: { text: 'Rappelez demain', language: 'fr-FR' } },
        ],
        greeting: { audioUrl: 'https://example.com/greeting.mp3' },
        callerIdMode: 'caller',
        requireAnswerConfirmation: false,
      }),
    );
    expect(updated).toMatchObject({
      name: 'Maintenance',
      supervisorIds: [bob.id, alice.id],
      callerIdMode: 'caller',
      requireAnswerConfirmation: false,
      greeting: { kind: 'audio' },
    });
    expect(JSON.parse(JSON.stringify(updated.serviceHours))).toEqual({
      kind: 'weekly',
      windows: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '18:00', end: '08:00' }],
    });
    const renamed = valueOf(await hotlines.updateHotline(caller, created.id, { name: 'Astreinte', greeting: null }));
    expect(renamed).toMatchObject({
      name: 'Astreinte',
      greeting: null,
      callerIdMode: 'caller',
      scenario: updated.scenario,
    });
    expect(
      store.audit
        .entries('acct-a')
        .filter((e) => e.entityType === 'hotline')
        .map((e) => e.action),
    ).toEqual(['hotline.created', 'hotline.updated', 'hotline.updated']);
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Europe/Atlantis' }, 'INVALID_TIME_ZONE', 'timeZone'],
    ['a fixed offset', { timeZone: '+01:00' }, 'INVALID_TIME_ZONE', 'timeZone'],
    ['a number not in E.164', { number: '01 40 00 00 00' }, 'INVALID_PHONE_NUMBER', 'number'],
    ['a scenario without a final step', { scenario: [{ kind: 'supervisors' }] }, 'INVALID_SCENARIO', 'scenario'],
    ['a message step without a message', { scenario: [{ kind: 'message' }] }, 'REQUIRED', 'scenario[0].message'],
    [
      'a service window with a bad time',
      { serviceHours: { windows: [{ days: ['MON'], start: '25:00', end: '08:00' }] } },
      'INVALID_LOCAL_TIME',
      'serviceHours.windows[0].start',
    ],
    ['a caller-id mode unknown', { callerIdMode: 'random' }, 'INVALID_CALLER_ID_MODE', 'callerIdMode'],
    [
      'a greeting with both text and audio',
      { greeting: { text: 'Bonjour', audioUrl: 'https://example.com/a.mp3' } },
      'INVALID_PROMPT',
      'greeting',
    ],
    ['a supervisor of another account', { supervisorIds: ['id-99'] }, 'UNKNOWN_PERSON', 'supervisorIds[0]'],
  ])('refuses %s, naming the field', async (_, changes, code, field) => {
    const { hotlines, created } = await world();
    await refused(hotlines.updateHotline(caller, created.id, changes), code, field);
    expect((await hotlines.hotline(caller, created.id))?.name).toBe('Maintenance');
  });

  it('refuses a number another account already answers', async () => {
    const { hotlines } = await world();
    expect(
      refusalOf(
        await hotlines.createHotline(stranger, { name: 'Copy', number: '+33140000000', timeZone: 'Europe/Paris' }),
      ),
    ).toMatchObject({ code: 'NUMBER_TAKEN', field: 'number' });
  });

  it("cannot read, change or delete another account's hotline", async () => {
    const { hotlines, created } = await world();
    expect(await hotlines.hotline(stranger, created.id)).toBeUndefined();
    expect(refusalOf(await hotlines.updateHotline(stranger, created.id, { name: 'Mine' }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'id',
    });
    expect(refusalOf(await hotlines.deleteHotline(stranger, created.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await hotlines.hotlines(stranger)).items).toEqual([]);
    expect((await hotlines.hotline(caller, created.id))?.name).toBe('Maintenance');
  });

  it('deletes a hotline with its schedule', async () => {
    const { app, hotlines, alice, created } = await world();
    valueOf(
      await app.schedule.createSlots(caller, created.id, {
        slots: [{ start: '2027-05-03T08:00', end: '2027-05-03T18:00', assignees: [{ kind: 'person', id: alice.id }] }],
      }),
    );
    valueOf(await hotlines.deleteHotline(caller, created.id));
    expect(
      refusalOf(await app.schedule.slots(caller, created.id, { from: '2027-05-01T00:00', to: '2027-05-10T00:00' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });
});
