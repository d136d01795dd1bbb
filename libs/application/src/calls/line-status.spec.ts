import { Id } from '@dutyline/domain';
import { TEST_ACCOUNT } from '@dutyline/domain/testing';
import { CALLER, HOTLINE_NUMBER, T0, boilerRoomRig } from './testing/boiler-room';
import { createCalls } from './create-calls';
import { LineStatus } from './ports';

/** The boiler room's service with a line status saying which accounts are disabled (or failing). */
function rigWith(status: LineStatus | undefined, language = 'fr-FR') {
  const rig = boilerRoomRig({ language });
  const { store, hotlines, planner, events, logger, clock } = rig;
  const service = createCalls({
    store,
    hotlines,
    planner,
    events,
    logger,
    clock,
    ids: { next: () => 'call-1' },
    lineStatus: status,
  });
  const answer = () =>
    service.answer({
      carrier: 'test',
      hotlineNumber: HOTLINE_NUMBER,
      caller: CALLER,
      carrierCallId: 'carrier-1',
      at: T0,
    });
  return { rig, answer };
}

const disabled = (...accounts: Id[]): LineStatus => ({
  outOfService: async (accountId) => accounts.includes(accountId),
});

describe('inbound calls: a hotline of a disabled account', () => {
  it.each([
    ['fr-FR', "Cette ligne n'est pas en service pour le moment."],
    ['en-US', 'This line is not in service at the moment.'],
    ['nl-NL', 'This line is not in service at the moment.'],
  ])(
    'answers in %s that the line is not in service, as for an unknown number; nothing is rung or logged as a call',
    async (language, text) => {
      const { rig, answer } = rigWith(disabled(TEST_ACCOUNT), language);
      // A language without its own text: British English, said as such.
      const expectedLanguage = language === 'nl-NL' ? 'en-GB' : language;
      expect(await answer()).toEqual({
        kind: 'unknown-number',
        number: HOTLINE_NUMBER,
        language,
        message: { kind: 'text', text, language: expectedLanguage },
      });
      expect(rig.store.all()).toEqual([]);
      expect(rig.events.unknownNumbers).toEqual([]);
      expect(rig.logger.messages('info')).toEqual(['call to a hotline of a disabled account']);
    },
  );

  it('routes the calls of an account in service, and of any account when the status cannot be told', async () => {
    expect(await rigWith(disabled('another-account')).answer()).toMatchObject({ kind: 'dial' });
    const failing = rigWith({ outOfService: async () => Promise.reject(new Error('database unreachable')) });
    expect(await failing.answer()).toMatchObject({ kind: 'dial' });
    expect(failing.rig.logger.messages('warn')).toEqual([
      'could not tell whether the account is disabled: routing the call',
    ]);
  });
});
