import { legOutcomeOf } from './sip-leg-outcome';

describe('legOutcomeOf', () => {
  it.each([
    [486, false, 'busy'],
    [600, false, 'busy'],
    [408, false, 'no-answer'],
    [480, false, 'no-answer'],
    [487, true, 'no-answer'],
    [487, false, 'failed'],
    [603, false, 'rejected'],
    [404, false, 'failed'],
    [484, false, 'failed'],
    [503, false, 'failed'],
    [302, false, 'failed'],
  ] as const)('%i (cancelled by the proxy: %s) → %s', (status, cancelledByProxy, outcome) => {
    expect(legOutcomeOf(status, { cancelledByProxy })).toBe(outcome);
  });

  it.each(['machine', 'declined', 'not-confirmed', ' Not-Confirmed '])(
    'an outcome the downstream reports (%s) wins over the status',
    (reported) => {
      expect(legOutcomeOf(480, { cancelledByProxy: false, reported })).toBe(reported.trim().toLowerCase());
    },
  );

  it('an outcome it cannot read is ignored', () => {
    expect(legOutcomeOf(486, { cancelledByProxy: false, reported: 'confirmed' })).toBe('busy');
  });
});
