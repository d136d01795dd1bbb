import { DEFAULT_CALLBACK_POLICY, parseInstant } from '@dutyline/domain';
import { ManualClock, SequentialIds } from '@dutyline/domain/testing';
import { InMemoryDutyline, aCaller, refusalOf, seedSampleDirectory, valueOf } from '../testing';

const caller = aCaller('acct-a', 'user-a');
const stranger = aCaller('acct-b', 'user-b');

async function world() {
  const store = new InMemoryDutyline(new ManualClock('2027-03-20T09:00:00Z'), new SequentialIds('id'));
  const app = store.application();
  const dir = await seedSampleDirectory(app, caller);
  return {
    store,
    app,
    settings: app.callbackSettings,
    ...dir,
    hotlineRef: { kind: 'hotline' as const, id: dir.hotline.id },
    teamRef: { kind: 'team' as const, id: dir.crew.id },
  };
}

describe('CallbackSettingsService (F20)', () => {
  it('answers the documented defaults until something is saved', async () => {
    const { settings, hotlineRef } = await world();
    expect(valueOf(await settings.settings(caller, hotlineRef))).toEqual({
      service: hotlineRef,
      policy: DEFAULT_CALLBACK_POLICY,
      isDefault: true,
      updatedAt: null,
    });
  });

  it('keeps the fields a change does not name, per service', async () => {
    const { settings, hotlineRef, teamRef } = await world();
    valueOf(await settings.updateSettings(caller, hotlineRef, { maxAttempts: 5 }));
    const updated = valueOf(
      await settings.updateSettings(caller, hotlineRef, { minHoursBetweenAttempts: 0.5, maxProcessingDays: 7 }),
    );
    expect(updated).toMatchObject({
      isDefault: false,
      updatedAt: parseInstant('2027-03-20T09:00:00Z'),
      policy: { maxAttempts: 5, minHoursBetweenAttempts: 0.5, maxProcessingDays: 7, mode: 'manual' },
    });
    expect(valueOf(await settings.settings(caller, teamRef)).isDefault).toBe(true);
  });

  it('gives new requests the policy saved last, and the defaults again after a reset', async () => {
    const { settings, teamRef } = await world();
    expect(await settings.policyForNewRequest('acct-a', teamRef)).toEqual(DEFAULT_CALLBACK_POLICY);
    valueOf(await settings.updateSettings(caller, teamRef, { maxAttempts: 8, mode: 'automatic' }));
    expect(await settings.policyForNewRequest('acct-a', teamRef)).toMatchObject({ maxAttempts: 8, mode: 'automatic' });
    valueOf(await settings.resetSettings(caller, teamRef));
    expect(await settings.policyForNewRequest('acct-a', teamRef)).toEqual(DEFAULT_CALLBACK_POLICY);
  });

  it.each([
    ['a fractional attempt count', { maxAttempts: 2.5 }, 'INVALID_MAX_ATTEMPTS', 'maxAttempts'],
    [
      'hours not in quarter steps',
      { minHoursBetweenAttempts: 0.3 },
      'INVALID_MIN_HOURS_BETWEEN_ATTEMPTS',
      'minHoursBetweenAttempts',
    ],
    ['too many days', { maxProcessingDays: 91 }, 'INVALID_MAX_PROCESSING_DAYS', 'maxProcessingDays'],
    ['an unknown mode', { mode: 'sometimes' }, 'INVALID_CALLBACK_MODE', 'mode'],
  ])('refuses %s, naming the field', async (_, changes, code, field) => {
    const { settings, hotlineRef } = await world();
    await expect(settings.updateSettings(caller, hotlineRef, changes)).rejects.toMatchObject({
      name: 'ValidationError',
      code,
      field,
    });
    expect(valueOf(await settings.settings(caller, hotlineRef)).isDefault).toBe(true);
  });

  it("cannot read or change another account's service", async () => {
    const { store, settings, hotlineRef } = await world();
    expect(refusalOf(await settings.settings(stranger, hotlineRef))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'service.id',
    });
    expect(refusalOf(await settings.updateSettings(stranger, hotlineRef, { maxAttempts: 9 }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'service.id',
    });
    expect(store.db.count('CallbackSettings.saveCallbackSettings')).toBe(0);
  });

  it('forgets the settings of a deleted team', async () => {
    const { app, settings, teamRef } = await world();
    valueOf(await settings.updateSettings(caller, teamRef, { maxAttempts: 4 }));
    valueOf(await app.directory.deleteTeam(caller, teamRef.id));
    expect(await settings.policyForNewRequest('acct-a', teamRef)).toEqual(DEFAULT_CALLBACK_POLICY);
  });

  it('records changes in the audit log, before and after', async () => {
    const { store, settings, hotlineRef } = await world();
    valueOf(await settings.updateSettings(caller, hotlineRef, { maxAttempts: 4 }));
    valueOf(await settings.resetSettings(caller, hotlineRef));
    const entries = store.audit.entries('acct-a').filter((e) => e.entityType === 'callback-settings');
    expect(entries.map((e) => [e.action, e.before === null, e.after === null])).toEqual([
      ['callback-settings.updated', true, false],
      ['callback-settings.reset', false, true],
    ]);
  });
});
