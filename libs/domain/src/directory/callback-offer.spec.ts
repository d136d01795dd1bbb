import { callbackOffer } from './callback-offer';

describe('callbackOffer (F19)', () => {
  it.each([
    [{ at: 'greeting' }, { at: 'greeting' }],
    [{ at: 'before-voicemail' }, { at: 'before-voicemail' }],
    [null, null],
    [undefined, null],
  ])('reads %p as %p', (input, offer) => {
    expect(callbackOffer(input)).toEqual(offer);
  });

  it.each([
    [{ at: 'after-voicemail' }, 'callbackIntake.offer.at'],
    [{ at: '' }, 'callbackIntake.offer.at'],
    [{}, 'callbackIntake.offer.at'],
    ['greeting', 'callbackIntake.offer'],
    [['greeting'], 'callbackIntake.offer'],
  ])('refuses %p naming %s', (input, field) => {
    expect(() => callbackOffer(input as never, 'callbackIntake.offer')).toThrow(
      expect.objectContaining({ name: 'ValidationError', code: 'INVALID_CALLBACK_OFFER', field }),
    );
  });

  it('stays plain JSON', () => {
    const offer = callbackOffer({ at: 'before-voicemail' });
    expect(JSON.parse(JSON.stringify(offer))).toEqual(offer);
  });
});
