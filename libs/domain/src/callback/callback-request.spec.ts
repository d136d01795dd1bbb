import { HOUR_MS, MINUTE_MS, PhoneNumber, Result, TimeZone, parseInstant } from '../shared';
import { CallbackPolicyInput, callbackPolicy } from './callback-policy';
import { CallbackRefusal } from './callback-refusal';
import {
  AttemptInput,
  CallbackRequest,
  OpenCallbackRequestInput,
  addCallbackComment,
  cancelCallback,
  claimCallback,
  isAvailableToAgentAt,
  isVisibleToAgentsAt,
  liveClaimAt,
  callbackNextAttemptAt,
  noteRepeatRequest,
  openCallbackRequest,
  recordCallbackAttempt,
  releaseCallbackClaim,
  callbackRemainingAttempts,
  callbackStatusAt,
} from './callback-request';

const t = (iso: string) => parseInstant(iso);
const SECOND = 1000;

/** Paris service, 2 processing days, 3 attempts, 2 h apart, agents' list; opened Sat 27 March 10:00 CET. */
const SERVICE_POLICY: CallbackPolicyInput = {
  maxProcessingDays: 2,
  maxAttempts: 3,
  minHoursBetweenAttempts: 2,
  mode: 'manual',
};
const OPENED = t('2027-03-27T09:00:00Z');
const EXPIRES = t('2027-03-29T22:00:00Z'); // 2027-03-30T00:00+02:00

function aRequest(overrides: Partial<OpenCallbackRequestInput> = {}): CallbackRequest {
  return openCallbackRequest({
    id: 'cb-1',
    serviceId: 'svc-1',
    serviceZone: 'Europe/Paris',
    number: '+33612345678',
    source: 'caller-id',
    createdAt: OPENED,
    policy: SERVICE_POLICY,
    ...overrides,
  });
}

function accepted(result: Result<CallbackRequest, CallbackRefusal>): CallbackRequest {
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  return result.value;
}

function refusal(result: Result<CallbackRequest, CallbackRefusal>): CallbackRefusal {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

/** Records attempts in order, each given as `[ISO instant, outcome]`. */
const attempted = (request: CallbackRequest, ...attempts: [string, AttemptInput['outcome']][]) =>
  attempts.reduce((r, [at, outcome]) => accepted(recordCallbackAttempt(r, { at: t(at), outcome })), request);

describe('openCallbackRequest', () => {
  it('opens a plain JSON request with the policy snapshot and its expiry', () => {
    const request = aRequest({
      number: PhoneNumber.parse('06 12 34 56 78', { defaultCountry: 'FR' }),
      serviceZone: TimeZone.of('Europe/Paris'),
    });
    expect(request).toEqual({
      id: 'cb-1',
      serviceId: 'svc-1',
      serviceZone: 'Europe/Paris',
      number: '+33612345678',
      source: 'caller-id',
      createdAt: OPENED,
      policy: callbackPolicy(SERVICE_POLICY),
      lastDay: '2027-03-29',
      expiresAt: EXPIRES,
      attempts: [],
      comments: [],
      repeatRequests: [],
      claim: null,
      cancellation: null,
    });
    expect(JSON.parse(JSON.stringify(request))).toEqual(request);
    expect(callbackStatusAt(request, OPENED)).toBe('open');
    expect(callbackRemainingAttempts(request)).toBe(3);
    expect(callbackNextAttemptAt(request)).toBe(OPENED);
    expect(isVisibleToAgentsAt(request, OPENED)).toBe(true);
  });

  it.each<[Partial<OpenCallbackRequestInput>, string, string]>([
    [{ id: '' }, 'INVALID_ID', 'id'],
    [{ serviceId: 'svc 1' }, 'INVALID_ID', 'serviceId'],
    [{ serviceZone: 'Mars/Olympus' }, 'INVALID_TIME_ZONE', 'serviceZone'],
    [{ number: '06 12 34 56 78' }, 'INVALID_PHONE_NUMBER', 'number'],
    [{ number: '+33899123456' }, 'CALLBACK_NUMBER_NOT_ALLOWED', 'number'],
    [{ source: 'sms' }, 'INVALID_CALLBACK_SOURCE', 'source'],
    [{ createdAt: 1.5 }, 'INVALID_INSTANT', 'createdAt'],
    [{ policy: { maxAttempts: 0 } }, 'INVALID_MAX_ATTEMPTS', 'policy.maxAttempts'],
    [
      { policy: { minHoursBetweenAttempts: 0.1 } },
      'INVALID_MIN_HOURS_BETWEEN_ATTEMPTS',
      'policy.minHoursBetweenAttempts',
    ],
    [{ policy: { maxProcessingDays: 0 } }, 'INVALID_MAX_PROCESSING_DAYS', 'policy.maxProcessingDays'],
    [{ policy: { mode: 'robot' } }, 'INVALID_CALLBACK_MODE', 'policy.mode'],
  ])('refuses %j with %s on %s', (overrides, code, field) => {
    expect(() => aRequest(overrides)).toThrow(expect.objectContaining({ name: 'ValidationError', code, field }));
  });
});

describe('the minimum delay between attempts', () => {
  const afterNoAnswer = attempted(aRequest(), ['2027-03-27T09:05:00Z', 'no-answer']);
  const due = t('2027-03-27T11:05:00Z');

  it.each([
    ['2027-03-27T09:05:00Z', false],
    ['2027-03-27T11:04:59Z', false],
    ['2027-03-27T11:05:00Z', true],
    ['2027-03-27T11:05:01Z', true],
  ])('at %s is visible to agents: %s', (at, visible) => {
    expect(isVisibleToAgentsAt(afterNoAnswer, t(at))).toBe(visible);
    expect(callbackStatusAt(afterNoAnswer, t(at))).toBe('open');
  });

  it('refuses an attempt or a claim one second early, naming when it is due', () => {
    expect(callbackNextAttemptAt(afterNoAnswer)).toBe(due);
    expect(
      refusal(recordCallbackAttempt(afterNoAnswer, { at: due - SECOND, outcome: 'busy', by: 'agent-a' })),
    ).toMatchObject({
      code: 'CALLBACK_NOT_DUE',
      nextAttemptAt: due,
    });
    expect(refusal(claimCallback(afterNoAnswer, 'agent-a', due - SECOND))).toMatchObject({
      code: 'CALLBACK_NOT_DUE',
      nextAttemptAt: due,
    });
    expect(
      accepted(recordCallbackAttempt(afterNoAnswer, { at: due, outcome: 'busy', by: 'agent-a' })).attempts,
    ).toHaveLength(2);
  });

  it('is elapsed time, also on the night clocks go forward in Paris', () => {
    const request = attempted(aRequest(), ['2027-03-28T00:30:00Z', 'busy']); // 01:30 CET
    expect(callbackNextAttemptAt(request)).toBe(t('2027-03-28T02:30:00Z')); // 04:30 CEST, two real hours later
  });

  it.each(['no-answer', 'busy', 'failed'] as const)('follows a %s attempt and spends one attempt', (outcome) => {
    const request = attempted(aRequest(), ['2027-03-27T09:05:00Z', outcome]);
    expect(callbackRemainingAttempts(request)).toBe(2);
    expect(callbackNextAttemptAt(request)).toBe(due);
  });

  it('with 0 hours, the next attempt may follow at once', () => {
    const request = attempted(aRequest({ policy: { ...SERVICE_POLICY, minHoursBetweenAttempts: 0 } }), [
      '2027-03-27T09:05:00Z',
      'no-answer',
    ]);
    expect(isVisibleToAgentsAt(request, t('2027-03-27T09:05:00Z'))).toBe(true);
  });
});

describe('attempts and their limit', () => {
  const lastAllowed = t('2027-03-27T13:10:00Z');
  const twoSpent = attempted(aRequest(), ['2027-03-27T09:05:00Z', 'no-answer'], ['2027-03-27T11:05:00Z', 'busy']);

  it('the last allowed attempt reaches "max attempts reached" at its instant', () => {
    expect(callbackRemainingAttempts(twoSpent)).toBe(1);
    const spent = accepted(
      recordCallbackAttempt(twoSpent, {
        at: lastAllowed,
        outcome: 'no-answer',
        by: 'agent-a',
        comment: 'voicemail full',
      }),
    );
    expect(callbackRemainingAttempts(spent)).toBe(0);
    expect(callbackStatusAt(spent, lastAllowed - 1)).toBe('open');
    expect(callbackStatusAt(spent, lastAllowed)).toBe('max-attempts-reached');
    expect(callbackStatusAt(spent, EXPIRES + HOUR_MS)).toBe('max-attempts-reached');
    expect(callbackNextAttemptAt(spent)).toBeNull();
    expect(isVisibleToAgentsAt(spent, lastAllowed + 3 * HOUR_MS)).toBe(false);
    expect(spent.attempts[2]).toEqual({
      at: lastAllowed,
      outcome: 'no-answer',
      by: 'agent-a',
      comment: 'voicemail full',
    });
  });

  it('refuses any attempt, claim or repeat after the maximum', () => {
    const spent = accepted(recordCallbackAttempt(twoSpent, { at: lastAllowed, outcome: 'failed' }));
    const later = lastAllowed + 3 * HOUR_MS;
    for (const result of [
      recordCallbackAttempt(spent, { at: later, outcome: 'answered' }),
      claimCallback(spent, 'agent-a', later),
      noteRepeatRequest(spent, later),
      cancelCallback(spent, { at: later }),
    ]) {
      expect(refusal(result)).toMatchObject({ code: 'CALLBACK_MAX_ATTEMPTS_REACHED', status: 'max-attempts-reached' });
    }
  });

  it('an answered last attempt makes the request done, not max attempts reached', () => {
    const done = accepted(recordCallbackAttempt(twoSpent, { at: lastAllowed, outcome: 'answered', by: 'agent-a' }));
    expect(callbackStatusAt(done, lastAllowed)).toBe('done');
    expect(refusal(recordCallbackAttempt(done, { at: lastAllowed + 3 * HOUR_MS, outcome: 'no-answer' })).code).toBe(
      'CALLBACK_DONE',
    );
  });

  it("the person on duty not answering spends none of the caller's attempts and retries soon", () => {
    const automatic = aRequest({ policy: { ...SERVICE_POLICY, mode: 'automatic' } });
    const request = attempted(
      automatic,
      ['2027-03-27T09:00:00Z', 'agent-unavailable'],
      ['2027-03-27T09:05:00Z', 'agent-unavailable'],
    );
    expect(callbackRemainingAttempts(request)).toBe(3);
    expect(callbackNextAttemptAt(request)).toBe(t('2027-03-27T09:10:00Z'));
    expect(request.attempts.map((a) => a.outcome)).toEqual(['agent-unavailable', 'agent-unavailable']);
    const thenBusy = attempted(request, ['2027-03-27T09:10:00Z', 'busy']);
    expect(callbackRemainingAttempts(thenBusy)).toBe(2);
    expect(callbackNextAttemptAt(thenBusy)).toBe(t('2027-03-27T11:10:00Z'));
  });

  it('refuses an attempt once the request expired, at the exact boundary', () => {
    const request = aRequest();
    expect(callbackStatusAt(request, EXPIRES - 1)).toBe('open');
    expect(callbackStatusAt(request, EXPIRES)).toBe('expired');
    expect(isVisibleToAgentsAt(request, EXPIRES)).toBe(false);
    expect(
      accepted(recordCallbackAttempt(request, { at: EXPIRES - SECOND, outcome: 'answered' })).attempts,
    ).toHaveLength(1);
    expect(refusal(recordCallbackAttempt(request, { at: EXPIRES, outcome: 'answered' }))).toMatchObject({
      code: 'CALLBACK_EXPIRED',
      status: 'expired',
    });
  });

  it('offers no next attempt when the minimum delay would end after expiry', () => {
    const request = attempted(aRequest(), ['2027-03-29T20:30:00Z', 'no-answer']); // 22:30 CEST, expires at 00:00
    expect(callbackNextAttemptAt(request)).toBeNull();
    expect(callbackStatusAt(request, t('2027-03-29T21:59:59Z'))).toBe('open');
    expect(
      refusal(recordCallbackAttempt(request, { at: t('2027-03-29T21:30:00Z'), outcome: 'no-answer' })),
    ).toMatchObject({
      code: 'CALLBACK_NOT_DUE',
      nextAttemptAt: null,
    });
  });

  it.each<[Partial<AttemptInput>, string, string]>([
    [{ outcome: 'voicemail' }, 'INVALID_CALLBACK_OUTCOME', 'outcome'],
    [{ by: 'agent a' }, 'INVALID_ID', 'by'],
    [{ comment: '   ' }, 'REQUIRED', 'comment'],
    [{ comment: 'x'.repeat(1001) }, 'TOO_LONG', 'comment'],
    [{ at: Number.NaN }, 'INVALID_INSTANT', 'at'],
    [{ at: OPENED - 1 }, 'BEFORE_CALLBACK_REQUEST', 'at'],
  ])('refuses the attempt input %j with %s on %s', (input, code, field) => {
    expect(() => recordCallbackAttempt(aRequest(), { at: OPENED, outcome: 'busy', ...input })).toThrow(
      expect.objectContaining({ name: 'ValidationError', code, field }),
    );
  });
});

describe('new settings apply to new requests only', () => {
  it('an open request keeps the policy it was opened under', () => {
    const settings: CallbackPolicyInput = { ...SERVICE_POLICY };
    const before = aRequest({ id: 'cb-old', policy: settings });
    settings.maxAttempts = 5; // the service's settings are edited in place…
    const changed = { maxProcessingDays: 5, maxAttempts: 5, minHoursBetweenAttempts: 0.5, mode: 'automatic' };
    const after = aRequest({ id: 'cb-new', policy: changed, createdAt: t('2027-03-27T09:30:00Z') });

    expect(before.policy).toEqual(callbackPolicy(SERVICE_POLICY));
    expect([callbackRemainingAttempts(before), callbackRemainingAttempts(after)]).toEqual([3, 5]);
    expect([before.lastDay, after.lastDay]).toEqual(['2027-03-29', '2027-04-01']);
    const [b, a] = [before, after].map((r) => attempted(r, ['2027-03-27T10:00:00Z', 'no-answer']));
    expect(callbackNextAttemptAt(b)).toBe(t('2027-03-27T12:00:00Z'));
    expect(callbackNextAttemptAt(a)).toBe(t('2027-03-27T10:30:00Z'));
  });
});

describe('claims by agents', () => {
  const at = t('2027-03-27T09:10:00Z');
  const until = at + 15 * MINUTE_MS;
  const held = accepted(claimCallback(aRequest(), 'agent-a', at));

  it('the second of two agents claiming at once is refused, told who holds it and until when', () => {
    expect(held.claim).toEqual({ agentId: 'agent-a', at, until });
    expect(refusal(claimCallback(held, 'agent-b', at))).toMatchObject({
      code: 'CALLBACK_CLAIMED',
      agentId: 'agent-a',
      until,
    });
    expect(isAvailableToAgentAt(held, 'agent-b', at)).toBe(false);
    expect(isAvailableToAgentAt(held, 'agent-a', at)).toBe(true);
    expect(isVisibleToAgentsAt(held, at)).toBe(true);
  });

  it('a claim lapses after claimMinutes, so a forgotten one frees the request', () => {
    expect(liveClaimAt(held, until - SECOND)).not.toBeNull();
    expect(refusal(claimCallback(held, 'agent-b', until - SECOND)).code).toBe('CALLBACK_CLAIMED');
    expect(liveClaimAt(held, until)).toBeNull();
    expect(accepted(claimCallback(held, 'agent-b', until)).claim).toEqual({
      agentId: 'agent-b',
      at: until,
      until: until + 15 * MINUTE_MS,
    });
  });

  it('the same agent claiming again renews the claim', () => {
    const renewed = accepted(claimCallback(held, 'agent-a', at + 10 * MINUTE_MS));
    expect(renewed.claim?.until).toBe(at + 25 * MINUTE_MS);
  });

  it('nobody else may record an attempt on a held request, not even the dialler', () => {
    expect(refusal(recordCallbackAttempt(held, { at, outcome: 'no-answer', by: 'agent-b' })).code).toBe(
      'CALLBACK_CLAIMED',
    );
    expect(refusal(recordCallbackAttempt(held, { at, outcome: 'no-answer' })).code).toBe('CALLBACK_CLAIMED');
  });

  it('recording the outcome frees the claim', () => {
    const done = accepted(
      recordCallbackAttempt(held, {
        at: at + MINUTE_MS,
        outcome: 'no-answer',
        by: 'agent-a',
        comment: 'no answer, will retry',
      }),
    );
    expect(done.claim).toBeNull();
  });

  it('only its holder releases a live claim; releasing nothing is harmless', () => {
    expect(refusal(releaseCallbackClaim(held, 'agent-b', at)).code).toBe('CALLBACK_CLAIMED');
    const released = accepted(releaseCallbackClaim(held, 'agent-a', at + MINUTE_MS));
    expect(released.claim).toBeNull();
    expect(accepted(releaseCallbackClaim(released, 'agent-b', at + MINUTE_MS)).claim).toBeNull();
    expect(accepted(claimCallback(released, 'agent-b', at + MINUTE_MS)).claim?.agentId).toBe('agent-b');
  });

  it('refuses claims on closed requests and bad agent ids', () => {
    expect(refusal(claimCallback(aRequest(), 'agent-a', EXPIRES)).code).toBe('CALLBACK_EXPIRED');
    expect(() => claimCallback(aRequest(), '', at)).toThrow(
      expect.objectContaining({ code: 'INVALID_ID', field: 'agentId' }),
    );
  });
});

describe('comments, repeats and cancellation', () => {
  it('keeps comments in order, on open and closed requests alike', () => {
    const done = attempted(aRequest(), ['2027-03-27T09:05:00Z', 'answered']);
    const commented = addCallbackComment(
      addCallbackComment(aRequest(), { at: OPENED, by: 'agent-a', text: 'Boiler leak, urgent' }),
      {
        at: OPENED + MINUTE_MS,
        text: "Called from a neighbour's phone",
      },
    );
    expect(commented.comments).toEqual([
      { at: OPENED, by: 'agent-a', text: 'Boiler leak, urgent' },
      { at: OPENED + MINUTE_MS, by: null, text: "Called from a neighbour's phone" },
    ]);
    expect(addCallbackComment(done, { at: EXPIRES + HOUR_MS, text: 'Fixed on site' }).comments).toHaveLength(1);
    expect(() => addCallbackComment(done, { at: OPENED, text: '  ' })).toThrow(
      expect.objectContaining({ code: 'REQUIRED', field: 'text' }),
    );
  });

  it('notes a repeat on the open request without touching its attempts, delay or expiry', () => {
    const busy = attempted(aRequest(), ['2027-03-27T09:05:00Z', 'busy']);
    const repeated = accepted(noteRepeatRequest(busy, t('2027-03-27T09:30:00Z')));
    expect(repeated.repeatRequests).toEqual([t('2027-03-27T09:30:00Z')]);
    expect({ ...repeated, repeatRequests: [] }).toEqual(busy);
    expect(refusal(noteRepeatRequest(busy, EXPIRES)).code).toBe('CALLBACK_EXPIRED');
  });

  it('cancels an open request, frees its claim, and refuses to cancel twice', () => {
    const held = accepted(claimCallback(aRequest(), 'agent-a', OPENED));
    const at = OPENED + HOUR_MS;
    const cancelled = accepted(cancelCallback(held, { at, by: 'admin-1', reason: 'Caller reached by e-mail' }));
    expect(cancelled.cancellation).toEqual({ at, by: 'admin-1', reason: 'Caller reached by e-mail' });
    expect(cancelled.claim).toBeNull();
    expect([callbackStatusAt(cancelled, at - 1), callbackStatusAt(cancelled, at)]).toEqual(['open', 'cancelled']);
    expect(isVisibleToAgentsAt(cancelled, at)).toBe(false);
    expect(callbackNextAttemptAt(cancelled)).toBeNull();
    expect(refusal(cancelCallback(cancelled, { at: at + 1 })).code).toBe('CALLBACK_CANCELLED');
    expect(refusal(recordCallbackAttempt(cancelled, { at: at + 1, outcome: 'answered' })).code).toBe(
      'CALLBACK_CANCELLED',
    );
  });

  it('stays plain JSON through every transition', () => {
    let request = accepted(claimCallback(aRequest(), 'agent-a', OPENED));
    request = accepted(
      recordCallbackAttempt(request, {
        at: OPENED + MINUTE_MS,
        outcome: 'no-answer',
        by: 'agent-a',
        comment: 'rang out',
      }),
    );
    request = accepted(
      noteRepeatRequest(
        addCallbackComment(request, { at: OPENED + 2 * MINUTE_MS, text: 'note' }),
        OPENED + 3 * MINUTE_MS,
      ),
    );
    request = accepted(cancelCallback(request, { at: OPENED + 4 * MINUTE_MS }));
    expect(JSON.parse(JSON.stringify(request))).toEqual(request);
  });
});
