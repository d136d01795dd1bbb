import { refusalOf, valueOf } from '../testing';
import { callbackWorld } from './testing';

describe('CallbackIntakeService (F19)', () => {
  it('keeps what a change does not name, and goes back to the defaults on null', async () => {
    const w = await callbackWorld();
    const intake = w.callbacks.intake;
    expect(valueOf(await intake.settings(w.caller, w.hotlineRef))).toEqual({
      service: w.hotlineRef,
      offer: null,
      allowedCountries: null,
      updatedAt: null,
    });
    valueOf(await intake.update(w.caller, w.hotlineRef, { offer: { at: 'before-voicemail' } }));
    expect(valueOf(await intake.update(w.caller, w.hotlineRef, { allowedCountries: ['be', 'FR'] }))).toMatchObject({
      offer: { at: 'before-voicemail' },
      allowedCountries: ['BE', 'FR'],
    });
    expect(valueOf(await intake.update(w.caller, w.hotlineRef, { offer: null, allowedCountries: [] }))).toMatchObject({
      offer: null,
      allowedCountries: null,
    });
    expect(w.dutyline.audit.entries('acct-a').filter((e) => e.action === 'callback-intake.updated')).toHaveLength(3);
  });

  it.each([
    ['an offer point that does not exist', { offer: { at: 'never' } }, 'INVALID_CALLBACK_OFFER', 'offer.at'],
    ['an unknown country', { allowedCountries: ['FR', 'XX'] }, 'INVALID_COUNTRY', 'allowedCountries[1]'],
  ])('refuses %s, naming the field', async (_, changes, code, field) => {
    const w = await callbackWorld();
    await expect(w.callbacks.intake.update(w.caller, w.hotlineRef, changes)).rejects.toMatchObject({
      name: 'ValidationError',
      code,
      field,
    });
  });

  it("refuses an offer for a team (it has no call flow) and another account's service", async () => {
    const w = await callbackWorld();
    await expect(w.callbacks.intake.update(w.caller, w.crewRef, { offer: { at: 'greeting' } })).rejects.toMatchObject({
      code: 'INVALID_CALLBACK_OFFER',
      field: 'offer',
    });
    expect(
      refusalOf(await w.callbacks.intake.settings({ ...w.caller, accountId: 'acct-b' }, w.hotlineRef)),
    ).toMatchObject({ code: 'NOT_FOUND', field: 'service.id' });
  });
});
