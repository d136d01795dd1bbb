import { parseInstant } from '@dutyline/domain';
import { ManualClock, SequentialIds } from '@dutyline/domain/testing';
import { InMemoryDutyline, aCaller, refusalOf, seedSampleDirectory, valueOf } from '../testing';
import { CallEntryChanges, CallEntryService } from './call-entry.service';
import { InMemoryCallEntryRepository } from './testing';

const caller = aCaller('acct-a', 'user-a');
const stranger = aCaller('acct-b', 'user-b');

async function world() {
  const store = new InMemoryDutyline(new ManualClock('2027-03-20T09:00:00Z'), new SequentialIds('id'));
  const app = store.application();
  const { hotline } = await seedSampleDirectory(app, caller);
  const lifts = valueOf(
    await app.hotlines.createHotline(caller, { name: 'Lifts', number: '+33140000010', timeZone: 'Europe/Paris' }),
  );
  const far = valueOf(
    await app.hotlines.createHotline(stranger, { name: 'Far', number: '+33140000020', timeZone: 'Europe/Paris' }),
  );
  const service = new CallEntryService({
    entries: new InMemoryCallEntryRepository(store.hotlines),
    hotlines: store.hotlines,
    audit: store.audit,
    clock: store.clock,
    ids: store.ids,
  });
  return { store, service, hotline, lifts, far };
}

const menuTo = (hotlineId: string): CallEntryChanges => ({
  front: {
    kind: 'menu',
    prompt: { text: 'Tapez 2 pour les ascenseurs' },
    choices: [{ key: '2', label: 'Lifts', target: { kind: 'hotline', hotlineId } }],
    defaultTarget: { kind: 'line' },
  },
});

describe('CallEntryService (F25)', () => {
  it('answers a direct entry until one is saved, then the saved one, in the hotline language', async () => {
    const { service, hotline, lifts } = await world();
    expect(valueOf(await service.entry(caller, hotline.id))).toEqual({
      entry: { hotlineId: hotline.id, extraNumbers: [], rules: [], front: null },
      isDefault: true,
      updatedAt: null,
    });
    const saved = valueOf(
      await service.update(caller, hotline.id, { extraNumbers: ['+33140000001'], ...menuTo(lifts.id) }),
    );
    expect(saved).toMatchObject({ isDefault: false, updatedAt: parseInstant('2027-03-20T09:00:00Z') });
    expect(valueOf(await service.entry(caller, hotline.id))).toEqual(saved);
    expect(saved.entry.front?.prompt).toEqual({
      kind: 'text',
      text: 'Tapez 2 pour les ascenseurs',
      language: hotline.language,
    });
  });

  it('records the change in the audit log', async () => {
    const { store, service, hotline, lifts } = await world();
    valueOf(await service.update(caller, hotline.id, menuTo(lifts.id)));
    const entries = await store.audit.list('acct-a', { entityType: 'call-entry' });
    expect(entries.items.map((e) => [e.action, e.entityId, e.before])).toEqual([
      ['call-entry.updated', hotline.id, null],
    ]);
  });

  it('refuses a target hotline of another account, naming the field', async () => {
    const { service, hotline, far } = await world();
    await expect(service.update(caller, hotline.id, menuTo(far.id))).rejects.toMatchObject({
      code: 'UNKNOWN_HOTLINE',
      field: 'front.choices[0].target.hotlineId',
    });
  });

  it.each([
    ["the hotline's own number", '+33140000000', 'DUPLICATE_NUMBER'],
    ['a bad number', '0140000001', 'INVALID_PHONE_NUMBER'],
  ])('refuses %s as an extra number', async (_, number, code) => {
    const { service, hotline } = await world();
    const own = number === '+33140000000' ? hotline.number.e164 : number;
    await expect(service.update(caller, hotline.id, { extraNumbers: ['+33140000001', own] })).rejects.toMatchObject({
      code,
      field: 'extraNumbers[1]',
    });
  });

  it('refuses a number another hotline answers, of any account, as a refusal at its index', async () => {
    const { service, hotline, lifts, far } = await world();
    valueOf(await service.update(stranger, far.id, { extraNumbers: ['+33140000031'] }));
    expect(
      refusalOf(await service.update(caller, hotline.id, { extraNumbers: ['+33140000032', lifts.number.e164] })),
    ).toEqual({
      code: 'NUMBER_TAKEN',
      message: '+33140000010 already answers for another hotline',
      field: 'extraNumbers[1]',
    });
    expect(refusalOf(await service.update(caller, hotline.id, { extraNumbers: ['+33140000031'] }))).toMatchObject({
      field: 'extraNumbers[0]',
    });
  });

  it("another account's hotline is not found", async () => {
    const { service, far } = await world();
    expect(refusalOf(await service.entry(caller, far.id))).toMatchObject({ code: 'NOT_FOUND', field: 'hotlineId' });
    expect(refusalOf(await service.update(caller, far.id, {}))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
