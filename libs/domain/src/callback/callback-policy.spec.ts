import { LocalDate, TimeZone, parseInstant } from '../shared';
import { callbackExpiry } from './callback-expiry';
import { CallbackPolicyInput, DEFAULT_CALLBACK_POLICY, callbackPolicy } from './callback-policy';

const iso = (at: number) => new Date(at).toISOString();

describe('CallbackPolicy', () => {
  it('fills the documented defaults', () => {
    expect(callbackPolicy()).toEqual({
      maxProcessingDays: 2,
      maxAttempts: 3,
      minHoursBetweenAttempts: 2,
      mode: 'manual',
      claimMinutes: 15,
      agentRetryMinutes: 5,
    });
    expect(callbackPolicy({ mode: 'automatic' })).toEqual({ ...DEFAULT_CALLBACK_POLICY, mode: 'automatic' });
  });

  it.each<[CallbackPolicyInput]>([
    [{ maxProcessingDays: 1, maxAttempts: 1, minHoursBetweenAttempts: 0 }],
    [{ maxProcessingDays: 90, maxAttempts: 20, minHoursBetweenAttempts: 168 }],
    [{ minHoursBetweenAttempts: 0.25 }],
    [{ minHoursBetweenAttempts: 1.5, claimMinutes: 240, agentRetryMinutes: 120 }],
    [{ claimMinutes: 1, agentRetryMinutes: 1, mode: 'manual' }],
  ])('accepts %j as given', (input) => {
    expect(callbackPolicy(input)).toEqual({ ...DEFAULT_CALLBACK_POLICY, ...input });
  });

  it.each<[CallbackPolicyInput, string, string]>([
    [{ maxProcessingDays: 0 }, 'INVALID_MAX_PROCESSING_DAYS', 'maxProcessingDays'],
    [{ maxProcessingDays: 91 }, 'INVALID_MAX_PROCESSING_DAYS', 'maxProcessingDays'],
    [{ maxProcessingDays: 1.5 }, 'INVALID_MAX_PROCESSING_DAYS', 'maxProcessingDays'],
    [{ maxProcessingDays: '2' as unknown as number }, 'INVALID_MAX_PROCESSING_DAYS', 'maxProcessingDays'],
    [{ maxAttempts: 0 }, 'INVALID_MAX_ATTEMPTS', 'maxAttempts'],
    [{ maxAttempts: 21 }, 'INVALID_MAX_ATTEMPTS', 'maxAttempts'],
    [{ maxAttempts: 2.5 }, 'INVALID_MAX_ATTEMPTS', 'maxAttempts'],
    [{ minHoursBetweenAttempts: -0.25 }, 'INVALID_MIN_HOURS_BETWEEN_ATTEMPTS', 'minHoursBetweenAttempts'],
    [{ minHoursBetweenAttempts: 168.25 }, 'INVALID_MIN_HOURS_BETWEEN_ATTEMPTS', 'minHoursBetweenAttempts'],
    [{ minHoursBetweenAttempts: 0.1 }, 'INVALID_MIN_HOURS_BETWEEN_ATTEMPTS', 'minHoursBetweenAttempts'],
    [{ minHoursBetweenAttempts: Number.NaN }, 'INVALID_MIN_HOURS_BETWEEN_ATTEMPTS', 'minHoursBetweenAttempts'],
    [{ mode: 'Manual' }, 'INVALID_CALLBACK_MODE', 'mode'],
    [{ claimMinutes: 0 }, 'INVALID_CLAIM_MINUTES', 'claimMinutes'],
    [{ claimMinutes: 241 }, 'INVALID_CLAIM_MINUTES', 'claimMinutes'],
    [{ agentRetryMinutes: 0 }, 'INVALID_AGENT_RETRY_MINUTES', 'agentRetryMinutes'],
    [{ agentRetryMinutes: 121 }, 'INVALID_AGENT_RETRY_MINUTES', 'agentRetryMinutes'],
  ])('refuses %j with %s on %s rather than clamping', (input, code, field) => {
    expect(() => callbackPolicy(input)).toThrow(expect.objectContaining({ name: 'ValidationError', code, field }));
  });
});

describe('callbackExpiry: the creation day and N more calendar days in the service zone', () => {
  it.each([
    // zone, created at, days, last day, expires at
    ['Europe/Paris', '2027-03-26T09:00:00Z', 1, '2027-03-27', '2027-03-27T23:00:00.000Z'], // before the change: +01:00
    ['Europe/Paris', '2027-03-27T09:00:00Z', 1, '2027-03-28', '2027-03-28T22:00:00.000Z'], // 28 March lasts 23 h
    ['Europe/Paris', '2027-03-27T22:59:59Z', 2, '2027-03-29', '2027-03-29T22:00:00.000Z'], // last second of the 27th
    ['Europe/Paris', '2027-03-27T23:00:00Z', 2, '2027-03-30', '2027-03-30T22:00:00.000Z'], // local midnight starts the 28th
    ['Europe/Paris', '2027-03-28T21:30:00Z', 1, '2027-03-29', '2027-03-29T22:00:00.000Z'], // 23:30 CEST
    ['Europe/Paris', '2027-10-30T10:00:00Z', 1, '2027-10-31', '2027-10-31T23:00:00.000Z'], // 31 October lasts 25 h
    ['Europe/Paris', '2027-10-31T00:30:00Z', 1, '2027-11-01', '2027-11-01T23:00:00.000Z'], // 02:30, first time
    ['Europe/Paris', '2027-10-31T01:30:00Z', 1, '2027-11-01', '2027-11-01T23:00:00.000Z'], // 02:30, second time
    ['America/New_York', '2027-03-13T17:00:00Z', 1, '2027-03-14', '2027-03-15T04:00:00.000Z'],
    ['America/New_York', '2027-11-06T16:00:00Z', 1, '2027-11-07', '2027-11-08T05:00:00.000Z'],
    ['Australia/Lord_Howe', '2027-04-03T01:00:00Z', 1, '2027-04-04', '2027-04-04T13:30:00.000Z'], // +11 → +10:30
    ['Australia/Lord_Howe', '2027-10-02T01:00:00Z', 1, '2027-10-03', '2027-10-03T13:00:00.000Z'], // +10:30 → +11
    ['Asia/Tokyo', '2027-03-27T01:00:00Z', 1, '2027-03-28', '2027-03-28T15:00:00.000Z'],
    ['Asia/Tokyo', '2027-10-30T14:59:59Z', 1, '2027-10-31', '2027-10-31T15:00:00.000Z'],
    ['UTC', '2027-12-31T12:00:00Z', 90, '2028-03-30', '2028-03-31T00:00:00.000Z'], // leap year
    // Santiago skips 00:00–01:00 on 2027-09-05: that day starts at 01:00 -03, the instant clocks jumped.
    ['America/Santiago', '2027-09-03T16:00:00Z', 1, '2027-09-04', '2027-09-05T04:00:00.000Z'],
  ])('%s, opened %s, %i day(s): worked until %s, expired from %s', (zone, createdAt, days, lastDay, expiresAt) => {
    const expiry = callbackExpiry(parseInstant(createdAt), TimeZone.of(zone), days);
    expect(expiry).toEqual({ lastDay, expiresAt: parseInstant(expiresAt) });
    expect(iso(expiry.expiresAt)).toBe(expiresAt);
  });

  it('expires exactly at the local midnight ending the last day, in every zone', () => {
    for (const zone of ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Tokyo', 'America/Santiago']) {
      const tz = TimeZone.of(zone);
      for (let day = 0; day < 365; day += 3) {
        const createdAt = parseInstant('2027-01-01T12:00:00Z') + day * 86_400_000;
        const { lastDay, expiresAt } = callbackExpiry(createdAt, tz, 1);
        expect(tz.toLocal(expiresAt - 1000).date.toString()).toBe(lastDay);
        expect(tz.toLocal(expiresAt).date).toEqual(LocalDate.parse(lastDay).plusDays(1));
      }
    }
  });
});
