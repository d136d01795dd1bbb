import { parseInstant } from '../shared';
import { CallOutcome, CallRecord } from './call-log';
import { callStatistics } from './call-log-statistics';

const T0 = parseInstant('2027-03-28T00:30:00Z');

/** A finished or running call, as far as statistics look at it. */
function aCall(
  id: string,
  outcome: CallOutcome,
  options: { by?: [string, string]; waitSeconds?: number; durationSeconds?: number | null } = {},
): CallRecord {
  const answered = outcome === 'answered';
  return {
    id,
    accountId: 'acct-test',
    hotlineId: 'hl-1',
    hotlineName: 'Boiler room',
    hotlineNumber: '+33140000000',
    carrier: 'simulator',
    carrierCallId: `sim-${id}`,
    caller: '+33612345678',
    planSource: 'schedule',
    startedAt: T0,
    answeredAt: answered ? T0 + (options.waitSeconds ?? 0) * 1000 : null,
    endedAt: null,
    outcome,
    answeredBy:
      answered && options.by
        ? {
            step: 0,
            number: '+33600000000',
            personId: options.by[0],
            personName: options.by[1],
            via: 'on-call',
            level: 0,
            teamId: null,
          }
        : null,
    timeToAnswerSeconds: answered ? (options.waitSeconds ?? 0) : null,
    durationSeconds: options.durationSeconds ?? null,
    voicemailRecording: null,
    legs: [],
    comments: [],
  };
}

describe('call statistics (F17)', () => {
  it('counts outcomes, the answered rate over finished calls, waits, lengths and who answered', () => {
    const stats = callStatistics([
      aCall('1', 'answered', { by: ['bob', 'Bob'], waitSeconds: 10, durationSeconds: 100 }),
      aCall('2', 'answered', { by: ['alice', 'Alice'], waitSeconds: 30, durationSeconds: 60 }),
      aCall('3', 'answered', { by: ['bob', 'Bob'], waitSeconds: 20, durationSeconds: 200 }),
      aCall('4', 'voicemail', { durationSeconds: 40 }),
      aCall('5', 'abandoned', { durationSeconds: 12 }),
      aCall('6', 'in-progress', { durationSeconds: 5 }),
    ]);
    expect(stats).toEqual({
      calls: 6,
      byOutcome: { 'in-progress': 1, answered: 3, voicemail: 1, message: 0, abandoned: 1 },
      answeredRate: 3 / 5,
      timeToAnswer: { count: 3, averageSeconds: 20, medianSeconds: 20, maxSeconds: 30 },
      duration: { count: 5, averageSeconds: 82.4, medianSeconds: 60, maxSeconds: 200 },
      answerers: [
        { personId: 'bob', personName: 'Bob', answered: 2, averageTimeToAnswerSeconds: 15 },
        { personId: 'alice', personName: 'Alice', answered: 1, averageTimeToAnswerSeconds: 30 },
      ],
    });
  });

  it.each<[string, CallRecord[], number | null]>([
    ['no call at all', [], null],
    ['only calls still ringing', [aCall('1', 'in-progress')], null],
    ['nobody answered', [aCall('1', 'message'), aCall('2', 'voicemail')], 0],
    ['everyone answered', [aCall('1', 'answered', { by: ['bob', 'Bob'] })], 1],
  ])('answered rate with %s', (_name, records, rate) => {
    expect(callStatistics(records).answeredRate).toBe(rate);
  });

  it('has no summaries without data, and takes the middle of an even count as the median', () => {
    expect(callStatistics([aCall('1', 'message')])).toMatchObject({
      timeToAnswer: null,
      duration: null,
      answerers: [],
    });
    const even = callStatistics([
      aCall('1', 'answered', { by: ['bob', 'Bob'], waitSeconds: 4 }),
      aCall('2', 'answered', { by: ['bob', 'Bob'], waitSeconds: 10 }),
    ]);
    expect(even.timeToAnswer).toEqual({ count: 2, averageSeconds: 7, medianSeconds: 7, maxSeconds: 10 });
  });

  it('orders answerers with equal counts by name', () => {
    const stats = callStatistics([
      aCall('1', 'answered', { by: ['zed', 'Zoé'] }),
      aCall('2', 'answered', { by: ['amy', 'Amélie'] }),
    ]);
    expect(stats.answerers.map((a) => a.personName)).toEqual(['Amélie', 'Zoé']);
  });
});
