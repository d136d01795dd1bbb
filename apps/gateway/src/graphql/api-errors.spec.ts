import { RefusalError, apiDetails } from './api-errors';

describe('refusal details as the API gives them', () => {
  it('turns instants into ISO strings: Dates, and numbers under keys named like instants, nested too', () => {
    const at = Date.UTC(2027, 2, 27, 11, 0, 0);
    expect(
      apiDetails({
        nextAttemptAt: at,
        until: at,
        agentId: 'u-1',
        retryAfterSeconds: 30,
        currentVersion: 4,
        when: new Date(at),
        none: null,
        usedBy: [{ kind: 'slot', startsAt: at }],
      }),
    ).toEqual({
      nextAttemptAt: '2027-03-27T11:00:00.000Z',
      until: '2027-03-27T11:00:00.000Z',
      agentId: 'u-1',
      retryAfterSeconds: 30,
      currentVersion: 4,
      when: '2027-03-27T11:00:00.000Z',
      none: null,
      usedBy: [{ kind: 'slot', startsAt: '2027-03-27T11:00:00.000Z' }],
    });
  });

  it('is what a RefusalError carries: CALLBACK_NOT_DUE with no attempt left keeps null', () => {
    expect(new RefusalError('CALLBACK_NOT_DUE', 'not yet', 'id', { nextAttemptAt: 1_800_000_000_000 }).details).toEqual(
      { nextAttemptAt: '2027-01-15T08:00:00.000Z' },
    );
    expect(new RefusalError('CALLBACK_NOT_DUE', 'none fits', 'id', { nextAttemptAt: null }).details).toEqual({
      nextAttemptAt: null,
    });
  });
});
