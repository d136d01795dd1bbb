import { MINUTE_MS, PhoneNumber, parseInstant } from '../shared';
import { CallbackPolicyInput } from './callback-policy';
import { findMergeTarget, receiveCallbackRequest } from './callback-intake';
import { callbackJobId, callbackListEntry, callbackNextDueAt, shouldDialAt, visibleToAgentsAt } from './callback-list';
import {
  CallbackRequest,
  OpenCallbackRequestInput,
  claimCallback,
  recordCallbackAttempt,
  openCallbackRequest,
} from './callback-request';

const t = (iso: string) => parseInstant(iso);

/** Tokyo service (no clock changes): 1 processing day, 2 attempts 1 h apart; opened Mon 1 March 09:00 JST. */
const input = (
  policy: CallbackPolicyInput,
  overrides: Partial<OpenCallbackRequestInput> = {},
): OpenCallbackRequestInput => ({
  id: 'cb-1',
  serviceId: 'svc-tokyo',
  serviceZone: 'Asia/Tokyo',
  number: '+81312345678',
  source: 'keyed',
  createdAt: t('2027-03-01T00:00:00Z'),
  policy: { maxProcessingDays: 1, maxAttempts: 2, minHoursBetweenAttempts: 1, ...policy },
  ...overrides,
});
const manual = (overrides: Partial<OpenCallbackRequestInput> = {}) =>
  openCallbackRequest(input({ mode: 'manual' }, overrides));
const automatic = (overrides: Partial<OpenCallbackRequestInput> = {}) =>
  openCallbackRequest(input({ mode: 'automatic' }, overrides));
const EXPIRES = t('2027-03-02T15:00:00Z'); // 2027-03-03T00:00+09:00

function then(result: ReturnType<typeof recordCallbackAttempt>): CallbackRequest {
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  return result.value;
}

describe('the callback list', () => {
  it('shows number, creation, remaining attempts, next attempt, expiry, status and the history', () => {
    const request = then(
      recordCallbackAttempt(manual(), {
        at: t('2027-03-01T00:10:00Z'),
        outcome: 'no-answer',
        by: 'agent-a',
        comment: 'rang out',
      }),
    );
    expect(callbackListEntry(request, t('2027-03-01T00:30:00Z'))).toEqual({
      id: 'cb-1',
      serviceId: 'svc-tokyo',
      number: '+81312345678',
      source: 'keyed',
      createdAt: t('2027-03-01T00:00:00Z'),
      status: 'open',
      remainingAttempts: 1,
      maxAttempts: 2,
      nextAttemptAt: t('2027-03-01T01:10:00Z'),
      expiresAt: EXPIRES,
      lastDay: '2027-03-02',
      visibleToAgents: false,
      claimedBy: null,
      claimedUntil: null,
      attempts: [
        { at: t('2027-03-01T00:10:00Z'), outcome: 'no-answer', by: 'agent-a', comment: 'rang out', counted: true },
      ],
      comments: [],
      repeatRequests: [],
    });
  });

  it.each([
    ['2027-03-02T14:59:59Z', 'open', '2027-03-01T00:00:00.000Z', true],
    ['2027-03-02T15:00:00Z', 'expired', null, false],
  ])('at %s the entry is %s, next attempt %s, visible %s', (at, status, next, visible) => {
    const entry = callbackListEntry(manual(), t(at));
    expect([entry.status, entry.nextAttemptAt, entry.visibleToAgents]).toEqual([status, next && t(next), visible]);
  });

  it('marks attempts that spent nothing, and shows who holds the request', () => {
    const request = then(
      recordCallbackAttempt(automatic(), { at: t('2027-03-01T00:00:00Z'), outcome: 'agent-unavailable' }),
    );
    const held = then(claimCallback(request, 'agent-a', t('2027-03-01T00:05:00Z')));
    const entry = callbackListEntry(held, t('2027-03-01T00:06:00Z'));
    expect(entry.attempts.map((a) => a.counted)).toEqual([false]);
    expect([entry.remainingAttempts, entry.claimedBy, entry.claimedUntil]).toEqual([
      2,
      'agent-a',
      t('2027-03-01T00:20:00Z'),
    ]);
  });

  it("lists what agents may work at an instant, longest waiting first, without others' claims", () => {
    const waiting = manual({ id: 'cb-waiting', createdAt: t('2027-03-01T00:00:00Z') });
    const fresh = manual({ id: 'cb-fresh', number: '+81312345679', createdAt: t('2027-03-01T00:20:00Z') });
    const hidden = then(
      recordCallbackAttempt(manual({ id: 'cb-hidden', number: '+81312345670' }), {
        at: t('2027-03-01T00:10:00Z'),
        outcome: 'busy',
      }),
    );
    const expired = manual({ id: 'cb-expired', number: '+81312345671', createdAt: t('2027-02-20T00:00:00Z') });
    const held = then(
      claimCallback(
        manual({ id: 'cb-held', number: '+81312345672', createdAt: t('2027-03-01T00:10:00Z') }),
        'agent-a',
        t('2027-03-01T00:25:00Z'),
      ),
    );
    const all = [fresh, hidden, expired, held, waiting];
    const at = t('2027-03-01T00:30:00Z');
    expect(visibleToAgentsAt(all, at).map((r) => r.id)).toEqual(['cb-waiting', 'cb-held', 'cb-fresh']);
    expect(visibleToAgentsAt(all, at, 'agent-b').map((r) => r.id)).toEqual(['cb-waiting', 'cb-fresh']);
    expect(visibleToAgentsAt(all, at, 'agent-a').map((r) => r.id)).toEqual(['cb-waiting', 'cb-held', 'cb-fresh']);
    expect(visibleToAgentsAt(all, t('2027-03-01T01:10:00Z'), 'agent-b').map((r) => r.id)).toContain('cb-hidden');
  });
});

describe('what the worker schedules', () => {
  it.each([
    ['a new request: at once', (r: CallbackRequest) => r, '2027-03-01T00:00:00Z'],
    [
      'after no answer: the minimum delay',
      (r: CallbackRequest) => then(recordCallbackAttempt(r, { at: t('2027-03-01T00:00:00Z'), outcome: 'no-answer' })),
      '2027-03-01T01:00:00Z',
    ],
    [
      'after the person on duty did not answer: soon',
      (r: CallbackRequest) =>
        then(recordCallbackAttempt(r, { at: t('2027-03-01T00:00:00Z'), outcome: 'agent-unavailable' })),
      '2027-03-01T00:05:00Z',
    ],
    [
      'when no attempt fits any more: the expiry',
      (r: CallbackRequest) => then(recordCallbackAttempt(r, { at: t('2027-03-02T14:30:00Z'), outcome: 'busy' })),
      '2027-03-02T15:00:00Z',
    ],
    [
      'while an agent holds it: the end of the claim',
      (r: CallbackRequest) => then(claimCallback(r, 'agent-a', t('2027-03-01T00:01:00Z'))),
      '2027-03-01T00:16:00Z',
    ],
    [
      'after the answer: nothing',
      (r: CallbackRequest) => then(recordCallbackAttempt(r, { at: t('2027-03-01T00:00:00Z'), outcome: 'answered' })),
      null,
    ],
  ])('%s', (_, step, due) => {
    const request = step(automatic());
    expect(callbackNextDueAt(request)).toBe(due && t(due));
    expect(callbackJobId(request)).toBe(due && `callback-cb-1-${t(due)}`);
  });

  it('after the last allowed attempt: nothing', () => {
    const once = then(recordCallbackAttempt(automatic(), { at: t('2027-03-01T00:00:00Z'), outcome: 'busy' }));
    const twice = then(recordCallbackAttempt(once, { at: t('2027-03-01T01:00:00Z'), outcome: 'failed' }));
    expect([callbackNextDueAt(twice), callbackJobId(twice)]).toEqual([null, null]);
  });

  it('in manual mode the next due instant is when the request reappears to agents; claims do not move it', () => {
    const held = then(claimCallback(manual(), 'agent-a', t('2027-03-01T00:01:00Z')));
    expect(callbackNextDueAt(held)).toBe(t('2027-03-01T00:00:00Z'));
  });

  it('dials only in automatic mode, once due, while open and not held by an agent', () => {
    const due = t('2027-03-01T01:00:00Z');
    const afterBusy = then(recordCallbackAttempt(automatic(), { at: t('2027-03-01T00:00:00Z'), outcome: 'busy' }));
    expect([shouldDialAt(afterBusy, due - 1000), shouldDialAt(afterBusy, due)]).toEqual([false, true]);
    expect(
      shouldDialAt(then(recordCallbackAttempt(manual(), { at: t('2027-03-01T00:00:00Z'), outcome: 'busy' })), due),
    ).toBe(false);
    expect(shouldDialAt(then(claimCallback(afterBusy, 'agent-a', due)), due + MINUTE_MS)).toBe(false);
    expect(shouldDialAt(automatic(), EXPIRES)).toBe(false);
  });
});

describe('the same caller asking again', () => {
  const first = manual();
  const again = (overrides: Partial<OpenCallbackRequestInput>) =>
    receiveCallbackRequest([first], input({ mode: 'manual' }, { id: 'cb-2', ...overrides }));

  it('merges into the open request of the same service, whatever form the number was given in', () => {
    const at = t('2027-03-01T03:00:00Z');
    const intake = again({
      createdAt: at,
      number: PhoneNumber.parse('03-1234-5678', { defaultCountry: 'JP' }),
      source: 'caller-id',
    });
    expect(intake.outcome).toBe('merged');
    expect(intake.request.id).toBe('cb-1');
    expect(intake.request.repeatRequests).toEqual([at]);
    expect(findMergeTarget([first], { serviceId: 'svc-tokyo', number: '+81312345678' }, at)).toBe(first);
  });

  it.each<[string, Partial<OpenCallbackRequestInput>]>([
    ['another service', { serviceId: 'svc-osaka', createdAt: t('2027-03-01T03:00:00Z') }],
    ['another number', { number: '+81312345679', createdAt: t('2027-03-01T03:00:00Z') }],
    ['the first has expired', { createdAt: EXPIRES }],
  ])('opens a new request for %s', (_, overrides) => {
    const intake = again(overrides);
    expect(intake.outcome).toBe('opened');
    expect(intake.request).toMatchObject({ id: 'cb-2', repeatRequests: [] });
  });

  it('opens a new request once the first is done, and merges into the oldest of several open ones', () => {
    const done = then(recordCallbackAttempt(first, { at: t('2027-03-01T00:30:00Z'), outcome: 'answered' }));
    expect(
      receiveCallbackRequest([done], input({}, { id: 'cb-2', createdAt: t('2027-03-01T01:00:00Z') })).outcome,
    ).toBe('opened');
    const newer = manual({ id: 'cb-0', createdAt: t('2027-03-01T00:30:00Z') });
    expect(
      findMergeTarget([newer, first], { serviceId: 'svc-tokyo', number: '+81312345678' }, t('2027-03-01T01:00:00Z'))
        ?.id,
    ).toBe('cb-1');
    expect(
      findMergeTarget([newer], { serviceId: 'svc-tokyo', number: '+81312345678' }, t('2027-03-01T00:10:00Z')),
    ).toBeUndefined();
  });

  it('validates the new request before looking for one to merge into', () => {
    expect(() => again({ number: '+81899' })).toThrow(
      expect.objectContaining({ code: 'INVALID_PHONE_NUMBER', field: 'number' }),
    );
  });
});
